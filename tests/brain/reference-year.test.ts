import { describe, expect, it } from "vitest";
import { referenceYearOf } from "../../src/brain/index.js";

describe("referenceYearOf: the year 今年 means in a question", () => {
  const today = new Date("2026-12-07T00:00:00Z");
  it.each([
    { name: "the newest publication year", dates: ["2025-03-01", "2026-10-14", null], year: 2026 },
    { name: "a date after today is a misreading and does not move it", dates: ["2026-10-14", "2035-11-05", "2025-01-02"], year: 2026 },
    { name: "when every date is after today, the newest still counts", dates: ["2031-05-01", "2030-02-01"], year: 2031 },
    { name: "no dates: today's year", dates: [null, undefined], year: 2026 },
  ])("$name", ({ dates, year }) => {
    expect(referenceYearOf(dates, today)).toBe(year);
  });
});
