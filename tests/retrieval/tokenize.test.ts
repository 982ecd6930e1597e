import { describe, expect, it } from "vitest";
import { BIGRAM_PREFIX, contentTerms, tokenize } from "../../src/retrieval/tokenize.js";

describe("tokenize", () => {
  it("keeps content words and numbers, drops stopwords, question words and punctuation", () => {
    const terms = contentTerms("开发区2022年新签约入驻企业的目标是多少家？增长20%，达46.73万人。");
    expect(terms).toEqual(expect.arrayContaining(["开发区", "2022", "签约", "入驻", "企业", "目标", "20%", "46.73"]));
    for (const dropped of ["的", "是", "多少", "？", "，", "。"]) expect(terms).not.toContain(dropped);
  });

  it("lowercases Latin words", () => {
    expect(contentTerms("BOE Display 项目")).toEqual(expect.arrayContaining(["boe", "display"]));
  });

  it("adds prefixed CJK bigrams that never span a stopword", () => {
    const tokens = tokenize("京东方的配套企业");
    expect(tokens).toContain(`${BIGRAM_PREFIX}京东`);
    expect(tokens).toContain(`${BIGRAM_PREFIX}配套`);
    expect(tokens).not.toContain(`${BIGRAM_PREFIX}方的`);
    expect(tokens).not.toContain(`${BIGRAM_PREFIX}的配`);
  });

  it("lets differently segmented phrases share bigrams", () => {
    const question = new Set(tokenize("京东方配套企业"));
    const shared = tokenize("抓紧抓实20余家京东方配套企业的招引落地工作").filter((token) => question.has(token));
    expect(shared.length).toBeGreaterThanOrEqual(4);
  });

  it("returns nothing for punctuation-only text", () => {
    expect(tokenize("，。！？、")).toEqual([]);
  });
});
