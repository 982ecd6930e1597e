import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config/index.js";
import { ingestFiles } from "../../src/corpus/index.js";
import {
  buildDigestContent, digestCard, DigestCliError, loadDigestTexts, readCorpus, runDigestCli, templateOverview, writeOverview,
  type DigestCorpus, type DigestSender,
} from "../../src/digest/index.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import type { Article, Fact } from "../../src/domain/types.js";
import { createEngine, type Engine } from "../../src/engine/index.js";
import { CARD_LIMIT_BYTES, cardBytes, type Card } from "../../src/lark/index.js";
import { tempConfig } from "../support/engine.js";

const texts = loadDigestTexts();
const NOW = Date.parse("2026-11-23T09:07:00+08:00");
let engine: Engine;
let config: Config;
let cleanup: () => void;
// The seeds give 青岛开发区's 2022 target for 过亿元重点项目 but only 2021's result; a year-end review
// article supplies the 2022 result the progress section pairs with the target.
const review = "---\ntitle: 青岛开发区交出2022年成绩单\ndate: 2023-01-10\nzone: 青岛经济技术开发区\n---\n本报讯 2022年，青岛开发区新签约注册过亿元重点项目30个，积蓄发展动能。\n";
beforeAll(async () => {
  const temp = tempConfig();
  const inbox = mkdtempSync(path.join(tmpdir(), "zonebot-digest-"));
  writeFileSync(path.join(inbox, "review-2022.md"), review);
  await ingestFiles([temp.config.seedsDir, inbox], { config: temp.config, gazetteer: Gazetteer.load() });
  engine = await createEngine(temp.config, { ensureSeeds: false });
  config = temp.config;
  cleanup = () => { engine.close(); temp.cleanup(); rmSync(inbox, { recursive: true, force: true }); };
});
afterAll(() => cleanup());

type Node = Record<string, unknown>;
function elementsOf(card: Card): Node[] {
  const out: Node[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const record = node as Node;
      if (typeof record.tag === "string") out.push(record);
      for (const value of Object.values(record)) if (typeof value === "object") walk(value);
    }
  };
  walk(card.body.elements);
  return out;
}
const markdownOf = (card: Card): string => elementsOf(card).filter((e) => e.tag === "markdown").map((e) => String(e.content)).join("\n");

