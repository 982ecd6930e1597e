/** Synthetic archives for the scale bench: generated once per (size, seed, questions), reused after. */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { generateArchive, writeArchive } from "../archive/generate.js";

export interface ScaleArchive {
  dir: string;
  articlesDir: string;
  questionsFile: string;
  /** Null when an earlier run's archive was reused. */
  generatedMs: number | null;
}

interface ManifestStamp {
  seed?: unknown;
  counts?: { articles?: unknown };
}

export function archiveDir(work: string, articles: number, seed: string, questions: number): string {
  return path.join(work, `archive-${articles}-seed${seed}-q${questions}`);
}

/** The manifest is the last file the generator writes, so a matching one means a complete archive. */
function reusable(dir: string, articles: number, seed: string): boolean {
  const file = path.join(dir, "manifest.json");
  if (!existsSync(file)) return false;
  try {
    const manifest = JSON.parse(readFileSync(file, "utf8")) as ManifestStamp;
    return manifest.seed === seed && manifest.counts?.articles === articles;
  } catch {
    return false;
  }
}

export function ensureArchive(work: string, articles: number, seed: string, questions: number): ScaleArchive {
  const dir = archiveDir(work, articles, seed, questions);
  const paths = { dir, articlesDir: path.join(dir, "articles"), questionsFile: path.join(dir, "questions.jsonl") };
  if (reusable(dir, articles, seed)) return { ...paths, generatedMs: null };
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  writeArchive(generateArchive({ articles, seed, questions }), dir, true);
  const generatedMs = performance.now() - started;
  // The 10k archive is tens of MB of strings; drop them before the children that are measured run.
  globalThis.gc?.();
  return { ...paths, generatedMs };
}

/** Bytes on disk the way du counts them (allocated blocks), and the files' apparent sizes. */
export function diskUsage(dir: string): { bytes: number; apparent: number } {
  let bytes = 0;
  let apparent = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const stat = statSync(path.join(entry.parentPath, entry.name));
    bytes += stat.blocks * 512;
    apparent += stat.size;
  }
  return { bytes, apparent };
}
