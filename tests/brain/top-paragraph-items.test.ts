import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a zone's parks one paragraph each, each with its own output and growth.
const roundup = `---
title: 石湾高新区前三季度"一区多园"运行情况
date: 2026-10-28
zone: 石湾高新技术产业开发区
---
1—9月，石湾高新区完成规上工业总产值980.4亿元，同比增长7.6%，四个园区均实现增长。
北湖科技园：1—9月完成规上工业总产值312.5亿元，同比增长6.2%。
南岭智造园：1—9月完成规上工业总产值268.7亿元，同比增长11.4%。
东港新材料园：1—9月完成规上工业总产值221.9亿元，同比增长8.8%。
西山生物园：1—9月完成规上工业总产值177.3亿元，同比增长4.9%。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "parks.txt": roundup }));
});
afterAll(() => close());

describe("a list whose items are one paragraph each", () => {
  it("ranks the items over the paragraphs that give the same measure", async () => {
    const answer = await engine.ask("石湾高新区哪个园区前三季度产值增长最快？");
    expect(answer.found).toBe(true);
    expect(answer.answer.startsWith("南岭智造园最快")).toBe(true);
    expect(answer.answer).toContain("北湖科技园");
  });
});
