import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ingestFiles, openCorpus } from "../../src/corpus/index.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { readArticleFile } from "../../src/ingest/index.js";
import { ingestWorkspace } from "../support/ingest.js";

const gazetteer = Gazetteer.load();
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const OUTLET = "滨海晨报";
const COUNT = 30;
const PARKS = ["青岛西海岸新区", "青岛高新区", "胶州经济技术开发区"];

/** Article i: its own figures (新引进企业 300+i 家, 总投资 70+i 亿元), so a misfiled quote shows. */
function body(i: number): string {
  const park = PARKS[i % PARKS.length]!;
  return `　　本报讯 ${i % 9 + 1}月${i % 27 + 1}日，记者从${park}获悉，${park}第${i + 1}批重点项目今年新引进企业${300 + i}家，总投资${70 + i}亿元，同比增长${10 + i}%。\n　　下一步，${park}将加快推进第${i + 1}批项目建设。\n`;
}

/** The same outlet said three ways: front matter (.md, .txt), a 「来源：」 line (.txt), a page's site name (.html). */
function file(i: number): { name: string; content: string } {
  const title = `第${i + 1}批重点项目签约`;
  switch (i % 4) {
    case 0:
      return { name: `cms-${i}.md`, content: `---\ntitle: ${title}\ndate: 2023-05-${String((i % 28) + 1).padStart(2, "0")}\nsource: ${OUTLET}\n---\n${body(i)}` };
    case 1:
      return { name: `cms-${i}.txt`, content: `---\ntitle: ${title}\nsource: ${OUTLET}\n---\n${body(i)}` };
    case 2:
      return { name: `cms-${i}.txt`, content: `${title}\n\n${body(i)}\n来源：${OUTLET}\n` };
    default: {
      const paragraphs = body(i).trim().split("\n").map((p) => `<p>${p.trim()}</p>`).join("");
      return { name: `cms-${i}.html`, content: `<html><head><title>${title}_${OUTLET}</title><meta property="og:site_name" content="${OUTLET}"></head><body><article>${paragraphs}</article></body></html>` };
    }
  }
}

describe("article identity: many files from one outlet", () => {
  it(`ingests ${COUNT} files sharing one outlet: every article survives and quotes only its own text`, async () => {
    const { config, inbox } = ingestWorkspace(cleanups);
    const files = Array.from({ length: COUNT }, (_, i) => ({ ...file(i), i }));
    for (const { name, content } of files) writeFileSync(path.join(inbox, name), content);

    for (const { name } of files) {
      const { articles } = await readArticleFile(path.join(inbox, name), { gazetteer });
      expect(articles.map((a) => [a.source, a.outlet]), name).toEqual([[name, OUTLET]]);
    }

    const report = await ingestFiles([inbox], { config, gazetteer, workers: 0 });
    expect(report.errors).toEqual([]);
    expect(report.added).toHaveLength(COUNT);
    expect(report.articles).toBe(COUNT);

    const corpus = await openCorpus(config);
    cleanups.push(() => corpus.close());
    const articles = [...corpus.articles.values()];
    expect(articles).toHaveLength(COUNT);
    expect(new Set(articles.map((a) => a.source))).toEqual(new Set(files.map((f) => f.name)));
    for (const article of articles) expect(article.id).toBe(`${path.resolve(inbox, article.source)}#0`);

    const byName = new Map(files.map((f) => [f.name, f.i]));
    for (const article of articles) {
      const i = byName.get(article.source)!;
      expect(article.text, article.source).toContain(`新引进企业${300 + i}家`);
    }

    const facts = corpus.store.facts();
    expect(facts.length).toBeGreaterThanOrEqual(COUNT);
    for (const fact of facts) {
      const article = corpus.articles.get(fact.articleId)!;
      expect(article.source).toBe(fact.source);
      expect(article.text.slice(fact.start, fact.end)).toBe(fact.evidence);
    }
    for (const { name, i } of files) {
      const own = facts.filter((fact) => fact.raw === `${300 + i}家`);
      expect(own.map((fact) => fact.source), name).toEqual([name]);
    }

    for (const { name, i } of files.filter((f) => f.i % 7 === 0)) {
      const [hit] = await corpus.index.search(`第${i + 1}批重点项目新引进企业${300 + i}家`, { k: 1 });
      expect(hit?.chunk.source, name).toBe(name);
      expect(corpus.articles.get(hit!.chunk.articleId)!.text).toContain(hit!.chunk.text);
    }
  }, 60_000);
});
