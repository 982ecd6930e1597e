import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a bulletin with an amount and its growth side by side.
const bulletin = `---
title: 胶州区2023年经济运行情况
date: 2024-03-20
zone: 胶州区
---
2023年，胶州区实现地区生产总值1780.5亿元，同比增长6.1%。其中，第二产业增加值812.3亿元，增长5.4%；第三产业增加值901.6亿元，增长6.9%。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "bulletin.md": bulletin }));
});
afterAll(() => close());

describe("「X和增速」 asks for an amount and its growth", () => {
  it("answers both, and reads 二产/三产 as 第二/第三产业", async () => {
    const answer = await engine.ask("胶州区2023年二产增加值和增速？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("812.3亿元");
    expect(answer.answer).toContain("5.4%");
    expect(answer.answer).not.toContain("901.6亿元");
  });

  it("gives an amount with the growth reported beside it, each from its quote", async () => {
    const answer = await engine.ask("胶州区2023年地区生产总值多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("1780.5亿元");
    expect(answer.answer).toContain("6.1%");
    expect(answer.answer).not.toContain("5.4%");
  });
});

describe("an amount asked by name is never answered by a rate", () => {
  // Written for this test: only a growth target of the measure is reported.
  const plan = `---
title: 栖霞高新区部署2019年重点工作
date: 2019-03-10
zone: 栖霞高新技术产业开发区
---
按照部署，2019年栖霞高新区力争新签约过亿元项目20个，力争外贸进出口增长7%。
`;
  let only: Engine;
  let closeOnly: () => void = () => {};
  beforeAll(async () => {
    ({ engine: only, close: closeOnly } = await articleEngine({ "plan.md": plan }));
  });
  afterAll(() => closeOnly());

  it("declines 「外贸进出口总额是多少」 rather than give the growth rate", async () => {
    const answer = await only.ask("栖霞高新区2019年外贸进出口总额是多少？");
    expect(answer.found).toBe(false);
  });
});
