/**
 * zonebot scale bench: 1k, 3k and 10k synthetic articles side by side — ingest time, peak RSS, index
 * size, load time, warm answer p50/p99, planted-question accuracy, and an unchanged re-ingest.
 *
 *   npm run bench:scale [-- --sizes 1000,3000,10000] [--seed 42] [--questions 100] [--work /tmp/zonebot-scale] [--out bench/scale-latest.json]
 *
 * Each ingest and each load+answer run in a child process, so peak RSS is per step. Archives are
 * kept in --work and reused when their manifest matches. Progress on stderr, the table on stdout.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../src/config/index.js";
import { describeRatios, renderTable, scalingRatios, toJson } from "./scale/report.js";
import { runScaleBench, type ScaleOptions } from "./scale/run.js";

interface Args extends ScaleOptions {
  out: string;
}

const USAGE = "usage: npm run bench:scale -- [--sizes 1000,3000,10000] [--seed 42] [--questions 100] [--work DIR] [--out FILE]";

function usage(message?: string): never {
  if (message) process.stderr.write(`bench-scale: ${message}\n`);
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

function positive(flag: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) usage(`${flag} takes positive integers, got "${text}"`);
  return Number(text);
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    sizes: [1000, 3000, 10000], seed: "42", questions: 100,
    work: "/tmp/zonebot-scale", out: path.join(PROJECT_ROOT, "bench/scale-latest.json"),
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => argv[++i] ?? usage(`${flag} needs a value`);
    if (flag === "--sizes") args.sizes = value().split(",").map((s) => positive("--sizes", s.trim()));
    else if (flag === "--seed") args.seed = value();
    else if (flag === "--questions") args.questions = positive("--questions", value());
    else if (flag === "--work") args.work = path.resolve(value());
    else if (flag === "--out") args.out = path.resolve(value());
    else if (flag === "-h" || flag === "--help") usage();
    else usage(`unknown argument ${flag}`);
  }
  // Ascending and distinct, so the last column is the largest (the one checked against the targets).
  args.sizes = [...new Set(args.sizes)].sort((a, b) => a - b);
  return args;
}

const { out, ...options } = parseArgs(process.argv.slice(2));
mkdirSync(options.work, { recursive: true });
const progress = (line: string): void => {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
};
const run = await runScaleBench(options, progress);
const m = run.machine;
process.stdout.write(
  [
    `zonebot scale bench — ${m.cpus} × ${m.model}, node ${m.node}, ${m.date}; seed ${options.seed}, ${options.questions} questions; ${run.totalS.toFixed(0)} s in all`,
    "",
    renderTable(run),
    "",
    describeRatios(scalingRatios(run.results)),
    "",
  ].join("\n"),
);
for (const r of run.results) {
  if (!r.details.reingestUnchanged) process.stderr.write(`bench-scale: warning: the re-ingest of ${r.articles} articles was not a no-op\n`);
}
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(toJson(run), null, 2)}\n`);
const shown = path.relative(process.cwd(), out);
process.stderr.write(`wrote ${shown.startsWith("..") ? out : shown}\n`);
