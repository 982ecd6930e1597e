import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * On-disk layout: every save writes a fresh generation directory `dir/gen-<stamp>/`, then
 * atomically replaces `dir/manifest.json`, which names the generation and its files. A crash
 * at any point before that rename leaves the old manifest pointing at the old, intact generation.
 */
export const MANIFEST_FILE = "manifest.json";

export const ManifestSchema = z.object({
  format: z.literal("zonebot-search-index"),
  version: z.literal(1),
  generation: z.string().regex(/^gen-[\w-]+$/u),
  createdAt: z.string(),
  embedder: z.object({ id: z.string(), dimension: z.number().int().positive() }),
  chunkCount: z.number().int().nonnegative(),
  files: z.record(z.string(), z.string()),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** Test hook: called before each step of a save; throwing simulates a crash at that point. */
export type SaveStepHook = (step: string) => void;

export function newGenerationName(): string {
  const stamp = new Date().toISOString().replace(/[:.]/gu, "-");
  return `gen-${stamp}-${randomBytes(4).toString("hex")}`;
}

/** Flushes a file or directory to disk. Directory fsync is not supported everywhere; best effort. */
function fsyncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    fsyncSync(fd);
  } catch {
    // Some platforms refuse fsync on directories; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes to a temp name, fsyncs, then renames over `path`, so readers see old or new, never half. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = `${path}.tmp-${randomBytes(4).toString("hex")}`;
  writeFileSync(temp, data);
  fsyncPath(temp);
  renameSync(temp, path);
}

/** writeFileAtomic for text produced in pieces (large JSON), buffered so no single huge string is built. */
export function writePiecesAtomic(path: string, pieces: Iterable<string>): void {
  const temp = `${path}.tmp-${randomBytes(4).toString("hex")}`;
  const fd = openSync(temp, "w");
  try {
    let buffer: string[] = [];
    let length = 0;
    for (const piece of pieces) {
      buffer.push(piece);
      length += piece.length;
      if (length < 1 << 20) continue;
      writeSync(fd, buffer.join(""));
      buffer = [];
      length = 0;
    }
    if (buffer.length > 0) writeSync(fd, buffer.join(""));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

/** writeFileAtomic for binary data in several arrays, written one after another. */
export function writeArraysAtomic(path: string, arrays: Iterable<ArrayBufferView>): void {
  const temp = `${path}.tmp-${randomBytes(4).toString("hex")}`;
  const fd = openSync(temp, "w");
  try {
    for (const array of arrays) {
      if (array.byteLength > 0) writeSync(fd, new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

/** Same as writeFileAtomic for writers that only accept a path (hnswlib). */
export function writeWithAtomicRename(path: string, write: (tempPath: string) => void): void {
  const temp = `${path}.tmp-${randomBytes(4).toString("hex")}`;
  write(temp);
  fsyncPath(temp);
  renameSync(temp, path);
}

/** writeWithAtomicRename for writers that finish asynchronously (a graph written by a worker thread). */
export async function writeWithAtomicRenameAsync(path: string, write: (tempPath: string) => Promise<void>): Promise<void> {
  const temp = `${path}.tmp-${randomBytes(4).toString("hex")}`;
  await write(temp);
  fsyncPath(temp);
  renameSync(temp, path);
}

export function prepareGeneration(dir: string, generation: string): string {
  const genDir = join(dir, generation);
  mkdirSync(genDir, { recursive: true });
  return genDir;
}

/** Publishes a finished generation by atomically replacing the manifest. */
export function commitManifest(dir: string, manifest: Manifest): void {
  const genDir = join(dir, manifest.generation);
  fsyncPath(genDir);
  writeFileAtomic(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  fsyncPath(dir);
}

export function readManifest(dir: string): Manifest {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) throw new Error(`no search index at ${dir} (missing ${MANIFEST_FILE})`);
  return ManifestSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

/**
 * Removes generations and temp files not in `keep` (leftovers of old or crashed saves). Callers
 * keep the previous generation too, so a reader that read the old manifest a moment ago still finds its files.
 */
export function removeStaleGenerations(dir: string, keep: string[]): void {
  for (const entry of readdirSync(dir)) {
    const stale = (entry.startsWith("gen-") && !keep.includes(entry)) || entry.startsWith(`${MANIFEST_FILE}.tmp-`);
    if (stale) rmSync(join(dir, entry), { recursive: true, force: true });
  }
}
