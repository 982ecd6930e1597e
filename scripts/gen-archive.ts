/**
 * Synthetic newspaper archive for zonebot (issue 6, item 1).
 *
 *   npx tsx scripts/gen-archive.ts --out DIR [--articles 10000] [--seed 42] [--questions N] [--force]
 *
 * --questions defaults to min(400, ceil(articles / 10)); fewer are written when the archive is too
 * small to hold that many unique answers (a warning says so).
 * Writes DIR/articles/*.md|*.txt(+.meta.json), DIR/questions.jsonl, DIR/questions.meta.jsonl,
 * DIR/ledger.jsonl and DIR/manifest.json. Same arguments → byte-identical output.
 */
import { performance } from "node:perf_hooks";
import { generateArchive, writeArchive } from "./archive/generate.js";

interface Args {
  out: string;
  articles: number;
  seed: string;
  questions: number | null;
  force: boolean;
}

function usage(message?: string): never {
  if (message) process.stderr.write(`gen-archive: ${message}\n`);
  process.stderr.write("usage: npx tsx scripts/gen-archive.ts --out DIR [--articles 10000] [--seed 42] [--questions N] [--force]\n");
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const args: Args = { out: "", articles: 10000, seed: "42", questions: null, force: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${flag} needs a value`);
      return v;
    };
    const int = (name: string) => {
      const v = value();
      if (!/^\d+$/.test(v)) usage(`${name} must be a non-negative integer, got ${v}`);
      return Number(v);
    };
    switch (flag) {
      case "--out":
        args.out = value();
        break;
      case "--articles":
        args.articles = int("--articles");
        break;
      case "--seed":
        args.seed = value();
        break;
      case "--questions":
        args.questions = int("--questions");
        break;
      case "--force":
        args.force = true;
        break;
      case "-h":
      case "--help":
        usage();
        break;
      default:
        usage(`unknown argument ${flag}`);
    }
  }
  if (!args.out) usage("--out is required");
  if (args.articles < 1) usage("--articles must be at least 1");
  return args;
}

const args = parseArgs(process.argv.slice(2));
const started = performance.now();
const questions = args.questions ?? Math.min(400, Math.ceil(args.articles / 10));
const archive = generateArchive({ articles: args.articles, seed: args.seed, questions });
const generated = performance.now();
try {
  writeArchive(archive, args.out, args.force);
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
const written = performance.now();
if (archive.questions.length < questions) {
  process.stderr.write(`gen-archive: warning: planted ${archive.questions.length} of ${questions} questions (not enough unique facts in ${args.articles} articles)\n`);
}
const m = archive.manifest as { counts: Record<string, unknown>; bytes: Record<string, number>; facts: Record<string, unknown> };
process.stdout.write(
  [
    `archive: ${args.out}`,
    `articles: ${args.articles} (${m.counts.md} md, ${m.counts.txt} txt+sidecar; ${m.counts.column} column layout), ${(m.bytes.articles ?? 0).toLocaleString("en-US")} bytes, avg ${m.bytes.averagePerArticle} B`,
    `facts: ${m.facts.total} (decoy share ${m.facts.decoyShare}), questions: ${archive.questions.length} ${JSON.stringify(m.counts.questionsByType)}`,
    `time: generate ${((generated - started) / 1000).toFixed(2)} s, write ${((written - generated) / 1000).toFixed(2)} s`,
    "",
  ].join("\n"),
);
