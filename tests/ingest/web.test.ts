import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { fetchPage, type IngestFailureReason, IngestFileError, isLink, readArticleFile, saveLinks, savePage } from "../../src/ingest/index.js";
import { textPdf } from "../documents/minimal-pdf.js";
import { isLoopback, watchNetwork } from "../support/network.js";

// Links fetched from a loopback server this test starts: every answer a news site can give, good and bad.

const gazetteer = Gazetteer.load();
const BODY = "青岛西海岸新区今年以来新签约项目100个，总投资500亿元，同比增长20%以上。下一步将继续抓好项目建设，推动项目早开工、早投产。";
const page = (title: string, head = "") =>
  `<!doctype html><html><head>${head}<title>${title}</title></head><body><nav>首页 | 新闻</nav><article><h1>${title}</h1><p>${BODY}</p><p>${BODY}</p></article><footer>版权所有</footer></body></html>`;
const gbk = (text: string) => new Uint8Array(new TextEncoderGbk().encode(text));

/** GBK bytes for the test pages, through the decoder's inverse (Node has no GBK encoder): a table of the characters used. */
class TextEncoderGbk {
  private readonly table = new Map<string, number[]>();
  constructor() {
    const decoder = new TextDecoder("gbk");
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && !this.table.has(char)) this.table.set(char, [lead, trail]);
      }
    }
  }
  encode(text: string): number[] {
    return [...text].flatMap((char) => (char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : (this.table.get(char) ?? [0x3f])));
  }
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes: Record<string, Handler> = {
  "/news/utf8.html": (_, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page("新区项目建设提速")),
  "/news/gbk-header.html": (_, res) => res.writeHead(200, { "content-type": "text/html; charset=GBK" }).end(gbk(page("新区招商引资成效明显"))),
  "/news/gbk-meta.html": (_, res) => res.writeHead(200, { "content-type": "text/html" }).end(gbk(page("新区产业项目落地", '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'))),
  "/news/gbk-undeclared.html": (_, res) => res.writeHead(200, { "content-type": "text/html" }).end(gbk(page("新区重点项目开工"))),
  "/moved": (_, res) => res.writeHead(302, { location: "/news/utf8.html" }).end(),
  "/loop": (_, res) => res.writeHead(301, { location: "/loop" }).end(),
  "/missing": (_, res) => res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not Found</h1>"),
  "/slow": () => undefined, // never answers
  "/slow-body": (_, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.write("<html><body>"); // …and never finishes
  },
  "/huge-declared": (_, res) => res.writeHead(200, { "content-type": "text/html", "content-length": String(50 * 1024 * 1024) }).end(),
  "/huge-streamed": (_, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    for (let i = 0; i < 40; i++) res.write("x".repeat(64 * 1024));
    res.end();
  },
  "/data.json": (_, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"),
  "/klingon.html": (_, res) => res.writeHead(200, { "content-type": "text/html; charset=x-klingon" }).end(page("标题")),
  "/lying.html": (_, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(gbk(page("编码不符的网页"))),
  "/paper.pdf": (_, res) => res.writeHead(200, { "content-type": "application/pdf" }).end(textPdf("Hello zonebot")),
};

let server: Server;
let base: string;
let dir: string;
const network = watchNetwork();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ingest-web-"));
  server = createServer((req, res) => (routes[req.url ?? ""] ?? routes["/missing"]!)(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  network.restore();
  await rm(dir, { recursive: true, force: true });
});

describe("a link read like a saved page", () => {
  it("fetches, saves and reads a page: the link is the source citations show", async () => {
    const url = `${base}/news/utf8.html`;
    const { saved, failed } = await saveLinks([url], dir);
    expect(failed).toEqual([]);
    const { articles } = await readArticleFile(saved[0]!.file, { gazetteer });
    expect(articles).toHaveLength(1);
    expect(articles[0]!.source).toBe(url);
    expect(articles[0]!.title).toBe("新区项目建设提速");
    expect(articles[0]!.text).toContain("新签约项目100个");
    expect(articles[0]!.text).not.toMatch(/首页|版权所有/);
  });

  it.each([
    { path: "/news/gbk-header.html", title: "新区招商引资成效明显", how: "charset in the Content-Type header" },
    { path: "/news/gbk-meta.html", title: "新区产业项目落地", how: "charset in <meta http-equiv> (gb2312 read as GBK)" },
    { path: "/news/gbk-undeclared.html", title: "新区重点项目开工", how: "no charset anywhere: not UTF-8, so GB18030" },
  ])("decodes a GBK page: $how", async ({ path, title }) => {
    const fetched = await fetchPage(`${base}${path}`);
    expect(fetched.kind).toBe("html");
    expect(fetched.body).toContain(title);
    expect(fetched.body).toContain("总投资500亿元");
  });

  it("follows a redirect: the page is named by the link given, cited by where it was read", async () => {
    const url = `${base}/moved`;
    const { saved } = await saveLinks([url], dir);
    expect(saved[0]!.url).toBe(url);
    const { articles } = await readArticleFile(saved[0]!.file, { gazetteer });
    expect(articles[0]!.source).toBe(`${base}/news/utf8.html`);
  });

  it("saves one file per link: fetching it again replaces the file, not adds one", async () => {
    const first = await savePage(await fetchPage(`${base}/news/utf8.html`), dir);
    const again = await savePage(await fetchPage(`${base}/news/utf8.html`), dir);
    expect(again.file).toBe(first.file);
    expect(basename(first.file)).toMatch(/^127\.0\.0\.1_\d+_news_utf8-[0-9a-f]{12}\.html$/);
    expect(JSON.parse(readFileSync(`${first.file}.meta.json`, "utf8"))).toEqual({ url: `${base}/news/utf8.html` });
  });

  it("reads a PDF behind a link through the PDF reader", async () => {
    const { saved } = await saveLinks([`${base}/paper.pdf`], dir);
    expect(saved[0]!.file).toMatch(/\.pdf$/);
    const { articles } = await readArticleFile(saved[0]!.file, { gazetteer });
    expect(articles[0]!.source).toBe(`${base}/paper.pdf`);
    expect(articles[0]!.pages).toEqual([1]);
  });

  it("tells links from paths", () => {
    expect(["https://example.org/a", "HTTP://x", "./https:/x", "news.html", "ftp://x"].map(isLink)).toEqual([true, true, false, false, false]);
  });
});

const failures: { name: string; path: string; reason: IngestFailureReason; message: RegExp; limits?: Parameters<typeof fetchPage>[1] }[] = [
  { name: "a page that answers 404", path: "/missing", reason: "http-status", message: /HTTP 404/ },
  { name: "a server that never answers", path: "/slow", reason: "timeout", message: /0\.3 秒内没有传完/, limits: { timeoutMs: 300 } },
  { name: "a body that never ends", path: "/slow-body", reason: "timeout", message: /没有传完/, limits: { timeoutMs: 300 } },
  { name: "a declared length over the limit", path: "/huge-declared", reason: "too-large", message: /网页太大：超过 1 MB/, limits: { maxBytes: 1024 * 1024 } },
  { name: "a streamed body over the limit", path: "/huge-streamed", reason: "too-large", message: /网页太大/, limits: { maxBytes: 1024 * 1024 } },
  { name: "redirects in a loop", path: "/loop", reason: "too-many-redirects", message: /跳转超过 3 次/, limits: { maxRedirects: 3 } },
  { name: "something that is not a page", path: "/data.json", reason: "not-html", message: /application\/json/ },
  { name: "a charset no decoder knows", path: "/klingon.html", reason: "bad-charset", message: /x-klingon/ },
  { name: "bytes that are not in the declared charset", path: "/lying.html", reason: "bad-charset", message: /utf-8/ },
];

describe("links that cannot be read: one clear error each, nothing saved", () => {
  it.each(failures)("$name → $reason", async ({ path, reason, message, limits }) => {
    const url = `${base}${path}`;
    const failedDir = join(dir, `failed-${reason}`);
    const { saved, failed } = await saveLinks([url], failedDir, limits);
    expect(saved).toEqual([]);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toBeInstanceOf(IngestFileError);
    expect(failed[0]!.file).toBe(url);
    expect(failed[0]!.reason).toBe(reason);
    expect(failed[0]!.message).toMatch(message);
    expect(existsSync(failedDir)).toBe(false);
  });

  it("a link that is not http(s), and a port nobody listens on", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { failed } = await saveLinks(["ftp://127.0.0.1/a.html", `http://127.0.0.1:${port}/a.html`], dir);
    expect(failed.map((f) => f.reason)).toEqual(["bad-url", "unreachable"]);
    expect(failed[1]!.message).toMatch(/无法连接到网页：ECONNREFUSED/);
  });

  it("fetches a link given twice once", async () => {
    const url = `${base}/news/utf8.html`;
    const { saved } = await saveLinks([url, url], join(dir, "twice"));
    expect(saved.map((s) => s.url)).toEqual([url]);
  });

  it("the others of a batch are saved when one fails", async () => {
    const { saved, failed } = await saveLinks([`${base}/missing`, `${base}/news/utf8.html`], dir);
    expect(saved.map((s) => s.url)).toEqual([`${base}/news/utf8.html`]);
    expect(failed.map((f) => f.file)).toEqual([`${base}/missing`]);
  });

  it("went nowhere but the loopback server", () => {
    expect(network.destinations.filter((d) => !isLoopback(d))).toEqual([]);
  });
});
