/** The scale bench's table (sizes side by side), targets, scaling ratios and JSON record. */
import type { ScaleRun } from "./run.js";
import type { SizeResult } from "./types.js";

type Figure = Exclude<keyof SizeResult, "details">;

interface Target {
  op: "<=" | ">=";
  value: number;
}

interface Row {
  key: Figure;
  label: string;
  digits: number;
  /** Fractions are shown as percentages. */
  percent?: boolean;
  target?: Target;
}

/** The targets on 2 cores; ms/article is the 3-minutes-for-10k budget per article. */
export const ROWS: Row[] = [
  { key: "articles", label: "articles", digits: 0 },
  { key: "inputMB", label: "MB", digits: 1 },
  { key: "ingestS", label: "ingest s", digits: 1, target: { op: "<=", value: 180 } },
  { key: "ingestMsPerArticle", label: "ingest ms/article", digits: 2, target: { op: "<=", value: 18 } },
  { key: "ingestPeakRssMB", label: "ingest peak RSS MB", digits: 0, target: { op: "<=", value: 1536 } },
  { key: "reingestS", label: "re-ingest s", digits: 2, target: { op: "<=", value: 15 } },
  { key: "reingestPeakRssMB", label: "re-ingest peak RSS MB", digits: 0, target: { op: "<=", value: 1536 } },
  { key: "indexMB", label: "index size MB", digits: 1 },
  { key: "loadS", label: "load s", digits: 2, target: { op: "<=", value: 5 } },
  { key: "firstAnswerMs", label: "first answer ms", digits: 1 },
  { key: "warmP50Ms", label: "warm p50 ms", digits: 1, target: { op: "<=", value: 50 } },
  { key: "warmP99Ms", label: "warm p99 ms", digits: 1, target: { op: "<=", value: 250 } },
  { key: "answerPeakRssMB", label: "answer peak RSS MB", digits: 0, target: { op: "<=", value: 1536 } },
  { key: "plantedAccuracy", label: "planted accuracy %", digits: 1, percent: true, target: { op: ">=", value: 0.95 } },
  { key: "unanswerableDeclined", label: "unanswerable declined %", digits: 1, percent: true, target: { op: ">=", value: 0.9 } },
];

export function renderTable(run: ScaleRun): string {
  const { results } = run;
  const largest = results[results.length - 1];
  const header = ["measure", ...results.map((r) => `${r.articles.toLocaleString("en-US")}`), "target", largest ? `${largest.articles.toLocaleString("en-US")} ok` : "ok"];
  const lines = [row(header), row(header.map(() => "---"))];
  for (const spec of ROWS) {
    const cells = results.map((r) => format(r[spec.key], spec));
    const verdict = largest ? meets(largest[spec.key], spec.target) : undefined;
    lines.push(row([spec.label, ...cells, describeTarget(spec), verdict === undefined ? "" : verdict ? "✓" : "✗"]));
  }
  return lines.join("\n");
}

export interface Ratios {
  from: number;
  to: number;
  articles: number;
  ingestS: number;
  warmP50Ms: number;
}

/** 10k/1k when both ran, else largest/smallest: the scaling measured side by side in one run. */
export function scalingRatios(results: SizeResult[]): Ratios | null {
  const sorted = [...results].sort((a, b) => a.articles - b.articles);
  const from = results.find((r) => r.articles === 1000) ?? sorted[0];
  const to = results.find((r) => r.articles === 10000) ?? sorted[sorted.length - 1];
  if (!from || !to || from.articles === to.articles) return null;
  return {
    from: from.articles, to: to.articles, articles: to.articles / from.articles,
    ingestS: to.ingestS / from.ingestS, warmP50Ms: to.warmP50Ms / from.warmP50Ms,
  };
}

export function describeRatios(ratios: Ratios | null): string {
  if (!ratios) return "scaling ratios: need two sizes";
  const x = (v: number) => `×${v.toFixed(2)}`;
  return `scaling ${ratios.to}/${ratios.from} (${x(ratios.articles)} articles): ingest time ${x(ratios.ingestS)}, warm p50 ${x(ratios.warmP50Ms)}`;
}

/** Every figure plus its target and verdict for the largest size, for bench/scale-latest.json. */
export function toJson(run: ScaleRun): Record<string, unknown> {
  const largest = run.results[run.results.length - 1];
  return {
    at: run.machine.date,
    machine: run.machine,
    options: run.options,
    totalS: run.totalS,
    rows: ROWS.map((spec) => ({
      key: spec.key, label: spec.label, percent: spec.percent ?? false, target: spec.target ?? null,
      values: Object.fromEntries(run.results.map((r) => [r.articles, r[spec.key]])),
      meetsTarget: largest ? (meets(largest[spec.key], spec.target) ?? null) : null,
    })),
    ratios: scalingRatios(run.results),
    results: run.results,
  };
}

function meets(value: number | null, target?: Target): boolean | undefined {
  if (!target) return undefined;
  if (value === null || !Number.isFinite(value)) return false;
  return target.op === "<=" ? value <= target.value : value >= target.value;
}

function format(value: number | null, spec: Row): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return (spec.percent ? 100 * value : value).toFixed(spec.digits);
}

function describeTarget(spec: Row): string {
  if (!spec.target) return "";
  const value = spec.percent ? `${(100 * spec.target.value).toFixed(0)}` : `${spec.target.value}`;
  return `${spec.target.op === "<=" ? "≤" : "≥"} ${value}`;
}

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}
