/**
 * Check a generated archive from its files alone (no generator state):
 *
 *   npx tsx scripts/archive/verify.ts DIR
 *
 * - every ledger fact's evidence is verbatim in its article (line breaks and 「　」 removed);
 * - every answerable question's evidence is in its source and holds the gold numbers;
 * - its ledger key (zone + metric + year + kind + period [+ project]) occurs once in the ledger;
 * - no other article mentioning the zone (any alias) and concerning the year prints the gold number
 *   within 40 characters after a phrase of the metric; projects are named in one article only;
 * - unanswerable questions ask for a key the ledger does not hold;
 * - layout and format shares.
 * Exit code 1 when something fails.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

interface Fact {
  id: string; file: string; zone: string; metric: string; year: number; kind: string; period: string; subject: string;
  raw: string; growth: number | null; measure: string; evidence: string;
}
interface Question { id: string; type: string; source: string; evidence: string; numbers: string[]; question: string }
interface Meta { id: string; facts: string[]; asked: { zone: string; metric: string; year: number; kind: string; period: string; subject: string }[]; reason?: string }
interface Manifest { zones: { name: string; aliases: string[] }[]; metrics: { id: string; phrases: string[] }[] }

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: npx tsx scripts/archive/verify.ts DIR\n");
  process.exit(2);
}
const jsonl = <T>(name: string): T[] => readFileSync(join(dir, name), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
const facts = jsonl<Fact>("ledger.jsonl");
const questions = jsonl<Question>("questions.jsonl");
const meta = new Map(jsonl<Meta>("questions.meta.jsonl").map((m) => [m.id, m]));
const byId = new Map(facts.map((f) => [f.id, f]));
const key = (f: { zone: string; metric: string; year: number; kind: string; period: string; subject: string }) => `${f.zone}|${f.metric}|${f.year}|${f.kind}|${f.period}|${f.subject}`;
const keyCount = new Map<string, number>();
for (const f of facts) keyCount.set(key(f), (keyCount.get(key(f)) ?? 0) + 1);

const flat = new Map<string, string>();
const rawText = new Map<string, string>();
const year = new Map<string, number>();
for (const name of readdirSync(join(dir, "articles")).sort()) {
  if (name.endsWith(".meta.json")) continue;
  const text = readFileSync(join(dir, "articles", name), "utf8");
  rawText.set(name, text);
  flat.set(name, text.replace(/\r?\n/g, "").replace(/　/g, ""));
  const date = name.endsWith(".md") ? /\ndate: (\d{4})/.exec(text)?.[1] : (JSON.parse(readFileSync(join(dir, "articles", name.replace(/\.txt$/, ".meta.json")), "utf8")) as { date: string }).date.slice(0, 4);
  year.set(name, Number(date));
}

const failures: string[] = [];
const fail = (msg: string) => {
  if (failures.length < 50) process.stderr.write(`FAIL ${msg}\n`);
  failures.push(msg);
};

for (const f of facts) if (!flat.get(f.file)?.includes(f.evidence)) fail(`ledger ${f.id}: evidence not in ${f.file}`);

const aliases = new Map(manifest.zones.map((z) => [z.name, z.aliases]));
const phrases = new Map(manifest.metrics.map((m) => [m.id, m.phrases]));
phrases.set("batch_start", ["集中开工"]);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
let scanned = 0;
for (const q of questions) {
  const m = meta.get(q.id);
  if (!m) {
    fail(`${q.id}: no meta`);
    continue;
  }
  if (/今年|去年|明年/.test(q.question)) fail(`${q.id}: relative year in question`);
  if (q.type === "unanswerable") {
    const a = m.asked[0];
    if (!a || keyCount.has(key(a))) fail(`${q.id}: unanswerable key is in the ledger`);
    if (a && m.reason === "never_reported" && facts.some((f) => f.zone === a.zone && f.metric === a.metric && f.year === a.year)) fail(`${q.id}: zone/metric/year reported`);
    if (a && m.reason === "unknown_project") for (const [name, t] of flat) if (t.includes(a.subject)) fail(`${q.id}: project named in ${name}`);
    continue;
  }
  if (!flat.get(q.source)?.includes(q.evidence)) fail(`${q.id}: evidence not in ${q.source}`);
  for (const n of q.numbers) if (!q.evidence.includes(n)) fail(`${q.id}: ${n} not in evidence`);
  for (const id of m.facts) {
    const f = byId.get(id);
    if (!f) {
      fail(`${q.id}: unknown fact ${id}`);
      continue;
    }
    if (keyCount.get(key(f)) !== 1) fail(`${q.id}: key ${key(f)} stated ${keyCount.get(key(f))} times`);
    if (f.metric === "project_investment") {
      const named = [...flat.entries()].filter(([, t]) => t.includes(f.subject)).map(([n]) => n);
      if (named.length !== 1) fail(`${q.id}: ${f.subject} named in ${named.join(", ")}`);
      continue;
    }
    const za = aliases.get(f.zone) ?? [f.zone];
    const tokens = [f.raw, ...(f.growth !== null && f.measure !== "growth" ? [`${Math.abs(f.growth).toFixed(1).replace(/\.0$/, "")}%`] : [])];
    const regs = tokens.map((t) => new RegExp(`(?<![0-9.])${esc(t)}`));
    for (const [name, text] of flat) {
      if (name === f.file || !za.some((a) => text.includes(a))) continue;
      if (Math.abs((year.get(name) ?? 0) - f.year) > 1 && !text.includes(`${f.year}年`)) continue;
      for (const p of phrases.get(f.metric) ?? []) {
        for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) {
          const after = text.slice(at + p.length, at + p.length + 40);
          if (regs.some((r) => r.test(after))) fail(`${q.id}: ${name} prints ${tokens.join("/")} after ${p}`);
        }
      }
    }
    scanned++;
  }
}

const column = [...rawText.values()].filter((t) => {
  const lines = t.replace(/^---\n[\s\S]*?\n---\n/, "").split("\n").filter((l) => l.trim());
  return lines.filter((l) => [...l].length <= 18).length / lines.length >= 0.8;
}).length;
const txt = [...rawText.keys()].filter((n) => n.endsWith(".txt")).length;
process.stdout.write(
  `${flat.size} articles (${txt} txt, ${column} column-like = ${(column / flat.size).toFixed(3)}), ${facts.length} ledger facts, ` +
    `${questions.length} questions (${questions.filter((q) => q.type === "unanswerable").length} unanswerable), ${scanned} planted facts text-scanned: ` +
    `${failures.length ? `${failures.length} FAILURES` : "all checks passed"}\n`,
);
process.exit(failures.length ? 1 : 0);
