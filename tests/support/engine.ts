import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig, PROJECT_ROOT, type Config } from "../../src/config/index.js";
import { ingestFiles } from "../../src/corpus/index.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { createEngine, type Engine } from "../../src/engine/index.js";

/** A fresh data dir in /tmp and a config pointing at it (seeds from the repo, local embedder). */
export function tempConfig(prefix = "zonebot-test-"): { config: Config; dataDir: string; cleanup: () => void } {
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  const config = loadConfig({ ZONEBOT_SEEDS_DIR: path.join(PROJECT_ROOT, "seeds") }, { dataDir });
  return { config, dataDir, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** An engine over the seeds, built into a temp dir. */
export async function seedEngine(): Promise<{ engine: Engine; config: Config; cleanup: () => void }> {
  const { config, cleanup } = tempConfig();
  const engine = await createEngine(config);
  return { engine, config, cleanup: () => { engine.close(); cleanup(); } };
}

export function readEvalQuestions(): Array<{ id: string; question: string; type: string; numbers: string[]; keywords: string[]; source: string; evidence: string; zone: string; year: number | null }> {
  const text = readFileSync(path.join(PROJECT_ROOT, "tests/eval/seed_questions.public.jsonl"), "utf8");
  return text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
}

/** An engine over articles a test wrote (file name → text), in temp folders that `close` removes. */
export async function articleEngine(files: Record<string, string>): Promise<{ engine: Engine; close: () => void }> {
  const temp = tempConfig();
  const inbox = mkdtempSync(path.join(tmpdir(), "zonebot-articles-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(inbox, name), text);
  await ingestFiles([inbox], { config: temp.config, gazetteer: Gazetteer.load() });
  const engine = await createEngine(temp.config, { ensureSeeds: false });
  return {
    engine,
    close: () => {
      engine.close();
      temp.cleanup();
      rmSync(inbox, { recursive: true, force: true });
    },
  };
}
