import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";
import { dayWithinPeriod, monthsOf } from "../../src/reading/index.js";

// Written for this test: a groundbreaking dated by its day, the quarter only named in the event's title.
const groundbreaking = `---
title: 云溪高新区重大项目集中开工
date: 2026-05-21
zone: 云溪高新区
---
5月20日上午，云溪高新区2026年二季度重大项目集中开工活动在智造小镇举行。此次集中开工项目18个，总投资96.5亿元。
`;

const meeting = `---
title: 云溪高新区召开工作会议
date: 2026-01-12
zone: 云溪高新区
---
1月11日，云溪高新区召开2026年工作会议。会议提出，力争全年引进产业项目24个以上。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "kaigong.md": groundbreaking, "meeting.md": meeting }));
});
afterAll(() => close());

describe("an event's figure dated by its day", () => {
  it.each([
    ["M1-3", [1, 2, 3]],
    ["Q2", [4, 5, 6]],
    ["H2", [7, 8, 9, 10, 11, 12]],
    ["M1-6", [1, 2, 3, 4, 5, 6]],
    ["Y", []],
  ])("%s covers months %j", (key, months) => {
    expect(monthsOf(key)).toEqual(months);
  });

  it("lies within a part of the year only when its month does", () => {
    expect(dayWithinPeriod("Q2", "Y", 5)).toBe(true);
    expect(dayWithinPeriod("M1-3", "Y", 5)).toBe(false);
    expect(dayWithinPeriod("Q2", "Q2", 5)).toBe(false);
    expect(dayWithinPeriod("Q2", "Y", null)).toBe(false);
  });

  it("answers the quarter its day is in", async () => {
    const answer = await engine.ask("云溪高新区26年二季度集中开工了多少个项目？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("18个");
  });

  it("answers no other quarter", async () => {
    const answer = await engine.ask("云溪高新区26年三季度集中开工了多少个项目？");
    expect(answer.found).toBe(false);
  });

  it("a goal set on a day is the year's, not that quarter's", async () => {
    const answer = await engine.ask("云溪高新区26年一季度引进产业项目多少个？");
    expect(answer.found).toBe(false);
  });
});
