import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a spring plan and a December report of the same year, the corpus's newest.
const plan = `---
title: 松岭保税区2024年工作部署
date: 2024-03-20
zone: 松岭保税区
---
新的一年，松岭保税区提出，入库科技型中小企业140家以上，力争21个项目竣工投产。
`;
const review = `---
title: 松岭保税区：稳中求进 蓄势向新
date: 2024-12-20
zone: 松岭保税区
---
2024年即将收官。从主要指标看，今年以来，保税区规模以上工业增加值增长11.8%，科技型中小企业入库165家。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "plan.md": plan, "review.md": review }));
});
afterAll(() => close());

describe("a year whose December the corpus reports on is over", () => {
  it("answers a question without 目标/完成 with what happened, not the spring's plan", async () => {
    const answer = await engine.ask("松岭保税区2024年入库科技型中小企业多少家？");
    expect(answer.answer).toContain("165家");
  });

  it("still answers the plan when the plan is asked", async () => {
    const answer = await engine.ask("松岭保税区2024年入库科技型中小企业目标多少家？");
    expect(answer.answer).toContain("140家");
  });
});
