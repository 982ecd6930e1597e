import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Made-up reports: one zone's port figures, another zone's industrial output.
const port = `---
title: 松岭湾经济开发区1—5月主要指标
date: 2025-06-20
zone: 松岭湾经济开发区
---
1—5月，松岭湾经济开发区完成规上工业总产值156.2亿元，同比增长10.4%。
园区内的鹤鸣港完成货物吞吐量2650万吨，同比增长4%。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "port.md": port }));
});
afterAll(() => close());

describe("a question about a zone-like name nothing places", () => {
  it("is declined by that name, not answered with another zone's figure", async () => {
    const answer = await engine.ask("鹿台区1—5月规上工业总产值多少？");
    expect(answer.found).toBe(false);
    expect(answer.answer).toContain("鹿台区");
    expect(answer.answer).not.toContain("156.2");
  });

  it("is answered when the articles name it", async () => {
    const answer = await engine.ask("鹤鸣港2025年1—5月货物吞吐量多少？");
    expect(answer.answer).not.toContain("资料中没有关于“鹤鸣港”");
  });
});