describe("digest content", () => {
  it("pairs targets with actuals, finds deadlines and picks one metric across zones for the chart", () => {
    const content = buildDigestContent(readCorpus(engine, config.dataDir), { now: NOW });
    const progress = content.progress.find((p) => p.zone === "青岛经济技术开发区");
    expect(progress).toMatchObject({ target: { raw: "36个", year: 2022 }, actual: { raw: "30个", year: 2022 }, percent: 83 });
    expect(content.deadlines.map((d) => d.quote)).toEqual(expect.arrayContaining([expect.stringContaining("预计6月交付使用"), expect.stringContaining("确保四季度整体竣工")]));
    const june = content.deadlines.find((d) => d.quote.includes("预计6月交付使用"))!;
    expect(june).toMatchObject({ due: "2022-06-30", ahead: false, zone: "青岛经济技术开发区", date: "2022-05-15" });
    expect(content.chart!.points.length).toBeGreaterThanOrEqual(2);
    expect(new Set(content.chart!.points.map((p) => p.zone)).size).toBe(content.chart!.points.length);
    const zoneTargets = content.targets.find((g) => g.zone === "上合示范区")!.facts;
    expect(zoneTargets.map((f) => f.raw)).toContain("突破5000家");
    expect(zoneTargets.every((f) => f.title && f.source && f.year)).toBe(true);
    expect(content.firstDigest).toBe(true);
  });

  it("filters by zone, and a deadline ahead of now counts down", () => {
    const content = buildDigestContent(readCorpus(engine, config.dataDir), { now: Date.parse("2022-05-20T09:07:00+08:00"), zones: ["青岛经济技术开发区"] });
    expect(content.targets.map((g) => g.zone)).toEqual(["青岛经济技术开发区"]);
    expect(content.deadlines.every((d) => d.zone === "青岛经济技术开发区")).toBe(true);
    const june = content.deadlines.find((d) => d.quote.includes("预计6月交付使用"))!;
    expect(june).toMatchObject({ ahead: true, daysLeft: 42 });
    expect(content.deadlines[0]!.ahead).toBe(true);
    // The chart still compares zones: one of them is in scope.
    expect(content.chart?.points.some((p) => p.zone === "青岛经济技术开发区")).toBe(true);
  });

  it("renders a JSON 2.0 card: overview, sections, a VChart chart, the follow-up form, under 30 KB", async () => {
    const content = buildDigestContent(readCorpus(engine, config.dataDir), { now: NOW });
    const overview = await writeOverview(content, texts, { contentText: "" });
    const card = digestCard(content, overview, texts);
    expect(card.schema).toBe("2.0");
    expect(card.config.update_multi).toBe(true);
    expect(card).not.toHaveProperty("elements");
    expect(card.header?.title.content).toBe("功能区周报 · 2026-11-23");
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_LIMIT_BYTES);
    const elements = elementsOf(card);
    const chart = elements.find((e) => e.tag === "chart")!;
    expect(chart).toMatchObject({ aspect_ratio: "16:9", chart_spec: { type: "bar", xField: "zone", yField: "value" } });
    const values = (chart.chart_spec as { data: { values: { zone: string; value: number }[] }[] }).data[0]!.values;
    expect(values.length).toBeGreaterThanOrEqual(2);
    expect(values.every((v) => typeof v.value === "number" && v.zone)).toBe(true);
    const form = elements.find((e) => e.tag === "form")!;
    expect(form.name).toBe("digest_followup");
    expect(elements.find((e) => e.tag === "input")).toMatchObject({ name: "question" });
    expect(elements.find((e) => e.tag === "button")).toMatchObject({ form_action_type: "submit", behaviors: [{ type: "callback", value: { action: "digest_ask" } }] });
    const text = markdownOf(card);
    for (const heading of ["本周概览", "最新文章", "重点目标", "目标与进度", "项目节点"]) expect(text).toContain(heading);
    expect(text).toContain("2022年实际 **30个** ／ 2022年目标 **36个**（约为目标的83%）（《青岛开发区交出2022年成绩单》、《突破“实、融、活、优”，打造全国标杆》）");
    expect(text).toContain("《突破“实、融、活、优”，打造全国标杆》");
    expect(text).not.toMatch(/<(?!\/?font)/);
  });

  it("stays under 30 KB with a huge corpus and escapes markdown in titles", () => {
    const zones = Gazetteer.load().zones.map((z) => z.name).slice(0, 20);
    const articles: Article[] = Array.from({ length: 300 }, (_, i) => ({
      id: `big${i}.txt#0`, source: `big${i}.txt`, part: 0, title: `<at id=all></at>超长标题${"很长".repeat(40)}${i}`, date: "2024-01-01", dateEvidence: null,
      zones: [zones[i % zones.length]!], text: `第一句话${"内容".repeat(100)}。预计年底竣工交付${i}号项目${"楼".repeat(50)}。`, contentHash: `h${i}`,
    }));
    const facts: Fact[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `f${i}`, articleId: `big${i % 300}.txt#0`, source: `big${i % 300}.txt`, zone: zones[i % zones.length]!, subject: "", metric: `指标${i}${"项目".repeat(10)}`,
      value: i + 1, unit: "个", raw: `${i + 1}个`, qualifier: "", kind: i % 3 === 0 ? "actual" : "target", year: 2024, period: "year", periodKey: "Y", evidence: `力争全年指标${i}达到${i + 1}个`, start: i, end: i + 5,
    }));
    const corpus: DigestCorpus = { generation: "gen-big", articles, facts, sources: [] };
    const content = buildDigestContent(corpus, { now: NOW });
    const card = digestCard(content, { text: templateOverview(content, texts), by: "template" }, texts);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_LIMIT_BYTES);
    expect(markdownOf(card)).toMatch(/未显示/);
    expect(markdownOf(card)).not.toContain("<at");
  });

  it("says briefly that nothing changed instead of repeating last week's card", () => {
    const corpus = readCorpus(engine, config.dataDir);
    const first = buildDigestContent(corpus, { now: NOW });
    const second = buildDigestContent(corpus, { now: NOW + 7 * 86_400_000, baseline: first.snapshot });
    expect(second.quiet).toBe(true);
    expect(second.newArticles).toEqual([]);
    const card = digestCard(second, { text: "", by: "template" }, texts);
    expect(card.header?.title.content).toContain("本周无变化");
    expect(markdownOf(card)).toContain("本周没有新收录的文章");
    expect(cardBytes(card)).toBeLessThan(3000);
    // A different scope is a change.
    expect(buildDigestContent(corpus, { now: NOW, baseline: first.snapshot, zones: ["青岛高新区"] }).quiet).toBe(false);
  });

  it("an LLM overview is used only when the number guard verifies every number", async () => {
    const content = buildDigestContent(readCorpus(engine, config.dataDir), { now: NOW, zones: ["青岛经济技术开发区"] });
    const { text: contentText } = { text: (await import("../../src/digest/index.js")).digestText(content, undefined, texts) };
    const good = await writeOverview(content, texts, { contentText, writer: async () => "青岛开发区2022年新签约注册过亿元重点项目目标36个，实际30个。" });
    expect(good).toMatchObject({ by: "llm", text: "青岛开发区2022年新签约注册过亿元重点项目目标36个，实际30个。" });
    const invented = await writeOverview(content, texts, { contentText, writer: async () => "青岛开发区今年新签约项目99个，完成率120%。" });
    expect(invented.by).toBe("template");
    expect(invented.rejected).toEqual(expect.arrayContaining(["99个", "120%"]));
    expect(invented.text).toBe(templateOverview(content, texts));
    const broken = await writeOverview(content, texts, { contentText, writer: async () => { throw new Error("HTTP 500"); } });
    expect(broken).toMatchObject({ by: "template", fallback: "HTTP 500" });
    const slow = await writeOverview(content, texts, { contentText, timeoutMs: 50, writer: () => new Promise(() => {}) });
    expect(slow).toMatchObject({ by: "template", fallback: "timed out" });
  });

  it("a newly ingested article appears in the next digest, read from the new generation", async () => {
    const before = buildDigestContent(readCorpus(engine, config.dataDir), { now: NOW });
    const inbox = mkdtempSync(path.join(tmpdir(), "zonebot-digest-inbox-"));
    try {
      const file = path.join(inbox, "shanghe-2026.md");
      writeFileSync(file, "---\ntitle: 上合示范区周报新文章\ndate: 2026-11-20\nzone: 上合示范区\n---\n　　本报讯 上合示范区力争全年新签约过亿元项目60个以上，预计年底竣工交付国际物流中心。\n");
      await ingestFiles([file], { config, gazetteer: Gazetteer.load() });
      const corpus = readCorpus(engine, config.dataDir);
      expect(corpus.generation).not.toBe(engine.corpus.generation);
      const after = buildDigestContent(corpus, { now: NOW + 7 * 86_400_000, baseline: before.snapshot });
      expect(after.quiet).toBe(false);
      expect(after.newArticles.map((a) => a.title)).toEqual(["上合示范区周报新文章"]);
      expect(after.deadlines[0]).toMatchObject({ zone: "上合示范区", due: "2026-12-31", ahead: true });
      const card = digestCard(after, { text: "x", by: "template" }, texts);
      expect(markdownOf(card)).toContain("**新收录文章（1）**\n- 《上合示范区周报新文章》 2026-11-20");
    } finally {
      rmSync(inbox, { recursive: true, force: true });
    }
  });
});

