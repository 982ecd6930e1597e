import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { readArticleFile, splitFrontMatter } from "../../src/ingest/index.js";

const BODY = "　　胶州湾畔的产业园今年新引进项目42个，完成投资86亿元，同比增长12%。\n　　园区负责人表示，将加快推进在建项目。\n";

describe("splitFrontMatter", () => {
  it.each([
    {
      name: "all known fields",
      input: `---\ntitle: 园区新引进项目42个\ndate: 2022-05-06\nsource: 某某晚报\nzone: 青岛高新区\n---\n${BODY}`,
      frontMatter: { title: "园区新引进项目42个", date: "2022-05-06", source: "某某晚报", zones: ["青岛高新区"] },
      warnings: [],
    },
    {
      name: "an empty field and an unknown one are skipped, the rest kept",
      input: `---\ntitle: 园区新引进项目42个\nzone:\nauthor: 某某\ndate: 2022/5/6\n---\n${BODY}`,
      frontMatter: { title: "园区新引进项目42个", date: "2022-05-06", zones: [] },
      warnings: ["zone: empty", 'unknown field "author"'],
    },
    {
      name: "a compact date",
      input: `---\ndate: 20220506\n---\n${BODY}`,
      frontMatter: { date: "2022-05-06", zones: [] },
      warnings: [],
    },
    {
      name: "a date with its time of day",
      input: `---\ndate: 2022-05-06 10:30:00\n---\n${BODY}`,
      frontMatter: { date: "2022-05-06", zones: [] },
      warnings: [],
    },
    {
      name: "a date that is no date is skipped",
      input: `---\ndate: 下周二\n---\n${BODY}`,
      frontMatter: { zones: [] },
      warnings: ['date: not a date ("下周二")'],
    },
    {
      name: "zones as a list; blank lines before the block",
      input: `\n\n---\nzone: [青岛高新区, 胶州经济技术开发区]\n---\n${BODY}`,
      frontMatter: { zones: ["青岛高新区", "胶州经济技术开发区"] },
      warnings: [],
    },
    {
      name: "several zones in one field, as a roundup writes them",
      input: `---\nzone: 某某高新区（某区）；某某经济技术开发区\n---\n${BODY}`,
      frontMatter: { zones: ["某某高新区（某区）", "某某经济技术开发区"] },
      warnings: [],
    },
    {
      name: "a list inside brackets stays with its name",
      input: `---\nzone: 某省国家级经开区（某某经开区、某城经开区等）\n---\n${BODY}`,
      frontMatter: { zones: ["某省国家级经开区（某某经开区、某城经开区等）"] },
      warnings: [],
    },
  ])("$name", ({ input, frontMatter, warnings }) => {
    const split = splitFrontMatter(input);
    expect(split.frontMatter).toEqual(frontMatter);
    expect(split.body).toBe(BODY);
    expect(split.warnings.map((w) => w.detail)).toEqual(warnings);
  });

  it("a block that is not YAML is dropped with a warning and the text after it is kept", () => {
    const split = splitFrontMatter(`---\ntitle: [没有闭合\n---\n${BODY}`);
    expect(split.frontMatter).toBeUndefined();
    expect(split.body).toBe(BODY);
    expect(split.warnings).toEqual([expect.objectContaining({ reason: "front-matter-dropped" })]);
  });

  it.each([
    { name: "no block", input: BODY },
    { name: "rules around plain text are not front matter", input: `---\n园区今年新引进项目42个。\n---\n${BODY}` },
    { name: "an unclosed fence", input: `---\ntitle: 园区\n${BODY}` },
    { name: "a ruled-off passage with a colon later is text", input: `---\n园区今年新引进项目42个。\n负责人: 某某\n---\n${BODY}` },
  ])("$name: the text is left whole", ({ input }) => {
    const split = splitFrontMatter(input);
    expect(split.frontMatter).toBeUndefined();
    expect(split.body).toBe(input);
  });
});

describe("front matter in .txt files, through the loader", () => {
  const gazetteer = Gazetteer.load();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ingest-fm-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("a .txt file's front matter is read like a .md file's: title and date, no 「---title」", async () => {
    const path = join(dir, "plain.txt");
    await writeFile(path, `---\ntitle: 园区新引进项目42个\ndate: 2022-05-06\nsource: 某某晚报\n---\n\n园区新引进项目42个\n\n${BODY}`);
    const { articles, warnings } = await readArticleFile(path, { gazetteer });
    expect(warnings).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ title: "园区新引进项目42个", date: "2022-05-06", dateEvidence: "front-matter", outlet: "某某晚报", source: "plain.txt" });
    expect(articles[0]!.text).not.toMatch(/---|title|source/);
  });

  it("an empty zone and an unknown field never cost the file", async () => {
    const path = join(dir, "odd-fields.txt");
    await writeFile(path, `---\ntitle: 园区新引进项目42个\nzone:\nreporter: 某某\n---\n${BODY}`);
    const { articles, warnings } = await readArticleFile(path, { gazetteer });
    expect(warnings.map((w) => w.reason)).toEqual(["front-matter-field-ignored", "front-matter-field-ignored"]);
    expect(articles[0]!.title).toBe("园区新引进项目42个");
    expect(articles[0]!.text).toContain("新引进项目42个");
  });
});
