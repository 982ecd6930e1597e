import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { standsForYear } from "../../src/reading/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a plan in March, a year-to-date report in December, one in June, next year's plan.
const plan = `---
title: 松岭经开区召开2023年工作会议
date: 2023-03-01
zone: 松岭经济技术开发区
---
2023年，松岭经开区力争新增专精特新企业11家以上，新开工项目40个。
`;
const december = `---
title: 松岭经开区2023年经济发展交出亮眼成绩单
date: 2023-12-26
zone: 松岭经济技术开发区
---
今年以来，松岭经开区主要经济指标稳中有进：新培育专精特新企业13家；推进市级以上重点项目54个。
`;
const june = `---
title: 松岭经开区上半年经济运行平稳
date: 2023-06-28
zone: 松岭经济技术开发区
---
今年以来，松岭经开区新开工项目18个。
`;

// A later article: the corpus reaches into 2024, so 2023 is a year already past.
const later = `---
title: 松岭经开区召开2024年工作会议
date: 2024-02-20
zone: 松岭经济技术开发区
---
2024年，松岭经开区力争新开工项目45个。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "plan.md": plan, "december.md": december, "june.md": june, "later.md": later }));
});
afterAll(() => close());

describe("a year-to-date figure published in December", () => {
  it("answers a question about the whole year's result, labelled as what it is", async () => {
    const answer = await engine.ask("松岭经开区2023年新培育了多少家专精特新企业？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("13家");
    expect(answer.answer).not.toContain("11家");
  });

  it("leaves a plan asked as a plan", async () => {
    const answer = await engine.ask("松岭经开区2023年计划新增多少家专精特新企业？");
    expect(answer.answer).toContain("11家");
  });

  it("does not let a mid-year figure stand in for the year", async () => {
    const answer = await engine.ask("松岭经开区2023年新开工项目完成了多少个？");
    expect(answer.answer).not.toContain("18个");
  });
});

describe("standsForYear", () => {
  it.each([
    ["ytd", 2023, "2023-12-26", true],
    ["ytd", 2023, "2023-06-28", false],
    ["ytd", 2023, "2024-01-10", false],
    ["M1-11", 2023, "2023-12-10", false],
  ] as const)("%s of %s published %s → %s", (key, year, date, expected) => {
    expect(standsForYear(key, year, date)).toBe(expected);
  });

  it("any year-to-date figure when a running total (累计) is asked", () => {
    expect(standsForYear("ytd", 2025, "2025-09-26", true)).toBe(true);
    expect(standsForYear("M1-6", 2025, "2025-07-20", true)).toBe(false);
  });
});
