/** The scale bench's core: for each archive size, generate, ingest, load, answer and re-ingest. */
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { currentGeneration } from "../../src/store/index.js";
import { diskUsage, ensureArchive, type ScaleArchive } from "./archive.js";
import { runStep } from "./child.js";
import type { IngestStepResult, Measured, MeasureStepResult, SizeResult, TypeTally } from "./types.js";

export interface ScaleOptions {
  sizes: number[];
  seed: string;
  work: string;
  questions: number;
}

export interface Machine {
  cpus: number;
  model: string;
  node: string;
  os: string;
  totalMemMB: number;
  date: string;
}

export interface ScaleRun {
  options: ScaleOptions;
  machine: Machine;
  results: SizeResult[];
  totalS: number;
}

const MB = 1024 * 1024;

export function describeMachine(): Machine {
  return {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model.trim() ?? "unknown",
    node: process.version,
    os: `${os.platform()} ${os.release()} ${os.arch()}`,
    totalMemMB: Math.round(os.totalmem() / MB),
    date: new Date().toISOString(),
  };
}

export async function runScaleBench(options: ScaleOptions, progress: (line: string) => void): Promise<ScaleRun> {
  const started = Date.now();
  const results: SizeResult[] = [];
  for (const size of options.sizes) results.push(await benchSize(size, options, progress));
  return { options, machine: describeMachine(), results, totalS: (Date.now() - started) / 1000 };
}

async function benchSize(size: number, options: ScaleOptions, progress: (line: string) => void): Promise<SizeResult> {
  const label = `[${size}]`;
  progress(`${label} archive: ${size} articles, seed ${options.seed}, ${options.questions} questions`);
  const archive = ensureArchive(options.work, size, options.seed, options.questions);
  progress(`${label} archive ${archive.generatedMs === null ? "reused" : `generated in ${(archive.generatedMs / 1000).toFixed(1)} s`}: ${archive.dir}`);

  const dataDir = path.join(options.work, `data-${size}`);
  rmSync(dataDir, { recursive: true, force: true });
  progress(`${label} ingest into a fresh ${dataDir}`);
  const ingest = await runStep<IngestStepResult>(["ingest", dataDir, archive.articlesDir], { label: `${label} ingest:` });
  if (!ingest.result.rebuilt) throw new Error(`${label} the first ingest built no generation`);
  const generation = currentGeneration(dataDir);
  if (!generation) throw new Error(`${label} no current generation in ${dataDir} after ingest`);
  const index = diskUsage(generation.dir);

  progress(`${label} load + answer ${options.questions} questions (warm-up pass, then a timed one)`);
  const measure = await runStep<MeasureStepResult>(["measure", dataDir, archive.questionsFile], { label: `${label} answer:` });

  progress(`${label} re-ingest the unchanged archive`);
  const reingest = await runStep<IngestStepResult>(["ingest", dataDir, archive.articlesDir], { label: `${label} re-ingest:` });
  const result = sizeResult(size, options.seed, archive, dataDir, { ingest, measure, reingest, index });
  progress(`${label} done: ingest ${result.ingestS.toFixed(1)} s, p50 ${result.warmP50Ms.toFixed(1)} ms, planted ${(100 * result.plantedAccuracy).toFixed(1)}%`);
  return result;
}

interface Steps {
  ingest: Measured<IngestStepResult>;
  measure: Measured<MeasureStepResult>;
  reingest: Measured<IngestStepResult>;
  index: { bytes: number; apparent: number };
}

function sizeResult(size: number, seed: string, archive: ScaleArchive, dataDir: string, steps: Steps): SizeResult {
  const { ingest, measure, reingest, index } = steps;
  const byType = measure.result.byType;
  const answerable = tally(Object.entries(byType).filter(([type]) => type !== "unanswerable").map(([, t]) => t));
  const unanswerable = byType.unanswerable ?? { pass: 0, total: 0 };
  const latencies = measure.result.latenciesMs;
  return {
    articles: size,
    inputMB: diskUsage(archive.articlesDir).apparent / MB,
    ingestS: ingest.result.ms / 1000,
    ingestMsPerArticle: ingest.result.ms / size,
    ingestPeakRssMB: ingest.peakRssMB,
    reingestS: reingest.result.ms / 1000,
    reingestPeakRssMB: reingest.peakRssMB,
    indexMB: index.bytes / MB,
    loadS: measure.result.loadMs / 1000,
    firstAnswerMs: measure.result.firstAnswerMs,
    warmP50Ms: percentile(latencies, 0.5),
    warmP99Ms: percentile(latencies, 0.99),
    answerPeakRssMB: measure.peakRssMB,
    plantedAccuracy: answerable.total ? answerable.pass / answerable.total : 0,
    unanswerableDeclined: unanswerable.total ? unanswerable.pass / unanswerable.total : null,
    details: {
      archiveDir: archive.dir, dataDir, seed, generatedMs: archive.generatedMs,
      facts: ingest.result.facts, chunks: ingest.result.chunks, ingestErrors: ingest.result.errors,
      questions: latencies.length, answerable: answerable.total, unanswerable: unanswerable.total, byType,
      unverifiedAnswers: measure.result.unverifiedAnswers,
      reingestUnchanged: !reingest.result.rebuilt && reingest.result.added === 0 && reingest.result.unchanged === ingest.result.added,
      ingestProcessS: ingest.processMs / 1000, reingestProcessS: reingest.processMs / 1000,
      indexApparentMB: index.apparent / MB, rssSource: ingest.rssSource,
    },
  };
}

function tally(tallies: TypeTally[]): TypeTally {
  return tallies.reduce((sum, t) => ({ pass: sum.pass + t.pass, total: sum.total + t.total }), { pass: 0, total: 0 });
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}