describe("zonebot digest (runDigestCli)", () => {
  it("--dry-run prints a readable text, --json the card, --zones filters", async () => {
    let out = "";
    const write = (text: string): void => { out += text; };
    await runDigestCli(engine, config, { dryRun: true, zones: "青岛开发区", write, now: NOW });
    expect(out).toContain("功能区周报 · 2026-11-23");
    expect(out).toContain("范围：青岛经济技术开发区");
    expect(out).toContain("目标与进度");
    expect(out).not.toContain("**");
    out = "";
    await runDigestCli(engine, config, { dryRun: true, json: true, write, since: "2000-01-01", now: NOW });
    const card = JSON.parse(out) as Card;
    expect(card.schema).toBe("2.0");
    expect(markdownOf(card)).toMatch(/新收录文章（\d+）/);
  });

  it("--send --chat sends one card through the sender; bad arguments are errors", async () => {
    const sent: { chatId: string; uuid: string; card: Card }[] = [];
    const sender: DigestSender = { sendToChat: async (chatId, card, opts) => { sent.push({ chatId, card, uuid: opts.uuid }); return { messageId: "om_1" }; } };
    let out = "";
    const result = await runDigestCli(engine, config, { send: true, chat: "oc_x", sender, write: (t) => { out += t; }, now: NOW });
    expect(result.messageId).toBe("om_1");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.chatId).toBe("oc_x");
    expect(sent[0]!.uuid.length).toBeLessThanOrEqual(50);
    expect(out).toContain("digest sent to oc_x: message om_1");
    await expect(runDigestCli(engine, config, { send: true, sender })).rejects.toThrow(DigestCliError);
    await expect(runDigestCli(engine, config, { dryRun: true, since: "last week" })).rejects.toThrow("--since");
    await expect(runDigestCli(engine, config, { dryRun: true, zones: ["火星开发区"] })).rejects.toThrow("unknown zone");
    await expect(runDigestCli(engine, config, { send: true, chat: "oc_x" })).rejects.toThrow("FEISHU_APP_ID");
  });
});

describe("LLM overview through the configured chat model", () => {
  it("chatModelWriter asks the model once (no tools); its numbers go through the guard", async () => {
    const { startOpenAIServer } = await import("../support/openai-server.js");
    const { chatModelWriter } = await import("../../src/digest/index.js");
    const server = await startOpenAIServer();
    try {
      const writer = chatModelWriter({ baseUrl: server.url, apiKey: "k", model: "test-model", timeoutMs: 10_000 });
      const content = buildDigestContent(readCorpus(engine, config.dataDir), { now: NOW, zones: ["青岛经济技术开发区"] });
      const { digestText } = await import("../../src/digest/index.js");
      const contentText = digestText(content, undefined, texts);
      server.chat.push({ text: "青岛开发区2022年新签约注册过亿元重点项目目标36个，实际30个。" });
      expect(await writeOverview(content, texts, { contentText, writer })).toMatchObject({ by: "llm" });
      server.chat.push({ text: "青岛开发区项目完成率达到95%。" });
      expect(await writeOverview(content, texts, { contentText, writer })).toMatchObject({ by: "template", rejected: ["95%"] });
      const request = server.chat.requests[0]!.body as { messages: { role: string; content: string }[] };
      expect(request.messages[0]!.content).toContain("只能使用内容里出现过的数字");
      expect(request.messages[1]!.content).toContain("36个");
    } finally {
      await server.close();
    }
  });
});
