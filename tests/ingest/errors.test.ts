import { describe, expect, it } from "vitest";
import { failureDetail, failureText, IngestFileError } from "../../src/ingest/index.js";

// A summary line shows a failure's file and reason; its message must add only what they do not say.

describe("what a failure's message adds to its file and reason", () => {
  it.each([
    { name: "an IngestFileError with a detail", error: new IngestFileError("/in/a.pdf", "broken", "PDF 文件已损坏"), detail: "PDF 文件已损坏" },
    { name: "a detail that holds brackets itself", error: new IngestFileError("/in/a.doc", "unsupported-type", "旧版 Word（.doc）(x)"), detail: "旧版 Word（.doc）(x)" },
    { name: "an IngestFileError without one", error: new IngestFileError("/in/empty.txt", "empty"), detail: "" },
    { name: "a link's failure", error: new IngestFileError("http://127.0.0.1:1/a", "http-status", "网页返回 HTTP 404"), detail: "网页返回 HTTP 404" },
  ])("$name", ({ error, detail }) => {
    expect(failureDetail(error.file, error.reason, error.message)).toBe(detail);
  });

  it("keeps any other message whole", () => {
    expect(failureDetail("/in/a.txt", "failed", "ENOENT: no such file or directory")).toBe("ENOENT: no such file or directory");
    expect(failureDetail("/in/a.txt", "crashed", "/in/b.txt: crashed (x)")).toBe("/in/b.txt: crashed (x)");
  });

  it.each([
    { reason: "empty", text: "文件里没有文字" },
    { reason: "binary", text: "不是文本文件（二进制内容）" },
    { reason: "crashed", text: "crashed" },
  ])("says $reason to a person without a detail: $text", ({ reason, text }) => {
    expect(failureText(reason)).toBe(text);
  });
});
