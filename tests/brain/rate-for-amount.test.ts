import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a plan that gives only a growth rate for trade, next to reports that give trade as amounts;
// industrial value added is only ever given as a rate.
const plan = `---
title: 枫林高新区部署2019年工作
date: 2019-02-10
zone: 枫林高新技术产业开发区
---
2019年，枫林高新区力争外贸进出口增长7%，规上工业增加值增长8%。
`;
const report = `---
title: 枫林高新区一季度经济运行情况
date: 2019-04-15
zone: 枫林高新技术产业开发区
---
一季度，枫林高新区完成外贸进出口总额59亿元，规上工业增加值增长9.1%。
`;
const roundup = `---
title: 多个园区外贸成绩单
date: 2019-07-20
---
石桥经济技术开发区上半年外贸进出口总额215.6亿元。柳岸经济技术开发区上半年外贸进出口总额172.3亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "plan.md": plan, "report.md": report, "roundup.md": roundup }));
});
afterAll(() => close());

describe("an amount asked of a measure the corpus gives as amounts", () => {
  it("is not answered by its growth rate", async () => {
    const answer = await engine.ask("枫林高新区2019年外贸进出口总额是多少？");
    expect(answer.answer).not.toContain("7%");
  });

  it("a measure only ever given as a rate is answered by its rate", async () => {
    const answer = await engine.ask("枫林高新区2019年规上工业增加值目标是多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("8%");
  });
});
