import "dotenv/config";
import { Command, Option } from "commander";
import { loadConfig, ConfigError, type Config } from "../config/index.js";
import { Gazetteer } from "../domain/gazetteer.js";
import cliProgress from "cli-progress";
import type { IngestProgress, IngestReport } from "../corpus/index.js";
import { createEngine, type Engine, type EngineOptions } from "../engine/index.js";
import { runAsk } from "./ask.js";
import { ingestInputs } from "./ingest.js";
import { extractFactsWithLlm } from "../brain/llm/index.js";
import { runFacts } from "./facts.js";
import { runEval } from "./eval.js";
import { describeIngest, progressReporter } from "./output.js";
import { runConsole } from "./console.js";

// `zonebot ask … | head` closes stdout early: that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const program = new Command()
  .name("zonebot")
  .description("Answers questions about Qingdao's development zones with cited numbers.")
  .showHelpAfterError();

const dataDirOption = () => new Option("--data-dir <dir>", "where the index and fact store live (env ZONEBOT_DATA_DIR)");

program
  .command("ask")
  .description("answer a question (or --jsonl: one JSON question per stdin line)")
  .argument("[question...]", "the question")
  .option("--json", "print the answer as one JSON object")
  .option("--jsonl", "read {id, question} lines on stdin, write one answer object per line")
  .addOption(new Option("--brain <brain>", "which brain answers").choices(["offline", "llm", "auto"]).default("auto"))
  .addOption(dataDirOption())
  .action(async (words: string[], options: { json?: boolean; jsonl?: boolean; brain: string; dataDir?: string }) => {
    const engine = await openEngine(options.dataDir);
    try {
      await runAsk(engine, words.join(" "), options);
    } finally {
      engine.close();
    }
  });

program
  .command("ingest")
  .description("add articles (.txt, .md with front matter, .html, .pdf, .docx) from files, directories or http(s) links")
  .argument("<paths...>", "files, directories or links")
  .option("--date <YYYY-MM-DD>", "publication date for files that do not say")
  .option("--workers <n>", "worker threads (0 = none; default: up to 2 when there is enough to do)")
  .addOption(dataDirOption())
  .action(async (paths: string[], options: { date?: string; dataDir?: string; workers?: string }) => {
    if (options.date && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) fail(`--date must be YYYY-MM-DD, got "${options.date}"`);
    if (options.workers !== undefined && !/^\d+$/.test(options.workers)) fail(`--workers must be a whole number, got "${options.workers}"`);
    const config = configFor(options.dataDir);
    const progress = ingestProgress();
    let report: IngestReport;
    try {
      report = await ingestInputs(paths, {
        config, gazetteer: Gazetteer.load(), date: options.date, onPhase: progress.update, llmFacts: extractFactsWithLlm,
        workers: options.workers === undefined ? undefined : Number(options.workers),
      });
    } finally {
      progress.stop();
    }
    process.stderr.write(`${ingestSummary(report)}\n`);
    if (report.errors.length > 0 && report.added.length === 0 && report.unchanged.length === 0) process.exitCode = 1;
  });

const PHASES: Record<IngestProgress["phase"], { label: string; unit: string }> = {
  scan: { label: "hash files", unit: "files" },
  load: { label: "clean+split", unit: "files" },
  process: { label: "facts+chunks", unit: "articles" },
  fit: { label: "idf", unit: "chunks" },
  embed: { label: "embed", unit: "chunks" },
  bm25: { label: "bm25", unit: "chunks" },
  graph: { label: "hnsw graph", unit: "vectors" },
  write: { label: "write", unit: "steps" },
};

/**
 * One bar per ingest phase (phases overlap: embedding feeds the graph while BM25 is tokenised), with
 * rate and ETA, on a terminal; on anything else one line per finished phase.
 */
