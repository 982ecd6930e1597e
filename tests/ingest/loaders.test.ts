import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { IngestFileError, defaultMarkers, htmlToText, listArticleFiles, loadArticleFile, readArticleFile, type IngestFailureReason, type Markers } from "../../src/ingest/index.js";

const gazetteer = Gazetteer.load();
let dir: string;
const write = async (name: string, content: string | Uint8Array): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};
const BODY = "　　青岛西海岸新区今年以来新签约项目100个，总投资500亿元，同比增长20%以上。\n　　下一步将继续抓好项目建设。";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ingest-test-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectFailure(path: string, reason: IngestFailureReason, options: { maxBytes?: number } = {}): Promise<void> {
  const error = await loadArticleFile(path, { gazetteer, ...options }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(IngestFileError);
  expect((error as IngestFileError).reason).toBe(reason);
  expect((error as IngestFileError).file).toBe(path);
}

describe("file formats", () => {
  it("reads Markdown front matter: title, date, outlet and forced zone; the id is the file's path", async () => {
    const path = await write(
      "fm.md",
      `---\ntitle: 新区项目建设提速\ndate: 2023-03-05\nsource: 青岛日报-2023-03-05\nzone: 上合示范区\n---\n# 小标题不应带井号\n\n${BODY}\n`,
    );
    const [article] = await loadArticleFile(path, { gazetteer });
    expect(article).toMatchObject({ title: "新区项目建设提速", date: "2023-03-05", dateEvidence: "front-matter" });
    expect(article!.source).toBe("fm.md");
    expect(article!.outlet).toBe("青岛日报-2023-03-05");
    expect(article!.id).toBe(`${path}#0`);
    expect(article!.zones.slice(0, 2)).toEqual(["上合示范区", "青岛西海岸新区"]);
    expect(article!.text).not.toMatch(/---|#|title:/);
  });

  it("keeps a Markdown file's section headings and short list items before its first paragraph: only the declared title heads it", async () => {
    const path = await write(
      "sections.md",
      "---\ntitle: 园区发布2026年工作要点\ndate: 2026-02-10\n---\n# 一、2025年发展成效\n\n- 实际使用外资2.18亿美元，同比增长11.8%\n\n# 二、2026年主要目标\n\n- 实际使用外资达到2.5亿美元；\n",
    );
    const [article] = await loadArticleFile(path, { gazetteer });
    expect(article!.title).toBe("园区发布2026年工作要点");
    for (const line of ["一、2025年发展成效", "实际使用外资2.18亿美元", "二、2026年主要目标", "实际使用外资达到2.5亿美元"]) expect(article!.text).toContain(line);
  });

  it.each([
    { name: "a source line at the end", content: `${BODY}\n来源：滨海晨报\n`, outlet: "滨海晨报", kept: [] },
    { name: "a data line at the top", content: `来源：滨海晨报　作者：王某\n\n${BODY}`, outlet: "滨海晨报", kept: [] },
    { name: "a wrapped body line is no source line", content: `　　园区项目的资金\n来源：中央预算内投资和地方专项债券，共计十二亿元，\n已全部到位。\n${BODY}`, outlet: undefined, kept: ["中央预算内投资"] },
  ])("outlet from a 「来源：」 line: $name", async ({ name, content, outlet, kept }) => {
    const [article] = await loadArticleFile(await write(`${name}.txt`, content), { gazetteer });
    expect(article!.outlet).toBe(outlet);
    expect(article!.text).not.toContain(outlet ? `来源：${outlet}` : "\u0000");
    for (const text of kept) expect(article!.text).toContain(text);
  });

  it("a URL given for the file identifies its articles", async () => {
    const path = await write("from-web.txt", BODY);
    const [article] = await loadArticleFile(path, { gazetteer, url: "https://example.org/news/1.html" });
    expect(article!.id).toBe("https://example.org/news/1.html#0");
    expect(article!.source).toBe("from-web.txt");
  });

  it("malformed front matter is dropped with a warning; the text is still read", async () => {
    const { articles, warnings } = await readArticleFile(await write("bad.md", `---\ntitle: [unclosed\n---\n${BODY}`), { gazetteer });
    expect(warnings.map((w) => w.reason)).toEqual(["front-matter-dropped"]);
    expect(articles[0]!.text).toContain("新签约项目100个");
    expect(articles[0]!.text).not.toMatch(/unclosed|---/);
  });

  it("reads a web page's article: readability content, title without the site, date and outlet from meta", async () => {
    const html = `<html><head><title>新区&amp;项目建设提速_某某新闻网</title><meta name="pubdate" content="2023-06-01 08:00">
      <style>p{color:red}</style></head><body><nav><a href="/">首页</a><a href="/a">要闻</a></nav>
      <h1>新区&amp;项目建设提速</h1><script>var x = "不应出现";</script>
      <p>青岛西海岸新区今年以来新签约项目100个，&ldquo;总投资&rdquo;500亿元&nbsp;以上。</p>
      <p>下一步将继续<b>抓好</b>项目建设&#12290;</p><!-- 注释 --></body></html>`;
    const [article] = await loadArticleFile(await write("page.html", html), { gazetteer });
    expect(article).toMatchObject({ title: "新区&项目建设提速", outlet: "某某新闻网", date: "2023-06-01", source: "page.html" });
    expect(article!.dateEvidence).toBe('<meta name="pubdate" content="2023-06-01 08:00">');
    expect(article!.text).toBe("青岛西海岸新区今年以来新签约项目100个，“总投资”500亿元以上。\n下一步将继续抓好项目建设。");
    expect(htmlToText(html).title).toBe("新区&项目建设提速_某某新闻网");
  });

  it("decodes GB18030/GBK files", async () => {
    const gbk = Buffer.from("a1a1a1a1c7e0b5babfaab7a2c7f8c1a6d5f9c8abc4ead0c2c7a9d4bcc8ebd7a4c6f3d2b5313030bcd2d2d4c9cfa1a3", "hex");
    const [article] = await loadArticleFile(await write("gbk.txt", gbk), { gazetteer });
    expect(article!.text).toBe("青岛开发区力争全年新签约入驻企业100家以上。");
  });
});

describe("per-file errors", () => {
  it("empty, whitespace-only", async () => {
    await expectFailure(await write("empty.txt", ""), "empty");
    await expectFailure(await write("blank.txt", "\n　　\n  \n"), "empty");
  });
  it("binary", async () => {
    await expectFailure(await write("nul.txt", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00])), "binary");
  });
  it("undecodable", async () => {
    await expectFailure(await write("bad.txt", Buffer.from([0x61, 0x80, 0x62, 0xff, 0x63, 0x80])), "undecodable");
  });
  it("unsupported type", async () => {
    await expectFailure(await write("data.xlsx", BODY), "unsupported-type");
  });
  it("too large", async () => {
    await expectFailure(await write("big.txt", BODY), "too-large", { maxBytes: 10 });
  });
  it("missing file, a directory", async () => {
    await expectFailure(join(dir, "no-such-file.txt"), "unreadable");
    await mkdir(join(dir, "folder.txt"), { recursive: true });
    await expectFailure(join(dir, "folder.txt"), "unreadable");
  });
  it("a failure inside cleaning or splitting is the file's error, not a crash", async () => {
    const path = await write("boom.txt", BODY);
    const broken: Markers = { ...defaultMarkers(), dropLine: [{ test: () => { throw new Error("boom"); } } as unknown as RegExp] };
    const error = await loadArticleFile(path, { gazetteer, markers: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestFileError);
    expect(error).toMatchObject({ reason: "unparseable", file: path });
    expect((error as Error).message).toContain("boom");
  });
  it("a page with no article text after extraction is empty", async () => {
    await expectFailure(await write("furniture.html", "<html><body><nav><a href='/'>首页</a></nav><footer>版权所有</footer></body></html>"), "empty");
  });
  it("invalid sidecar", async () => {
    const path = await write("sc-bad.txt", BODY);
    await write("sc-bad.txt.meta.json", `{"date": "next tuesday"}`);
    await expectFailure(path, "invalid-metadata");
  });
});

describe("date precedence", () => {
  it("sidecar date applies when the text has no dateline", async () => {
    const path = await write("sc.txt", BODY);
    await write("sc.meta.json", JSON.stringify({ date: "2021-07-01", evidence: "今年以来", title: "侧车标题" }));
    const [article] = await loadArticleFile(path, { gazetteer });
    expect(article).toMatchObject({ date: "2021-07-01", dateEvidence: "sidecar", title: "侧车标题" });
  });

  it("a dateline in the text beats the sidecar; the sidecar supplies the year", async () => {
    const path = await write("dl.txt", `□记者 王明 报道\n　　本报3月9日讯 ${BODY}`);
    await write("dl.txt.meta.json", JSON.stringify({ date: "2021-03-10" }));
    const [article] = await loadArticleFile(path, { gazetteer });
    expect(article).toMatchObject({ date: "2021-03-09", dateEvidence: "本报3月9日讯" });
  });

  it("a dateline without any year source borrows the text's dominant year", async () => {
    const path = await write("dl-year.txt", `　　本报12月2日讯 2019年，新区项目建设提速。2019年完成投资目标。\n${BODY}`);
    const [article] = await loadArticleFile(path, { gazetteer });
    expect(article!.date).toBe("2019-12-02");
  });

  it("--date overrides everything", async () => {
    const path = await write("cli.txt", `　　本报3月9日讯 ${BODY}`);
    await write("cli.meta.json", JSON.stringify({ date: "2021-03-10" }));
    const [article] = await loadArticleFile(path, { gazetteer, date: "2024-01-02" });
    expect(article).toMatchObject({ date: "2024-01-02", dateEvidence: "cli" });
    await expect(loadArticleFile(path, { gazetteer, date: "yesterday" })).rejects.toThrow(/--date/);
  });

  it("no date source leaves the date null", async () => {
    const [article] = await loadArticleFile(await write("nodate.txt", BODY), { gazetteer });
    expect(article).toMatchObject({ date: null, dateEvidence: null });
  });
});

describe("listArticleFiles", () => {
  it("expands directories recursively, skipping sidecars, dotfiles and unsupported types", async () => {
    const root = join(dir, "tree");
    await mkdir(join(root, "sub", ".hidden"), { recursive: true });
    for (const name of ["b.txt", "a.md", "a.md.meta.json", ".draft.txt", "notes.xlsx", "sub/c.html", "sub/.hidden/d.txt"]) {
      await writeFile(join(root, name), BODY);
    }
    const files = await listArticleFiles([root, join(root, "b.txt")]);
    expect(files).toEqual([join(root, "a.md"), join(root, "b.txt"), join(root, "sub", "c.html")]);
  });

  it("keeps a missing path named explicitly, for its load to report", async () => {
    const missing = join(dir, "gone.txt");
    expect(await listArticleFiles([missing])).toEqual([missing]);
    await expectFailure(missing, "unreadable");
  });
});

describe("a social-media post saved as text", () => {
  // Written for this test: a public-account post as copied from the app, with its account line, its date and
  // time, and the follow prompt above the text.
  const raw = [
    "【数读】过去一年，松江食品区交出这份成绩单",
    "",
    "原创　松江食品区发布　松江食品区发布",
    "2026年01月20日 19:35　吉林",
    "",
    "点击上方蓝字“松江食品区发布”，关注我们",
    "",
    "过去的一年，松江食品区项目建设多点开花。全年新签约项目36个，总投资188.2亿元。",
    "",
    "长按识别二维码关注我们",
  ].join("\n");

  it("takes its headline as the title, its post line's date, and leaves the boilerplate out", async () => {
    const [article] = await loadArticleFile(await write("post.txt", raw), { gazetteer });
    expect(article!.title).toBe("【数读】过去一年，松江食品区交出这份成绩单");
    expect(article!.date).toBe("2026-01-20");
    expect(article!.text).not.toContain("点击上方");
    expect(article!.text).not.toContain("长按识别");
    expect(article!.text).not.toContain("原创");
    expect(article!.text).toContain("新签约项目36个");
  });
});
