import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

/**
 * The data dir holds whole generations (gen-000001/, gen-000002/ …) and a CURRENT pointer file.
 * A build writes a fresh generation and only then swaps CURRENT with an atomic rename, so a crash
 * at any point leaves the previous generation as the one that loads.
 */
const POINTER = "CURRENT";

export interface Generation {
  name: string;
  dir: string;
}

export function currentGeneration(dataDir: string): Generation | undefined {
  const pointer = path.join(dataDir, POINTER);
  if (!existsSync(pointer)) return undefined;
  const name = readFileSync(pointer, "utf8").trim();
  const dir = path.join(dataDir, name);
  return name && existsSync(dir) ? { name, dir } : undefined;
}

/** Creates an empty directory for the next generation (not yet current). */
export function beginGeneration(dataDir: string): Generation {
  mkdirSync(dataDir, { recursive: true });
  const numbers = readdirSync(dataDir)
    .map((entry) => /^gen-(\d+)$/.exec(entry)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  const next = (numbers.length ? Math.max(...numbers) : 0) + 1;
  const name = `gen-${String(next).padStart(6, "0")}`;
  const dir = path.join(dataDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return { name, dir };
}

/** Makes `generation` current (atomic rename of the pointer) and prunes all but it and its predecessor. */
export function commitGeneration(dataDir: string, generation: Generation): void {
  const previous = currentGeneration(dataDir);
  writeFileDurably(path.join(dataDir, POINTER), `${generation.name}\n`);
  const keep = new Set([generation.name, previous?.name]);
  for (const entry of readdirSync(dataDir)) {
    if (/^gen-\d+$/.test(entry) && !keep.has(entry)) rmSync(path.join(dataDir, entry), { recursive: true, force: true });
  }
}

/** Drops a generation that was never committed (after a failed build). */
export function abandonGeneration(generation: Generation): void {
  rmSync(generation.dir, { recursive: true, force: true });
}

/** Write to a temp file, fsync it, rename over the target, fsync the directory. */
export function writeFileDurably(target: string, content: string | Uint8Array): void {
  const temp = `${target}.tmp-${process.pid}`;
  const fd = openSync(temp, "w");
  try {
    writeSync(fd, typeof content === "string" ? Buffer.from(content) : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, target);
  fsyncDirectory(path.dirname(target));
}

export function fsyncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some filesystems refuse fsync on directories; the rename is still atomic.
  }
}
