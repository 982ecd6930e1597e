import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a park's whole figure, then a part of it after 其中 with the same measure word.
const guide = `---
title: 松源绿色食品产业园2026年招商问答
date: 2026-03-10
zone: 松源绿色食品产业园
---
问：园区产业规模有多大？
答：园区现有食品企业138家，其中，烘焙企业27家，2025年产值31.2亿元。全园2025年产值206.5亿元，同比增长9.8%。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "guide.md": guide }));
});
afterAll(() => close());

describe("a figure of a part after 其中", () => {
  it("does not answer a question about the whole", async () => {
    const answer = await engine.ask("松源绿色食品产业园去年产值多少");
    expect(answer.answer).not.toContain("31.2亿元");
  });

  it("answers a question that names the part", async () => {
    const answer = await engine.ask("松源绿色食品产业园烘焙企业去年产值多少");
    expect(answer.answer).toContain("31.2亿元");
  });
});
