import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: two reports whose key sentence is word for word the same, so their sentences tie.
const first = `---
title: 园区一季度简报（甲）
date: 2024-04-10
---
一季度，园区新签约项目24个。甲报另载：港口作业平稳有序。
`;
const second = `---
title: 园区一季度简报（乙）
date: 2024-04-10
---
一季度，园区新签约项目24个。乙报另载：物流园区新增仓储面积。
`;

let fresh: Engine;
let warmed: Engine;
const closers: (() => void)[] = [];
beforeAll(async () => {
  for (const target of ["fresh", "warmed"] as const) {
    const { engine, close } = await articleEngine({ "a.md": first, "b.md": second });
    closers.push(close);
    if (target === "fresh") fresh = engine;
    else warmed = engine;
  }
  // The second engine reads the other report first.
  await warmed.ask("物流园区新增仓储面积了吗？");
});
afterAll(() => closers.forEach((close) => close()));

describe("an answer does not depend on the questions asked before it", () => {
  it("cites the same report whichever article an earlier question read first", async () => {
    const question = "园区一季度新签约项目多少个？";
    const [a, b] = [await fresh.ask(question), await warmed.ask(question)];
    expect(a.answer).toContain("24个");
    expect(b.answer).toBe(a.answer);
    expect(b.citations.map((c) => c.source)).toEqual(a.citations.map((c) => c.source));
  });
});