function ingestProgress(): { update: (progress: IngestProgress) => void; stop: () => void } {
  const started = new Map<string, number>();
  const rate = (phase: string, done: number): string => {
    const seconds = (Date.now() - (started.get(phase) ?? Date.now())) / 1000;
    return seconds >= 0.05 ? `${Math.round(done / seconds)}/s` : "-";
  };
  if (!process.stderr.isTTY) {
    return {
      update({ phase, done, total }) {
        if (!started.has(phase)) started.set(phase, Date.now());
        if (done !== total || phase === "write") return;
        const seconds = ((Date.now() - started.get(phase)!) / 1000).toFixed(1);
        process.stderr.write(`ingest: ${PHASES[phase].label.padEnd(12)} ${total} ${PHASES[phase].unit} in ${seconds} s, ${rate(phase, done)}\n`);
      },
      stop: () => undefined,
    };
  }
  const bars = new cliProgress.MultiBar(
    { stream: process.stderr, hideCursor: true, format: "{label} [{bar}] {value}/{total} {unit} | {rate} | ETA {eta_formatted}", etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  const byPhase = new Map<string, cliProgress.SingleBar>();
  return {
    update({ phase, done, total }) {
      if (phase === "write") return;
      let bar = byPhase.get(phase);
      const payload = { label: PHASES[phase].label.padEnd(12), unit: PHASES[phase].unit, rate: rate(phase, done) };
      if (!bar) {
        started.set(phase, Date.now());
        bar = bars.create(total, 0, payload);
        byPhase.set(phase, bar);
      }
      bar.setTotal(total);
      bar.update(done, payload);
    },
    stop: () => bars.stop(),
  };
}

/** What an ingest did: sizes, what was reused, a store upgrade, per-file warnings, rejected files with reasons, time. */
function ingestSummary(report: IngestReport): string {
  const seconds = (report.elapsedMs / 1000).toFixed(1);
  const lines = [
    `ingested ${report.added.length} new/changed file(s), ${report.unchanged.length} unchanged, ${report.errors.length} rejected in ${seconds} s` +
      (report.workers > 0 ? ` (${report.workers} worker threads)` : ""),
    `  ${report.articles} articles, ${report.facts} facts, ${report.chunks} chunks` +
      (report.rejectedFacts ? `; ${report.rejectedFacts} facts dropped (evidence not verbatim)` : ""),
  ];
  if (report.rebuilt) {
    lines.push(`  embedded ${report.embeddedChunks} chunk(s), reused ${report.chunks - report.embeddedChunks}; HNSW graph ${report.graph}` +
      (report.reextracted ? `; facts re-extracted for ${report.reextracted} kept article(s) (new extraction rules)` : "") +
      ` → ${report.generation}`);
  } else {
    lines.push(`  nothing new: index unchanged (${report.generation ?? "none"})`);
  }
  if (report.upgrade) {
    const { from, to, reread, missing } = report.upgrade;
    lines.push(`  data dir written by an older version (store layout ${from} → ${to}): rebuilt, re-reading ${reread} file(s) it had ingested` +
      (missing.length ? `; ${missing.length} no longer on disk, their articles dropped:` : ""));
    for (const file of missing) lines.push(`    - ${file}`);
  }
  for (const warning of report.warnings) lines.push(`  ! ${warning.file}: ${warning.reason} — ${warning.detail}`);
  for (const error of report.errors) lines.push(`  ✗ ${error.file}: ${error.reason} — ${error.message}`);
  return lines.join("\n");
}

program
  .command("facts")
  .description("list the numeric facts table")
  .option("--zone <zone>", "only this zone (any alias)")
  .option("--year <year>", "only this year")
  .option("--csv", "CSV instead of a table")
  .addOption(dataDirOption())
  .action(async (options: { zone?: string; year?: string; csv?: boolean; dataDir?: string }) => {
    const engine = await openEngine(options.dataDir);
    try {
      runFacts(engine, options);
    } finally {
      engine.close();
    }
  });

program
  .command("eval")
  .description("run the question set and print accuracy by type and each failure")
  .option("--file <path>", "JSONL question set", "tests/eval/seed_questions.public.jsonl")
  .option("--json", "print the summary as JSON")
  .addOption(new Option("--brain <brain>", "which brain answers").choices(["offline", "llm", "auto"]).default("auto"))
  .addOption(dataDirOption())
  .action(async (options: { file: string; json?: boolean; brain: string; dataDir?: string }) => {
    const engine = await openEngine(options.dataDir);
    try {
      await runEval(engine, options);
    } finally {
      engine.close();
    }
  });

program
  .command("start")
  .description("run the Feishu bot; without FEISHU_APP_ID, the local playground (or --console for a terminal chat)")
  .option("--console", "a chat in this terminal instead of the playground")
  .option("--in-process", "answer on the bot's own thread instead of a worker thread (acks then wait behind answers)")
  .addOption(dataDirOption())
  .action(async (options: { dataDir?: string; console?: boolean; inProcess?: boolean }) => {
    const config = configFor(options.dataDir);
    if (config.feishu) return runBot(config, options.dataDir, !options.inProcess);
    const engine = await openEngine(options.dataDir);
    try {
      if (options.console) await runConsole(engine);
      else await (await import("../playground/index.js")).runPlayground(config, engine, { answerInWorker: !options.inProcess });
    } finally {
      engine.close();
    }
  });

/**
 * The Feishu bot: token usage goes to the state store, SIGTERM drains in-flight answers. With `inWorker`
 * (the default) questions — the bot's and the digest form's — are answered in a worker thread, so
 * webhook acks never wait behind an answer; the main thread's engine serves /sources, /facts and the digest.
 */
async function runBot(config: Config, dataDir?: string, inWorker = true): Promise<void> {
  const { StateStore } = await import("../store/state-store.js");
  const { startBot } = await import("../app/index.js");
  const { createDigest } = await import("../digest/index.js");
  const { createWorkerEngine } = await import("../engine/worker-engine.js");
  const state = StateStore.open(config.dataDir);
  const hooks: EngineOptions["llm"] = { onUsage: (usage) => state.recordUsage({ ...usage, model: config.llm?.model }) };
  const local = await openEngine(dataDir, hooks);
  let engine: Engine = local;
  try {
    if (inWorker) engine = await createWorkerEngine(config, { local, llm: hooks });
  } catch (error) {
    state.close();
    local.close();
    throw error;
  }
  const digest = createDigest(engine, config);
  try {
    const bot = await startBot(config, engine, {
      state, handleSignals: true, commands: digest.commands, cardActions: digest.cardActions, texts: digest.texts,
    });
    // Weekly digests: a catch-up tick now (a run missed within the grace window), then every minute.
    const scheduler = digest.service.startScheduler(bot.sender);
    process.stderr.write(`zonebot: Feishu bot running (${config.feishu?.transport}${bot.webhook ? ` on ${bot.webhook.url}` : ""})\n`);
    await bot.stopped;
    await scheduler.stop();
  } finally {
    digest.service.close();
    state.close();
    if (engine !== local) await engine.close();
    local.close();
  }
}

program
  .command("digest")
  .description("the weekly digest: print it (--dry-run, default) or send it to a chat now")
  .option("--dry-run", "print the digest without sending (readable text, or card JSON with --json)")
  .option("--send", "send one digest now (needs --chat)")
  .option("--chat <chat_id>", "the chat to send to")
  .option("--zones <zones...>", "only these zones (names or aliases)")
  .option("--since <YYYY-MM-DD>", "articles ingested since this date count as new")
  .option("--json", "print the card JSON")
  .addOption(dataDirOption())
  .action(async (options: { dryRun?: boolean; send?: boolean; chat?: string; zones?: string[]; since?: string; json?: boolean; dataDir?: string }) => {
    const { DigestCliError, runDigestCli } = await import("../digest/index.js");
    const config = configFor(options.dataDir);
    const engine = await openEngine(options.dataDir);
    try {
      await runDigestCli(engine, config, options);
    } catch (error) {
      if (error instanceof DigestCliError) fail(error.message);
      throw error;
    } finally {
      engine.close();
    }
  });

function configFor(dataDir?: string): Config {
  try {
    return loadConfig(process.env, { dataDir });
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

async function openEngine(dataDir?: string, llm?: EngineOptions["llm"]): Promise<Engine> {
  const config = configFor(dataDir);
  const progress = progressReporter("building seed index");
  const engine = await createEngine(config, {
    llm,
    onProgress: progress.update,
    onIngest: (report) => {
      progress.stop();
      process.stderr.write(`${describeIngest(report)}\n`);
    },
  });
  return engine;
}

function fail(message: string): never {
  process.stderr.write(`zonebot: ${message}\n`);
  process.exit(2);
}

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`zonebot: ${message}\n`);
  process.exit(1);
});
