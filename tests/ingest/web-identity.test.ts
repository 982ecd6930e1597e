import { existsSync, readdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ingestInputs, pagesDir } from "../../src/cli/ingest.js";
import { printAnswer } from "../../src/cli/output.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { createEngine } from "../../src/engine/index.js";
import { answerCard } from "../../src/lark/cards/index.js";
import { loadBotTexts } from "../../src/lark/texts.js";
import { cardText } from "../app/harness.js";
import { tempConfig } from "../support/engine.js";

// A link's articles are the link's: ids `${link}#${part}`, cited by the URL (SourceRef, card, CLI); fetching
// the same link again replaces what it gave. The saved copy under <data-dir>/pages/ is only for re-reads.

const page = (count: number) => `<!doctype html><html><head><meta charset="utf-8"><title>鳌山湾经济开发区新签约项目${count}个</title></head>
<body><article><h1>鳌山湾经济开发区新签约项目${count}个</h1><p>2025年5月6日</p>
<p>今年1至4月，鳌山湾经济开发区新签约项目${count}个，总投资${count * 4}亿元。</p></article></body></html>`;
const MOVED = `<!doctype html><html><head><meta charset="utf-8"><title>岚湾高新区新增高新技术企业58家</title></head>
<body><article><h1>岚湾高新区新增高新技术企业58家</h1><p>2025年6月2日</p><p>今年以来，岚湾高新区新增高新技术企业58家。</p></article></body></html>`;

const temp = tempConfig("zonebot-link-identity-");
const gazetteer = Gazetteer.load();
let projects = 23;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/news/aoshan.html") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(projects));
    else if (req.url === "/moved") res.writeHead(302, { location: "/news/lanwan.html" }).end();
    else if (req.url === "/news/lanwan.html") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(MOVED);
    else res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  temp.cleanup();
});

const ingest = (inputs: string[]) => ingestInputs(inputs, { config: temp.config, gazetteer, workers: 0 });

async function ask(question: string) {
  const engine = await createEngine(temp.config, { ensureSeeds: false });
  try {
    return { answer: await engine.ask(question, [], { brain: "offline" }), articles: [...engine.corpus.articles.values()], sources: engine.corpus.store.sources() };
  } finally {
    engine.close();
  }
}

function cliText(answer: Parameters<typeof printAnswer>[0]): string {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  try {
    printAnswer(answer);
  } finally {
    spy.mockRestore();
  }
  return written.join("");
}

describe("a link's identity and citation is its URL", () => {
  it("ids and sources are the link; the answer cites the URL on the card and in the CLI; the copy is kept for re-reads", async () => {
    const url = `${base}/news/aoshan.html`;
    const report = await ingest([url]);
    expect(report.errors).toEqual([]);
    expect(report.added).toEqual([url]);

    const { answer, articles, sources } = await ask("鳌山湾经济开发区1至4月新签约项目多少个？");
    expect(articles.map((a) => [a.id, a.source])).toEqual([[`${url}#0`, url]]);
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ path: url, source: url });
    expect(path.dirname(sources[0]!.file!)).toBe(pagesDir(temp.dataDir));
    expect(existsSync(sources[0]!.file!)).toBe(true);

    expect(answer.answer).toContain("23个");
    expect(answer.citations[0]).toMatchObject({ source: url, url });
    const card = cardText(answerCard(answer, loadBotTexts(), { questionMessageId: "om_q" }));
    expect(card).toContain(`[${url}](${url})`);
    expect(cliText(answer)).toContain(`2025-05-06  ${url}\n`);
  });

  it("fetching the same link again replaces its article: one article, the new figures", async () => {
    const url = `${base}/news/aoshan.html`;
    projects = 31;
    const report = await ingest([url]);
    expect(report.rebuilt).toBe(true);
    const { answer, articles, sources } = await ask("鳌山湾经济开发区1至4月新签约项目多少个？");
    expect(articles.map((a) => a.id)).toEqual([`${url}#0`]);
    expect(articles[0]!.title).toBe("鳌山湾经济开发区新签约项目31个");
    expect(sources.map((s) => s.path)).toEqual([url]);
    expect(answer.answer).toContain("31个");
    expect(answer.answer).not.toContain("23个");
    expect(readdirSync(pagesDir(temp.dataDir)).filter((name) => !name.endsWith(".meta.json"))).toHaveLength(1);

    // Unchanged: nothing to do.
    expect((await ingest([url])).rebuilt).toBe(false);
  });

  it("a link that redirects is identified by the link given and cited by where it was read", async () => {
    const link = `${base}/moved`;
    const cited = `${base}/news/lanwan.html`;
    await ingest([link]);
    await ingest([link]);
    const { answer, articles } = await ask("岚湾高新区新增高新技术企业多少家？");
    const moved = articles.filter((a) => a.title.startsWith("岚湾"));
    expect(moved.map((a) => [a.id, a.source])).toEqual([[`${link}#0`, cited]]);
    expect(answer.citations[0]).toMatchObject({ source: cited, url: cited });
  });
});
