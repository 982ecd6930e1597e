import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a plain text post about a zone no list knows, named in full once with the short name
// it goes by afterwards; no front matter says which zone it is about.
const post = [
  "过去一年，北岭药园交出成绩单",
  "",
  "2026年01月18日 20:10　松原",
  "",
  "过去的一年，中国—北欧岭南生物医药园（以下简称北岭药园）项目建设多点开花。",
  "",
  "全年规上工业总产值86.4亿元，同比增长12.1%。新签约项目27个，总投资133.5亿元。",
].join("\n");

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "post.txt": post }));
});
afterAll(() => close());

describe("a zone an article defines by name", () => {
  it("is the article's zone, and its figures are filed under it", async () => {
    const answer = await engine.ask("北岭药园去年规上工业总产值多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("86.4亿元");
    expect(answer.answer).toContain("北欧岭南生物医药园");
  });

  it("is not mistaken for the city's own words (全市 of Qingdao)", async () => {
    const answer = await engine.ask("北岭药园去年新签约项目多少个？");
    expect(answer.answer).not.toContain("青岛");
    expect(answer.answer).toContain("27个");
  });
});
