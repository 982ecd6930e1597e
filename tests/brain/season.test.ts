import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";
import { findSeasons, readSeason } from "../../src/reading/index.js";

describe("season recogniser", () => {
  it.each([
    ["2024年春季重点项目集中开工", "spring"],
    ["秋季项目集中开工活动举行", "autumn"],
    ["冬季招聘会", "winter"],
    ["春秋两季各举行一次", undefined],
    ["春季和秋季两次集中开工", undefined],
    ["全年重点项目集中开工", undefined],
  ])("%s → %s", (text, season) => {
    expect(readSeason(text)).toBe(season);
  });

  it("reports where each season word stands", () => {
    expect(findSeasons("春季和秋季").map((s) => [s.start, s.season])).toEqual([[0, "spring"], [3, "autumn"]]);
  });
});

// Written for this test: two events of one zone and year, in spring and in autumn.
const spring = `---
title: 胶州湾综保区春季重点项目集中开工
date: 2024-04-02
zone: 青岛胶州湾综合保税区
---
日前，胶州湾综保区重点项目集中开工活动举行，集中开工项目16个，总投资88.6亿元。
`;
const autumn = `---
title: 胶州湾综保区秋季重点项目集中开工
date: 2024-09-25
zone: 青岛胶州湾综合保税区
---
日前，胶州湾综保区重点项目集中开工活动举行，集中开工项目21个，总投资132.4亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "spring.md": spring, "autumn.md": autumn }));
});
afterAll(() => close());

describe("events told apart by the season asked", () => {
  it("answers the spring event for 春季 and the autumn one for 秋季", async () => {
    const springAnswer = await engine.ask("胶州湾综保区2024年春季集中开工总投资多少？");
    expect(springAnswer.answer).toContain("88.6亿元");
    expect(springAnswer.answer).not.toContain("132.4亿元");
    const autumnAnswer = await engine.ask("胶州湾综保区2024年秋季集中开工总投资多少？");
    expect(autumnAnswer.answer).toContain("132.4亿元");
    expect(autumnAnswer.answer).not.toContain("88.6亿元");
  });
});
