import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig, PROJECT_ROOT, type Config } from "../../src/config/index.js";
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
