import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SentenceBank } from "../../src/brain/sentences.js";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// A made-up roundup: its home zone is the first one named, and each later paragraph is about another
// zone, which it then calls by a generic word (示范区, 该开发区).
const roundup = `---
title: 前5个月我市三个园区主要指标保持增长
date: 2025-06-20
---
记者从市有关部门获悉，1—5月，鹿鸣湾经济开发区实现规上工业总产值212.5亿元，同比增长7.9%。
栖霞临空经济示范区完成货邮吞吐量8.6万吨。示范区新签约临空产业项目12个。
栖霞湾经济开发区实现规上工业总产值96.2亿元。该开发区1—5月新开工项目19个。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "roundup.md": roundup }));
});
afterAll(() => close());

describe("a generic zone word refers to the zone its paragraph is about", () => {
  const zonesOf = (needle: string) => {
    const bank = (engine.offline as unknown as { bank: SentenceBank }).bank;
    const article = [...engine.corpus.articles.values()][0]!;
    return bank.ofArticle(article.id).find((s) => s.text.includes(needle))!.zones;
  };

  it.each([
    ["示范区新签约临空产业项目12个", "栖霞临空经济示范区"],
    ["该开发区1—5月新开工项目19个", "栖霞湾经济开发区"],
  ])("%s → %s", (sentence, zone) => {
    expect(zonesOf(sentence)).toEqual([zone]);
  });

  it("keeps another zone's paragraph out of the home zone's brief", async () => {
    const answer = await engine.ask("鹿鸣湾经济开发区25年1—5月咋样？");
    expect(answer.answer).toContain("212.5亿元");
    expect(answer.answer).not.toContain("19个");
    expect(answer.answer).not.toContain("12个");
  });
});
