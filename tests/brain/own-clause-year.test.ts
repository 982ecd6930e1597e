import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a notice's lead that dates itself 目前 (the publication year) and gives last year's
// output in a clause that names its own year; the sentence after it names the publication year.
const notice = `---
title: 关于组织申报2025年度滨江经开区新能源汽车产业链扶持资金的通知
date: 2025-05-08
zone: 滨江经济技术开发区
---
各有关企业：目前，开发区已集聚新能源汽车产业链企业52家，2024年产业链产值达到218.4亿元。为加快建设新能源汽车产业集群，根据《滨江经济技术开发区支持新能源汽车产业链发展若干措施》（滨经开发〔2025〕3号），现就2025年度扶持资金申报有关事项通知如下。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "notice.md": notice }));
});
afterAll(() => close());

describe("a figure whose own clause names its year", () => {
  it("answers for that year", async () => {
    const answer = await engine.ask("滨江经开区24年新能源汽车产业链产值多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("218.4亿元");
  });

  it("never for the year the rest of its sentence is dated by (目前)", async () => {
    const answer = await engine.ask("滨江经开区25年新能源汽车产业链产值多少？");
    expect(answer.found).toBe(false);
  });
});
