/**
 * Cancelling an ingest (IngestOptions.signal): a worker stuck on a file is terminated at once, nothing is
 * committed, no half-written generation is left, and the generation that was current stays current.
 * A cancel after the swap changes nothing.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { IngestCancelledError, ingestFiles, openCorpus } from "../../src/corpus/index.js";
import { liveIngestThreads } from "../../src/corpus/pool.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { ingestWorkspace, NEW_ARTICLE } from "../support/ingest.js";

const gazetteer = Gazetteer.load();
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const pointer = (dataDir: string) => readFileSync(path.join(dataDir, "CURRENT"), "utf8").trim();
const generations = (dataDir: string) => readdirSync(dataDir).filter((entry) => /^gen-\d+$/.test(entry)).sort();

async function firstGeneration(cleanups: (() => void)[]) {
  const workspace = ingestWorkspace(cleanups);
  const first = path.join(workspace.inbox, "first.md");
  writeFileSync(first, NEW_ARTICLE);
  await ingestFiles([first], { config: workspace.config, gazetteer, workers: 0 });
  return workspace;
}

describe("a cancelled ingest", () => {
  it("terminates the worker stuck on a file, commits nothing and leaves the current generation current", async () => {
    const { config, inbox, dataDir } = await firstGeneration(cleanups);
    const before = { current: pointer(dataDir), generations: generations(dataDir) };
    const stuck = path.join(inbox, "stuck.md");
    writeFileSync(stuck, NEW_ARTICLE.replace("17个", "19个"));

    const controller = new AbortController();
    const ingest = ingestFiles([stuck], { config, gazetteer, workers: 2, stallWorkerOnFile: "stuck.md", signal: controller.signal });
    // The worker is spinning on the file (it would never finish): only terminating it ends the ingest.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(liveIngestThreads()).toBeGreaterThan(0);
    const cancelledAt = Date.now();
    controller.abort(new Error("the bot is stopping"));
    await expect(ingest).rejects.toThrow(IngestCancelledError);
    await expect(ingest).rejects.toThrow(/ingest cancelled: the bot is stopping/);
    expect(Date.now() - cancelledAt).toBeLessThan(3000);
    expect(liveIngestThreads()).toBe(0);
    expect({ current: pointer(dataDir), generations: generations(dataDir) }).toEqual(before);

    const corpus = await openCorpus(config);
    try {
      expect([...corpus.articles.keys()]).toEqual([path.join(inbox, "first.md#0")]);
    } finally {
      corpus.close();
    }
  }, 30_000);

  it("cancelled just before the swap: the written generation is dropped, the previous one stays", async () => {
    const { config, inbox, dataDir } = await firstGeneration(cleanups);
    const before = { current: pointer(dataDir), generations: generations(dataDir) };
    const second = path.join(inbox, "second.md");
    writeFileSync(second, NEW_ARTICLE.replace("上合示范区", "青岛蓝谷"));
    const controller = new AbortController();
    const ingest = ingestFiles([second], { config, gazetteer, workers: 0, signal: controller.signal, beforeCommit: () => controller.abort("recalled") });
    await expect(ingest).rejects.toThrow(IngestCancelledError);
    expect({ current: pointer(dataDir), generations: generations(dataDir) }).toEqual(before);
  });

  it("a signal aborted before the start reads nothing; one aborted after the swap changes nothing", async () => {
    const { config, inbox, dataDir } = await firstGeneration(cleanups);
    const current = pointer(dataDir);
    const second = path.join(inbox, "second.md");
    writeFileSync(second, NEW_ARTICLE.replace("上合示范区", "青岛蓝谷"));
    await expect(ingestFiles([second], { config, gazetteer, workers: 0, signal: AbortSignal.abort("recalled") })).rejects.toThrow(IngestCancelledError);
    expect(pointer(dataDir)).toBe(current);

    const controller = new AbortController();
    const report = await ingestFiles([second], { config, gazetteer, workers: 0, signal: controller.signal });
    controller.abort("too late");
    expect(report.rebuilt).toBe(true);
    expect(pointer(dataDir)).toBe(report.generation);
  });
});
