import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// A made-up national ranking report: the zone's place is said in a paragraph whose heading names the
// ranking, after a sentence that names the year a run started.
const report = `---
title: 2022年开发区考核结果揭晓　全省5家进入全国30强
date: 2023-01-16
---
近日，有关部门完成2022年开发区综合发展水平考核评价工作。

综合排名方面，全省共有5家开发区跻身全国30强。这也是2016年考核重启以来全省取得的最好成绩。其中，云梦经济技术开发区位列全国第9位、东部地区第8位。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "report.md": report }));
});
afterAll(() => close());

describe("SentenceBank.topicOf", () => {
  it("gives the paragraph's heading to the sentences after it", () => {
    const bank = (engine.offline as unknown as { bank: import("../../src/brain/sentences.js").SentenceBank }).bank;
    const article = [...engine.corpus.articles.values()][0]!;
    const sentences = bank.ofArticle(article.id);
    const ranked = sentences.find((s) => s.text.includes("第9位"))!;
    const heading = sentences.find((s) => s.text.startsWith("综合排名方面"))!;
    expect(bank.topicOf(ranked)).toBe("综合排名方面");
    expect(bank.topicOf(heading)).toBeUndefined();
  });
});

describe("a paragraph's heading and the headline speak for its sentences", () => {
  it("answers a ranking said under 「综合排名方面」 in a report on the 2022 考核", async () => {
    const answer = await engine.ask("云梦经开区在2022年考核中综合排名全国第几？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("第9位");
  });

  it("does not date the ranking by the year a run started (2016年…以来)", async () => {
    const answer = await engine.ask("云梦经开区2016年综合排第几？");
    expect(answer.found).toBe(false);
  });
});
