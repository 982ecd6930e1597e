import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";
import { loadLexicon } from "../../src/brain/lexicon.js";
import { readQuestion } from "../../src/brain/understand.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";

// Written for this test: a bulletin that gives investment only as a rate, and a port's tonnage in 亿吨.
const bulletin = `---
title: 松源新区2025年统计公报
date: 2026-03-12
zone: 松源新区
---
全年固定资产投资比上年增长6.3%。全年港口货物吞吐量1.42亿吨，比上年增长4.1%。全年一般公共预算收入38.6亿元，增长5.0%。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "bulletin.md": bulletin }));
});
afterAll(() => close());

describe("a magnitude asked on its own asks an amount", () => {
  it.each([
    ["松源新区固投完成了多少亿？", "money"],
    ["松源新区财政收入有几个亿", "money"],
    ["松源新区吞吐量多少亿吨", undefined],
    ["松源新区固投增长多少", undefined],
  ])("%s → %s", (question, family) => {
    expect(readQuestion(question, { gazetteer: Gazetteer.load(), lexicon: loadLexicon(), referenceYear: 2026 }).explicitFamily).toBe(family);
  });

  it("is not answered by a rate", async () => {
    const answer = await engine.ask("松源新区2025年固投完成了多少亿？");
    expect(answer.answer).not.toMatch(/为6\.3%/u);
    expect(answer.found).toBe(false);
  });

  it("is answered by an amount", async () => {
    const answer = await engine.ask("松源新区2025年一般公共预算收入多少亿？");
    expect(answer.answer).toContain("38.6亿元");
  });

  it("leaves a magnitude with its own unit to that unit", async () => {
    const answer = await engine.ask("松源新区2025年港口货物吞吐量多少亿吨？");
    expect(answer.answer).toContain("1.42亿吨");
  });
});
