/**
 * Files are kept apart by path: two `report.md` in different folders are two files, each answer cites its
 * own text, and re-ingesting one never touches the other. Outlets are stored; per-file warnings reported.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ingestFiles, openCorpus } from "../../src/corpus/index.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import type { Article, Fact } from "../../src/domain/types.js";
import { createEngine } from "../../src/engine/index.js";
import { currentGeneration } from "../../src/store/index.js";
import { ingestWorkspace } from "../support/ingest.js";

const gazetteer = Gazetteer.load();
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** One report in the genre: a zone's first quarter, with a yearly target of `target` projects. */
function report(zone: string, year: number, target: number, outlet?: string): string {
  return `---
title: ${zone}一季度招商成绩单
date: ${year}-04-20
zone: ${zone}
${outlet ? `source: ${outlet}\n` : ""}---
　　本报讯 今年一季度，${zone}新签约过亿元项目${target - 40}个，总投资达到${target + 60}.5亿元。
　　${zone}力争全年新签约过亿元项目${target}个以上，实现外贸进出口总额增长15%。
`;
}

const SHANGHE = { zone: "上合示范区", year: 2024, target: 60 };
const GAOXIN = { zone: "青岛高新区", year: 2023, target: 45, outlet: "青岛日报" };
const question = (z: { zone: string; year: number }) => `${z.zone}${z.year}年力争新签约过亿元项目多少个？`;

/** Two folders, each with a report.md about a different zone. */
function twoReports(inbox: string): { north: string; south: string } {
  const north = path.join(inbox, "north", "report.md");
  const south = path.join(inbox, "south", "report.md");
  for (const file of [north, south]) mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(north, report(SHANGHE.zone, SHANGHE.year, SHANGHE.target));
  writeFileSync(south, report(GAOXIN.zone, GAOXIN.year, GAOXIN.target, GAOXIN.outlet));
  return { north, south };
}

type Config = ReturnType<typeof ingestWorkspace>["config"];

async function snapshot(config: Config): Promise<{ articles: Article[]; facts: Fact[]; sources: string[] }> {
  const corpus = await openCorpus(config);
  try {
    return { articles: [...corpus.articles.values()], facts: corpus.store.facts(), sources: corpus.store.sources().map((s) => s.path) };
  } finally {
    corpus.close();
  }
}

async function answer(config: Config, asked: string): Promise<{ answer: string; source?: string; quote?: string }> {
  const engine = await createEngine(config, { ensureSeeds: false });
  try {
    const result = await engine.ask(asked);
    return { answer: result.answer, source: result.citations[0]?.source, quote: result.citations[0]?.quote };
  } finally {
    engine.close();
  }
}

const ofFile = (file: string) => (item: { id?: string; articleId?: string }) => (item.articleId ?? item.id)!.startsWith(`${file}#`);

