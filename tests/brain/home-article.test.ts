import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a roundup of several zones and a piece about one of them, both on how it attracts investment.
const roundup = `---
title: 九大功能区比学赶超
date: 2024-03-01
---
松原新区将聚焦海洋产业，全力招商引资。鹿鸣高新区将深入实施“全员招商”，全年引进优质项目230个以上。
`;
const own = `---
title: 鹿鸣高新区前三季度主要指标稳中向好
date: 2024-10-24
zone: 鹿鸣高新区
---
高新区深化“全员招商”机制，组建8支产业链专业招商团队，实行“一个项目、一名领导、一个专班”全流程服务。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "a-roundup.md": roundup, "b-own.md": own }));
});
afterAll(() => close());

describe("of two sentences that answer equally, the piece about the asked zone comes first", () => {
  it("describes how the zone attracts investment from its own piece", async () => {
    const answer = await engine.ask("鹿鸣高新区招商是怎么搞的？");
    expect(answer.found).toBe(true);
    expect(answer.citations[0]?.source).toBe("b-own.md");
  });
});
