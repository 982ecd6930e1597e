/**
 * One step of the scale bench, run in its own process so that its peak RSS is its own:
 *
 *   node --import tsx scripts/scale/step.ts ingest  DATA_DIR ARTICLES_DIR
 *   node --import tsx scripts/scale/step.ts measure DATA_DIR QUESTIONS_JSONL
 *
 * Progress goes to stderr; the last stdout line is the step's JSON result (scripts/scale/types.ts).
 */
import { performance } from "node:perf_hooks";
import { loadConfig, type Config } from "../../src/config/index.js";
import { ingestFiles } from "../../src/corpus/index.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { createEngine } from "../../src/engine/index.js";
import { readEvalQuestions, scoreEvalAnswer, type EvalQuestion } from "../../src/eval/score.js";
import type { IngestStepResult, MeasureStepResult, StepResult, TypeTally } from "./types.js";


/** The bench measures the offline pipeline: no LLM fact extraction, no remote embedder, whatever the shell says. */
function offlineConfig(dataDir: string): Config {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(LLM_|EMBEDDING_|FEISHU_|ZONEBOT_DATA_DIR$)/.test(key)));
  return loadConfig(env, { dataDir });
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

const maxRssKb = (): number => process.resourceUsage().maxRSS;

async function ingestStep(dataDir: string, articlesDir: string): Promise<IngestStepResult> {
  const config = offlineConfig(dataDir);
  const gazetteer = Gazetteer.load();
  const started = performance.now();
  let lastLine = started;
  const onProgress = (done: number, total: number): void => {
    // Reading is the short part: a line every 5 s, then one when only the build (facts, chunks, index, commit) is left.
    const now = performance.now();
    if (done === total) log(`read ${total} files in ${seconds(started)}; building the generation…`);
    else if (now - lastLine >= 5000) log(`read ${done}/${total} files (${seconds(started)})`);
    else return;
    lastLine = now;
  };
  const report = await ingestFiles([articlesDir], { config, gazetteer, onProgress });
  const ms = performance.now() - started;
  log(`ingest done in ${seconds(started)}: ${report.added.length} added, ${report.unchanged.length} unchanged, ${report.errors.length} errors`);
  return {
    step: "ingest", ms, files: report.added.length + report.unchanged.length + report.errors.length,
    added: report.added.length, unchanged: report.unchanged.length, errors: report.errors.length,
    articles: report.articles, facts: report.facts, chunks: report.chunks, rebuilt: report.rebuilt, maxRssKb: maxRssKb(),
  };
}

async function measureStep(dataDir: string, questionsFile: string): Promise<MeasureStepResult> {
  const questions = readEvalQuestions(questionsFile);
  const config = offlineConfig(dataDir);
  let started = performance.now();
  const engine = await createEngine(config, { ensureSeeds: false });
  const loadMs = performance.now() - started;
  log(`index loaded in ${(loadMs / 1000).toFixed(2)} s`);
  try {
    const ask = (q: EvalQuestion) => engine.ask(q.question, [], { brain: "offline" });
    started = performance.now();
    if (questions[0]) await ask(questions[0]);
    const firstAnswerMs = performance.now() - started;
    for (const q of questions) await ask(q); // warm-up pass
    log(`warm-up pass over ${questions.length} questions done`);
    const latenciesMs: number[] = [];
    const byType: Record<string, TypeTally> = {};
    let unverifiedAnswers = 0;
    for (const q of questions) {
      const t = performance.now();
      const answer = await ask(q);
      latenciesMs.push(performance.now() - t);
      const verdict = scoreEvalAnswer(q, answer);
      const tally = (byType[q.type] ??= { pass: 0, total: 0 });
      tally.total++;
      if (verdict.pass) tally.pass++;
      if (verdict.unverified.length > 0) unverifiedAnswers++;
    }
    return { step: "measure", loadMs, firstAnswerMs, latenciesMs, byType, unverifiedAnswers, maxRssKb: maxRssKb() };
  } finally {
    engine.close();
  }
}


function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

async function main(argv: string[]): Promise<StepResult> {
  const [step, dataDir, input] = argv;
  if (!dataDir || !input) throw new Error("usage: step.ts ingest|measure DATA_DIR INPUT");
  if (step === "ingest") return ingestStep(dataDir, input);
  if (step === "measure") return measureStep(dataDir, input);
  throw new Error(`unknown step ${step}`);
}

const result = await main(process.argv.slice(2));
process.stdout.write(`${JSON.stringify(result)}\n`);
