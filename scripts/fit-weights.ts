/**
 * Fits the offline brain's scorer weights (data/answer-weights.json) on the dev set's odd-numbered
 * articles and reports the even-numbered ones as the check, never fitting on them.
 *   npx tsx scripts/fit-weights.ts [--rounds 2] [--only group.name,…] [--wrong-cost 3] [--write]
 * Objective: right answers minus --wrong-cost times the wrong ones (a wrong figure is worse than a decline).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setWeights, weights, type Weights } from "../src/brain/weights.js";
import { loadConfig, PROJECT_ROOT } from "../src/config/index.js";
import { ingestFiles } from "../src/corpus/index.js";
import { Gazetteer } from "../src/domain/gazetteer.js";
import { createEngine, type Engine } from "../src/engine/index.js";
import { readEvalQuestions, scoreEvalAnswer, type EvalQuestion } from "../src/eval/score.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1]! : fallback;
};
const rounds = Number(option("--rounds", "2"));
/** `--only evidence.foundCoverage,sentence.previousSentenceCredit`: fit just these weights. */
const only = option("--only", "").split(",").filter(Boolean);
const devDir = path.resolve(PROJECT_ROOT, option("--dev", "../shared/eval/dev"));
/** A wrong figure costs more than a decline: how many right answers one wrong one cancels. */
const WRONG_COST = Number(option("--wrong-cost", "3"));

const articleNumber = (q: EvalQuestion) => Number(/-(\d+)-/.exec(q.id)?.[1] ?? /(\d+)$/.exec(q.id)?.[1]);
const all = readEvalQuestions(path.join(devDir, "questions.jsonl"));
const odd = all.filter((q) => articleNumber(q) % 2 === 1);
const even = all.filter((q) => articleNumber(q) % 2 === 0);

const dataDir = mkdtempSync(path.join(tmpdir(), "zonebot-fit-"));
const config = loadConfig({ ZONEBOT_SEEDS_DIR: path.join(PROJECT_ROOT, "seeds") }, { dataDir });
const articles = path.join(devDir, "articles");
await ingestFiles([config.seedsDir, ...readdirSync(articles).map((name) => path.join(articles, name))], { config, gazetteer: Gazetteer.load() });
const engine = await createEngine(config, { ensureSeeds: false });

interface Tally { right: number; declined: number; wrong: number }

async function evaluate(set: EvalQuestion[], engineNow: Engine): Promise<Tally> {
  const tally: Tally = { right: 0, declined: 0, wrong: 0 };
  for (const question of set) tally[scoreEvalAnswer(question, await engineNow.ask(question.question)).outcome]++;
  return tally;
}
const objective = (t: Tally) => t.right - WRONG_COST * t.wrong;
const show = (t: Tally, n: number) => `${t.right}/${n} right (${((100 * t.right) / n).toFixed(1)}%), ${t.declined} declined, ${t.wrong} wrong`;

const start = weights();
let best: Weights = structuredClone(start);
setWeights(best);
let bestTally = await evaluate(odd, engine);
const checkBefore = await evaluate(even, engine);
process.stderr.write(`start: odd ${show(bestTally, odd.length)}; even ${show(checkBefore, even.length)}\n`);
for (let round = 0; round < rounds; round++) {
  for (const group of ["sentence", "evidence", "fact", "lookup"] as const) {
    for (const name of Object.keys(best[group]).filter((key) => only.length === 0 || only.includes(`${group}.${key}`))) {
      const value = best[group][name]!;
      for (const tried of [value * 0.5, value * 1.5, value === 0 ? 0.1 : 0]) {
        const candidate = structuredClone(best);
        candidate[group][name] = Number(tried.toFixed(4));
        setWeights(candidate);
        const tally = await evaluate(odd, engine);
        if (objective(tally) > objective(bestTally)) {
          process.stderr.write(`${group}.${name}: ${value} → ${candidate[group][name]}: odd ${show(tally, odd.length)}\n`);
          best = candidate;
          bestTally = tally;
        }
      }
    }
  }
}
setWeights(best);
const check = await evaluate(even, engine);
process.stdout.write(`fitted: odd ${show(bestTally, odd.length)}\ncheck (even, not fitted on): ${show(check, even.length)} — before fitting: ${show(checkBefore, even.length)}\n`);
// Weights are only worth keeping when the half they were not fitted on does not get worse.
if (objective(check) < objective(checkBefore)) process.stdout.write("the check half got worse: keep the data file's weights\n");
if (args.includes("--write")) {
  const file = path.join(PROJECT_ROOT, "data", "answer-weights.json");
  const json = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  writeFileSync(file, `${JSON.stringify({ ...json, ...best }, null, 2)}\n`);
}
engine.close();
rmSync(dataDir, { recursive: true, force: true });
