/**
 * Scale bench smoke test (scripts/bench-scale.ts): a tiny archive end to end — generate, ingest and
 * re-ingest in child processes, load and answer — and every row of the JSON record is a finite number.
 * No timing assertions: this box's speed is not what is under test.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const SIZE = 40;

interface RowRecord {
  key: string;
  percent: boolean;
  values: Record<string, number | null>;
}
interface ScaleRecord {
  machine: { cpus: number; node: string };
  rows: RowRecord[];
  ratios: unknown;
  results: { articles: number; details: { reingestUnchanged: boolean; questions: number; unanswerable: number } }[];
}

const EXPECTED_ROWS = [
  "articles", "inputMB", "ingestS", "ingestMsPerArticle", "ingestPeakRssMB", "reingestS", "reingestPeakRssMB", "indexMB",
  "loadS", "warmP50Ms", "warmP99Ms", "plantedAccuracy", "unanswerableDeclined",
];

describe("bench-scale", () => {
  let work: string;
  let record: ScaleRecord;
  let stdout: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "zonebot-scale-test-"));
    const out = join(work, "scale.json");
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/bench-scale.ts", "--sizes", String(SIZE), "--questions", "10", "--seed", "7", "--work", work, "--out", out],
      { cwd: ROOT, encoding: "utf8", timeout: 110_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    stdout = run.stdout;
    record = JSON.parse(readFileSync(out, "utf8")) as ScaleRecord;
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("records every row as a finite number for the size run", () => {
    const keys = record.rows.map((r) => r.key);
    for (const key of EXPECTED_ROWS) expect(keys).toContain(key);
    for (const row of record.rows) {
      const value = row.values[String(SIZE)];
      expect(Number.isFinite(value), `${row.key} = ${value}`).toBe(true);
      if (row.percent) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
    expect(record.rows.find((r) => r.key === "articles")?.values[String(SIZE)]).toBe(SIZE);
  });

  it("answered the planted questions and found the re-ingest a no-op", () => {
    const [result] = record.results;
    expect(result?.details.questions).toBeGreaterThan(0);
    expect(result?.details.unanswerable).toBeGreaterThan(0);
    expect(result?.details.reingestUnchanged).toBe(true);
    expect(record.machine.cpus).toBeGreaterThan(0);
    expect(record.ratios).toBeNull();
  });

  it("prints the table with the size as a column", () => {
    expect(stdout).toMatch(/\| measure \| 40 \| target \|/);
    expect(stdout).toMatch(/\| warm p50 ms \| [\d.]+ \| ≤ 50 \|/);
  });
});