describe("files with the same name in different folders", () => {
  it("keeps both, and each answer cites its own text under the file's name", async () => {
    const { config, inbox } = ingestWorkspace(cleanups);
    const { north, south } = twoReports(inbox);
    const first = await ingestFiles([inbox], { config, gazetteer, workers: 0 });
    expect(first.errors).toEqual([]);
    expect(first.added).toEqual(["report.md", "report.md"]);
    const stored = await snapshot(config);
    expect(stored.sources.sort()).toEqual([north, south].sort());
    expect(stored.articles.map((a) => a.id).sort()).toEqual([`${north}#0`, `${south}#0`].sort());
    expect(stored.articles.find(ofFile(north))!.text).toContain("上合示范区");
    expect(stored.articles.find(ofFile(south))!.text).toContain("青岛高新区");

    const shanghe = await answer(config, question(SHANGHE));
    expect(shanghe.answer).toContain("60个");
    expect(shanghe).toMatchObject({ source: "report.md", quote: expect.stringContaining("上合示范区力争全年新签约过亿元项目60个") });
    const gaoxin = await answer(config, question(GAOXIN));
    expect(gaoxin.answer).toContain("45个");
    expect(gaoxin).toMatchObject({ source: "report.md", quote: expect.stringContaining("青岛高新区力争全年新签约过亿元项目45个") });
  });

  it("re-ingesting one after a change leaves the other's articles and facts untouched", async () => {
    const { config, inbox } = ingestWorkspace(cleanups);
    const { north, south } = twoReports(inbox);
    await ingestFiles([inbox], { config, gazetteer, workers: 0 });
    const before = await snapshot(config);

    writeFileSync(south, report(GAOXIN.zone, GAOXIN.year, 48, GAOXIN.outlet));
    const changed = await ingestFiles([inbox], { config, gazetteer, workers: 0 });
    expect(changed.added).toEqual(["report.md"]);
    expect(changed.unchanged).toEqual(["report.md"]);
    const after = await snapshot(config);
    expect(after.articles.filter(ofFile(north))).toEqual(before.articles.filter(ofFile(north)));
    expect(after.facts.filter(ofFile(north))).toEqual(before.facts.filter(ofFile(north)));
    expect(after.facts.filter(ofFile(north)).length).toBeGreaterThan(0);
    expect(after.facts.filter(ofFile(south)).map((f) => f.raw)).toEqual(expect.arrayContaining(["48个"]));
    expect(after.facts.filter(ofFile(south)).map((f) => f.raw)).not.toContain("45个");
    expect(after.sources.sort()).toEqual([north, south].sort());

    // Only the other folder named this time: the first file stays as it was, the second is not read again.
    const again = await ingestFiles([path.dirname(north)], { config, gazetteer, workers: 0 });
    expect(again.rebuilt).toBe(false);
    expect(await snapshot(config)).toEqual(after);
    expect((await answer(config, question(SHANGHE))).quote).toContain("项目60个");
    expect((await answer(config, question(GAOXIN))).quote).toContain("项目48个");
  });

  it("a crash while replacing one of them leaves the old generation, with both, loadable", async () => {
    const { config, inbox } = ingestWorkspace(cleanups);
    const { south } = twoReports(inbox);
    await ingestFiles([inbox], { config, gazetteer, workers: 0 });
    const before = await snapshot(config);
    const generation = currentGeneration(config.dataDir)?.name;

    writeFileSync(south, report(GAOXIN.zone, GAOXIN.year, 48, GAOXIN.outlet));
    const crash = () => {
      throw new Error("simulated crash");
    };
    await expect(ingestFiles([inbox], { config, gazetteer, workers: 0, beforeCommit: crash })).rejects.toThrow("simulated crash");
    expect(currentGeneration(config.dataDir)?.name).toBe(generation);
    expect(await snapshot(config)).toEqual(before);
    // The next run picks the change up.
    const retried = await ingestFiles([inbox], { config, gazetteer, workers: 0 });
    expect(retried.added).toEqual(["report.md"]);
  });
});

describe("what the store keeps and the report says", () => {
  it("stores the outlet with the article and hands it to the tools' source references", async () => {
    const { config, inbox } = ingestWorkspace(cleanups);
    const { north, south } = twoReports(inbox);
    await ingestFiles([inbox], { config, gazetteer, workers: 0 });
    const engine = await createEngine(config, { ensureSeeds: false });
    cleanups.push(() => engine.close());
    expect(engine.corpus.articles.get(`${south}#0`)?.outlet).toBe("青岛日报");
    expect(engine.corpus.articles.get(`${north}#0`)?.outlet).toBeUndefined();
    expect(engine.tools.sourceOf(`${south}#0`)).toEqual({ source: "report.md", title: "青岛高新区一季度招商成绩单", date: "2023-04-20", outlet: "青岛日报" });
    expect(engine.tools.sourceOf(`${north}#0`)).not.toHaveProperty("outlet");
  });

  it("reports each read file's warnings with its path, and none for files not read again", async () => {
    const { config, inbox } = ingestWorkspace(cleanups);
    const noted = path.join(inbox, "noted.md");
    const broken = path.join(inbox, "broken.md");
    writeFileSync(noted, report(SHANGHE.zone, SHANGHE.year, SHANGHE.target).replace("---\n　　", "reviewer: 张三\n---\n　　"));
    writeFileSync(broken, `---\ntitle: [unclosed\n---\n${report(GAOXIN.zone, GAOXIN.year, GAOXIN.target).split("---\n")[2]}`);
    writeFileSync(path.join(inbox, "clean.md"), report(GAOXIN.zone, 2022, 30));
    const first = await ingestFiles([inbox], { config, gazetteer, workers: 0 });
    expect(first.errors).toEqual([]);
    expect(first.warnings.map((w) => [w.file, w.reason]).sort()).toEqual([
      [broken, "front-matter-dropped"],
      [noted, "front-matter-field-ignored"],
    ]);
    expect(first.warnings.find((w) => w.file === noted)?.detail).toContain("reviewer");
    const again = await ingestFiles([inbox], { config, gazetteer, workers: 0 });
    expect(again.warnings).toEqual([]);
  });
});
