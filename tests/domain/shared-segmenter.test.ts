import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { describe, expect, it, vi } from "vitest";
import { recogniseZones } from "../../src/domain/index.js";
import { sharedJieba } from "../../src/text/segmenter.js";

const plain = Jieba.withDict(dict);

describe("one segmenter per process, shared with retrieval", () => {
  it.each([
    // Ordinary text is cut as the plain dictionary cuts it.
    "今年一季度全市规上工业增加值同比增长8.5%",
    "企业研发投入持续加大，新签约项目落地见效",
    "港口货物吞吐量再创新高",
  ])("cuts ordinary text as before: %s", (text) => {
    expect(sharedJieba().cut(text, true)).toEqual(plain.cut(text, true));
  });

  it.each([
    ["平度经济开发区招商", "经济开发区"],
    ["胶州湾综合保税区进出口", "综合保税区"],
  ])("keeps zone-type words whole: %s", (text, word) => {
    expect(sharedJieba().cut(text, true)).toContain(word);
    expect(plain.cut(text, true)).not.toContain(word);
  });

  it("is the segmenter the recogniser reads with", () => {
    expect(recogniseZones("平度经济开发区招商").map((form) => form.name)).toEqual(["平度经济开发区"]);
  });

  it("loads one dictionary for retrieval and zones together", async () => {
    vi.resetModules();
    let loads = 0;
    vi.doMock("@node-rs/jieba", async (importOriginal) => {
      const original = await importOriginal<typeof import("@node-rs/jieba")>();
      const withDict = (bytes: Uint8Array) => {
        loads += 1;
        return original.Jieba.withDict(bytes);
      };
      return { ...original, Jieba: { withDict } };
    });
    const domain = await import("../../src/domain/index.js");
    const retrieval = await import("../../src/retrieval/tokenize.js");
    domain.recogniseZones("今年，即墨经开区签约项目");
    retrieval.tokenize("今年，即墨经开区签约项目");
    expect(loads).toBe(1);
    vi.doUnmock("@node-rs/jieba");
  });
});
