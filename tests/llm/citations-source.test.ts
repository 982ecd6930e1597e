import { describe, expect, it } from "vitest";
import { buildCitations } from "../../src/brain/llm/citations.js";
import type { RetrievedItem } from "../../src/brain/llm/tools.js";

const item: RetrievedItem = {
  label: 1, tool: "search_articles", source: "page-1.html", title: "园区上半年数据", date: "2024-07-18", articleId: "https://news.example/a#0",
  text: "园区上半年规上工业总产值186.4亿元。", sentences: ["园区上半年规上工业总产值186.4亿元。"],
};

describe("LLM citations carry the article's whole source record", () => {
  it("takes URL, OCR mark and pages from the toolbox's source of the article", () => {
    const built = buildCitations("园区上半年规上工业总产值186.4亿元[1]。", new Map([[1, item]]), (articleId) => ({
      source: "page-1.html", title: "园区上半年数据", date: "2024-07-18", url: articleId.replace(/#\d+$/, ""), ocr: true, pages: "2",
    }));
    expect(built.citations).toEqual([{
      source: "page-1.html", title: "园区上半年数据", date: "2024-07-18", url: "https://news.example/a", ocr: true, pages: "2", quote: "园区上半年规上工业总产值186.4亿元。",
    }]);
  });

  it("falls back to what the retrieved item says without a toolbox", () => {
    const built = buildCitations("园区上半年规上工业总产值186.4亿元[1]。", new Map([[1, item]]));
    expect(built.citations).toEqual([{ source: "page-1.html", title: "园区上半年数据", date: "2024-07-18", quote: "园区上半年规上工业总产值186.4亿元。" }]);
  });
});
