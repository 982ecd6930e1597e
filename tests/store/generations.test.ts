import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { beginGeneration, commitGeneration, currentGeneration, writeFileDurably } from "../../src/store/index.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "zonebot-gen-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("generations", () => {
  it("has no current generation until one is committed", () => {
    const dataDir = tempDir();
    const generation = beginGeneration(dataDir);
    writeFileSync(path.join(generation.dir, "x"), "1");
    expect(currentGeneration(dataDir)).toBeUndefined();
    commitGeneration(dataDir, generation);
    expect(currentGeneration(dataDir)?.name).toBe(generation.name);
  });

  it("keeps the previous generation current while a new one is being written", () => {
    const dataDir = tempDir();
    const first = beginGeneration(dataDir);
    commitGeneration(dataDir, first);
    const second = beginGeneration(dataDir);
    expect(second.name).not.toBe(first.name);
    // a crash here: second exists on disk but was never committed
    expect(currentGeneration(dataDir)?.name).toBe(first.name);
  });

  it("prunes generations older than the previous one", () => {
    const dataDir = tempDir();
    const names = [1, 2, 3].map(() => {
      const g = beginGeneration(dataDir);
      commitGeneration(dataDir, g);
      return g.name;
    });
    const left = readdirSync(dataDir).filter((e) => e.startsWith("gen-")).sort();
    expect(left).toEqual([names[1], names[2]]);
  });

  it("writes files durably without leaving temp files", () => {
    const dir = tempDir();
    const target = path.join(dir, "file.json");
    writeFileDurably(target, "one");
    writeFileDurably(target, "two");
    expect(readFileSync(target, "utf8")).toBe("two");
    expect(readdirSync(dir)).toEqual(["file.json"]);
    expect(existsSync(`${target}.tmp-${process.pid}`)).toBe(false);
  });
});
