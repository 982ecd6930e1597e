import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: an event named in its lead paragraph, its figures in the next; and the year's total.
const event = `---
title: 石桥经开区：项目建设跑出加速度
date: 2021-06-09
zone: 石桥经济技术开发区
---
6月8日，石桥经济技术开发区2021年夏季重点项目集中签约仪式举行。

共签约项目9个，协议总投资66.6亿元，涵盖新材料、智能装备等领域。
`;
const year = `---
title: 石桥经开区2021年主要经济指标
date: 2022-01-20
zone: 石桥经济技术开发区
---
2021年，石桥经开区新签约项目120个，签约项目总投资520亿元。
`;

// The day is said once, in a lead that does not repeat the event's words; a later paragraph about the event is
// dated only by a year.
const opening = `---
title: 柳岸区春季项目开工
date: 2023-03-06
zone: 柳岸区
---
3月5日上午，柳岸区2023年春季重点项目开工仪式在滨河新材料产业园举行。

本次集中开工在滨河新材料产业园设立主会场。按照计划，项目2023年将完成一期主体工程建设。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "event.md": event, "year.md": year, "opening.md": opening }));
});
afterAll(() => close());

describe("an event named in its lead, its figures in the paragraph after", () => {
  it("answers the event's total", async () => {
    const answer = await engine.ask("石桥经开区2021年6月集中签约项目总投资是多少");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("66.6亿元");
    expect(answer.answer).not.toContain("520亿元");
  });

  it("answers the event's count, with no note that the year's total disagrees", async () => {
    const answer = await engine.ask("石桥经开区2021年6月集中签约了多少个项目");
    expect(answer.answer).toContain("9个");
    expect(answer.answer).not.toContain("120个");
  });
});

describe("a question that asks which day", () => {
  it("is not answered by a sentence dated only by a year", async () => {
    const answer = await engine.ask("柳岸区那次集中开工是哪天？");
    expect(answer.answer).not.toContain("按照计划");
    // Either the lead's day, or a decline: never the year of a plan.
    if (answer.found) expect(answer.answer).toContain("3月5日");
  });
});
