import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a year-end review that dates the zone's founding only by an anniversary.
const review = `---
title: 云岭新区交出年度答卷
date: 2025-01-20
zone: 云岭新区
---
今年正值云岭新区获批设立15周年，新区将继续深化改革。
过去一年，云岭新区实现地区生产总值1200亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "review.md": review }));
});
afterAll(() => close());

describe("a start dated by an anniversary", () => {
  it("is reckoned from the year the anniversary falls in, and the reckoning is shown", async () => {
    const answer = await engine.ask("云岭新区是哪一年获批设立的？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("15周年");
    expect(answer.answer).toContain("2010年");
    expect(answer.derived).toContain("2010");
  });
});
