import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// A made-up "一图读懂" piece: a line that only points at the points below it.
const piece = `---
title: 一图读懂丨松溪高新区2026年工作报告
date: 2026-02-03
zone: 松溪高新区
---
松溪高新区2026年工作报告明确了今年的目标任务，一起来看要点👇

2026年目标：地区生产总值增长6%左右，规上工业增加值增长8%以上，新增高新技术企业100家以上。

做强新材料、高端化工两大主导产业，推进新材料产业园二期建设。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "piece.md": piece }));
});
afterAll(() => close());

describe("a brief leaves out a line that only points at what follows", () => {
  it("quotes the goals, not 「一起来看要点」", async () => {
    const answer = await engine.ask("松溪高新区26年打算干点啥");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("8%以上");
    expect(answer.answer).not.toContain("一起来看要点");
  });
});
