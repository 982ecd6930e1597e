import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/brain/types.js";
import { citationNote } from "../../src/ingest/index.js";
import { answerCard } from "../../src/lark/cards/index.js";
import { loadBotTexts } from "../../src/lark/texts.js";
import { pageRanges } from "../../src/tools/toolbox.js";
import { cardText } from "../app/harness.js";

// How a citation names where in a document its quote came from: the pages a PDF article was read from as
// ranges (SourceRef.pages), the note after the title and date (prompts/citation-texts.json), a link's URL.

describe("pageRanges", () => {
  it.each([
    [[3], "3"],
    [[2, 3], "2-3"],
    [[1, 2, 3, 5], "1-3,5"],
    [[5, 1, 2, 2], "1-2,5"],
    [[1, 3, 5], "1,3,5"],
    [[], ""],
  ])("%j → %j", (pages, expected) => {
    expect(pageRanges(pages)).toBe(expected);
  });
});

describe("citationNote", () => {
  it.each([
    [{ ocr: true, pages: "3" }, "（OCR识别，第3页）"],
    [{ ocr: true, pages: "2-3,5" }, "（OCR识别，第2-3、5页）"],
    [{ ocr: true }, "（OCR识别）"],
    [{ pages: "1" }, "（第1页）"],
    [{ pages: "1,4" }, "（第1、4页）"],
    [{ ocr: false }, ""],
    [{}, ""],
  ])("%j → %j", (place, expected) => {
    expect(citationNote(place)).toBe(expected);
  });
});

describe("the answer card's citation lines", () => {
  const answer = (citations: Answer["citations"]): Answer => ({
    question: "问", answer: "答", found: true, citations, facts: [], mode: "facts", brain: "offline",
  } as unknown as Answer);

  it("add the OCR mark and pages after the date, and a link's URL as a clickable line", () => {
    const url = "https://news.example.test/a_(b)/c.html?x=1";
    const card = answerCard(answer([
      { source: "扫描版.pdf", title: "扫描件", date: "2024-03-06", quote: "引文一", ocr: true, pages: "2" },
      { source: url, title: "网页", date: null, quote: "引文二", url },
      { source: "报告.txt", title: "文本", date: "2024-01-02", quote: "引文三" },
    ] as Answer["citations"]), loadBotTexts(), { questionMessageId: "om_q" });
    const text = cardText(card);
    expect(text).toContain("**1. 《扫描件》** 2024-03-06（OCR识别，第2页）\n> 引文一");
    expect(text).toContain(`[${url}](https://news.example.test/a_%28b%29/c.html?x=1)`);
    expect(text).toContain("**3. 《文本》** 2024-01-02\n> 引文三");
  });
});
