import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ingestFiles, openCorpus } from "../../src/corpus/index.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { createEngine } from "../../src/engine/index.js";
import { currentGeneration } from "../../src/store/index.js";
import { ingestWorkspace, NEW_ARTICLE } from "../support/ingest.js";

const gazetteer = Gazetteer.load();
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const workspace = () => ingestWorkspace(cleanups);

describe("ingest", () => {
  it("ingests a new article with front matter: first-class facts, retrieval and answers", async () => {
    const { config, inbox } = workspace();
    await ingestFiles([config.seedsDir], { config, gazetteer });
    const file = path.join(inbox, "shanghe-2024.md");
    writeFileSync(file, NEW_ARTICLE);
    const report = await ingestFiles([file], { config, gazetteer });
    expect(report.added).toEqual(["shanghe-2024.md"]);
    expect(report.errors).toEqual([]);
    const engine = await createEngine(config, { ensureSeeds: false });
    cleanups.push(() => engine.close());
    const facts = engine.corpus.store.facts({ zones: ["上合示范区"], year: 2024 });
    expect(facts.map((f) => f.raw)).toEqual(expect.arrayContaining([expect.stringContaining("17个"), expect.stringContaining("60个")]));
    const answer = await engine.ask("上合示范区2024年力争新签约过亿元项目多少个？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("60个");
    expect(answer.citations[0]).toMatchObject({ source: "shanghe-2024.md", date: "2024-04-20", title: "上合示范区一季度招商成绩单" });
  });

  it("is incremental: unchanged files cost nothing and keep the generation", async () => {
    const { config } = workspace();
    const first = await ingestFiles([config.seedsDir], { config, gazetteer });
    expect(first.added).toHaveLength(5);
    const second = await ingestFiles([config.seedsDir], { config, gazetteer });
    expect(second.added).toEqual([]);
    expect(second.unchanged).toHaveLength(5);
    expect(second.rebuilt).toBe(false);
    expect(currentGeneration(config.dataDir)?.name).toBe(first.generation);
  });

  it("reports empty and binary files clearly, ingests the rest, and keeps the index", async () => {
    const { config, inbox } = workspace();
    await ingestFiles([config.seedsDir], { config, gazetteer });
    const before = currentGeneration(config.dataDir)?.name;
    writeFileSync(path.join(inbox, "empty.txt"), "");
    writeFileSync(path.join(inbox, "binary.txt"), Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]));
    writeFileSync(path.join(inbox, "ok.txt"), "　　本报讯 今年以来，青岛蓝谷新引进过亿元项目12个，同比增长20%。\n");
    const report = await ingestFiles([inbox], { config, gazetteer, date: "2023-06-01" });
    expect(report.errors.map((e) => [path.basename(e.file), e.reason]).sort()).toEqual([["binary.txt", "binary"], ["empty.txt", "empty"]]);
    expect(report.added).toEqual(["ok.txt"]);
    expect(currentGeneration(config.dataDir)?.name).not.toBe(before);
    const corpus = await openCorpus(config);
    cleanups.push(() => corpus.close());
    expect([...corpus.articles.values()].some((a) => a.source === "ok.txt" && a.date === "2023-06-01")).toBe(true);
  });

  it("a crash before the new generation is committed leaves the old index loadable", async () => {
    const { config, inbox } = workspace();
    await ingestFiles([config.seedsDir], { config, gazetteer });
    const before = currentGeneration(config.dataDir)?.name;
    writeFileSync(path.join(inbox, "new.txt"), "　　本报讯 今年以来，青岛蓝谷新引进过亿元项目12个。\n");
    await expect(
      ingestFiles([inbox], { config, gazetteer, date: "2023-06-01", beforeCommit: () => { throw new Error("simulated crash"); } }),
    ).rejects.toThrow("simulated crash");
    expect(currentGeneration(config.dataDir)?.name).toBe(before);
    const corpus = await openCorpus(config);
    cleanups.push(() => corpus.close());
    expect([...corpus.articles.values()].some((a) => a.source === "new.txt")).toBe(false);
    expect(corpus.articles.size).toBeGreaterThan(5);
    expect(readFileSync(path.join(config.dataDir, "CURRENT"), "utf8").trim()).toBe(before);
  });
});
