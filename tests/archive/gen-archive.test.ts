/**
 * Synthetic archive generator (scripts/gen-archive.ts): determinism, genre, layout shares and the
 * guarantees of the planted questions (verbatim evidence, unique answers, truly unanswerable ones).
 * The uniqueness checks here read the written files (ledger.jsonl, article texts) and do not reuse
 * the generator's own scanner.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { generateArchive, writeArchive } from "../../scripts/archive/generate.js";
import type { LedgerFact } from "../../scripts/archive/ledger.js";
import type { Question, QuestionMeta } from "../../scripts/archive/questions.js";

const ROOT = join(import.meta.dirname, "..", "..");
const ARTICLES = 240;
const QUESTIONS = 70;
const SEED = "7";

type Q = Question;
type Fact = LedgerFact;
type Meta = QuestionMeta;
interface Manifest {
  seed: string;
  counts: { articles: number; md: number; txt: number; column: number; questions: number };
  bytes: { articles: number };
  facts: { decoyShare: number; total: number };
  zones: { name: string; aliases: string[]; real: boolean; renderAliases: string[] }[];
  metrics: { id: string; phrases: string[] }[];
}

const dirs: string[] = [];
function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `zonebot-archive-${label}-`));
  dirs.push(dir);
  return dir;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out.sort();
}

function hashTree(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const path of walk(dir)) hashes.set(relative(dir, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
  return hashes;
}

const jsonl = <T>(path: string): T[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

const flatten = (text: string) => text.replace(/\r?\n/g, "").replace(/　/g, "");
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const key = (f: { zone: string; metric: string; year: number; kind: string; period: string; subject: string }) =>
  `${f.zone}|${f.metric}|${f.year}|${f.kind}|${f.period}|${f.subject}`;

let dirA = "";
let dirB = "";
let dirC = "";
let manifest: Manifest;
let questions: Q[];
let meta: Map<string, Meta>;
let facts: Fact[];
let factById: Map<string, Fact>;
let keyCount: Map<string, number>;
/** file name → raw content / flattened content / date year. */
const raw = new Map<string, string>();
const flat = new Map<string, string>();
const dateYear = new Map<string, number>();

beforeAll(() => {
  dirA = tempDir("a");
  dirB = tempDir("b");
  dirC = tempDir("c");
  writeArchive(generateArchive({ articles: ARTICLES, seed: SEED, questions: QUESTIONS }), dirA);
  const cli = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/gen-archive.ts"), "--out", dirB, "--articles", String(ARTICLES), "--seed", SEED, "--questions", String(QUESTIONS)], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (cli.status !== 0) throw new Error(`gen-archive CLI failed: ${cli.stderr}`);
  writeArchive(generateArchive({ articles: ARTICLES, seed: "8", questions: QUESTIONS }), dirC);

  manifest = JSON.parse(readFileSync(join(dirA, "manifest.json"), "utf8")) as Manifest;
  questions = jsonl<Q>(join(dirA, "questions.jsonl"));
  meta = new Map(jsonl<Meta>(join(dirA, "questions.meta.jsonl")).map((m) => [m.id, m]));
  facts = jsonl<Fact>(join(dirA, "ledger.jsonl"));
  factById = new Map(facts.map((f) => [f.id, f]));
  keyCount = new Map();
  for (const f of facts) keyCount.set(key(f), (keyCount.get(key(f)) ?? 0) + 1);
  for (const path of walk(join(dirA, "articles"))) {
    const name = relative(join(dirA, "articles"), path);
    if (name.endsWith(".meta.json")) continue;
    const text = readFileSync(path, "utf8");
    raw.set(name, text);
    flat.set(name, flatten(text));
    const date = name.endsWith(".md")
      ? String((parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "") as { date: unknown }).date)
      : (JSON.parse(readFileSync(path.replace(/\.txt$/, ".meta.json"), "utf8")) as { date: string }).date;
    dateYear.set(name, Number(date.slice(0, 4)));
  }
}, 120_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("determinism", () => {
  it("same seed → byte-identical files (API and CLI)", () => {
    const a = hashTree(dirA);
    const b = hashTree(dirB);
    expect(a.size).toBeGreaterThan(ARTICLES);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [path, hash] of a) expect(b.get(path), path).toBe(hash);
  });

  it("different seed → different archive", () => {
    const a = hashTree(dirA);
    const c = hashTree(dirC);
    const aArticles = [...a.entries()].filter(([p]) => p.startsWith("articles/")).map(([, h]) => h);
    const cArticles = new Set([...c.entries()].filter(([p]) => p.startsWith("articles/")).map(([, h]) => h));
    expect(aArticles.filter((h) => cArticles.has(h)).length).toBe(0);
    expect(c.get("questions.jsonl")).not.toBe(a.get("questions.jsonl"));
  });

  it("the generator never calls Math.random", () => {
    for (const path of walk(join(ROOT, "scripts/archive")).concat(join(ROOT, "scripts/gen-archive.ts"))) {
      expect(readFileSync(path, "utf8"), path).not.toMatch(/Math\.random\s*\(/);
    }
  });
});

describe("data model", () => {
  it("~60 zones with aliases, all gazetteer zones included", () => {
    const gazetteer = JSON.parse(readFileSync(join(ROOT, "data/zones.json"), "utf8")) as { zones: { name: string }[] };
    const names = new Set(manifest.zones.map((z) => z.name));
    for (const z of gazetteer.zones) expect(names.has(z.name), z.name).toBe(true);
    expect(manifest.zones.length).toBeGreaterThanOrEqual(55);
    expect(manifest.zones.filter((z) => !z.real).length).toBeGreaterThanOrEqual(25);
    for (const z of manifest.zones) expect(z.renderAliases.length, z.name).toBeGreaterThan(0);
    // The gazetteer gives 胶州市/平度市/莱西市/青岛市 a single alias; every other zone has several.
    expect(manifest.zones.filter((z) => z.aliases.length >= 2).length).toBeGreaterThanOrEqual(manifest.zones.length - 4);
  });

  it("~30 metrics with several phrasings each", () => {
    expect(manifest.metrics.length).toBeGreaterThanOrEqual(30);
    for (const m of manifest.metrics) expect(m.phrases.length, m.id).toBeGreaterThanOrEqual(3);
  });
});

describe("articles", () => {
  it("are .md with front matter (title/date/zone) or .txt with a sidecar, ~3 KB each", () => {
    const names = [...raw.keys()];
    expect(names.length).toBe(ARTICLES);
    const txt = names.filter((n) => n.endsWith(".txt"));
    expect(txt.length).toBe(Math.round(ARTICLES * 0.3));
    for (const name of names) {
      const text = raw.get(name) ?? "";
      if (name.endsWith(".md")) {
        const fm = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? "") as { title?: string; date?: string; zone?: string | string[] };
        expect(fm.title, name).toBeTruthy();
        expect(String(fm.date)).toMatch(/^20\d\d-\d\d-\d\d$/);
        expect([fm.zone].flat().length, name).toBeGreaterThan(0);
      } else {
        const side = JSON.parse(readFileSync(join(dirA, "articles", name.replace(/\.txt$/, ".meta.json")), "utf8")) as { date: string; evidence: string };
        expect(side.date).toMatch(/^20\d\d-\d\d-\d\d$/);
        expect(flat.get(name)).toContain(side.evidence);
      }
    }
    const avg = manifest.bytes.articles / ARTICLES;
    expect(avg).toBeGreaterThan(2000);
    expect(avg).toBeLessThan(4500);
  });

  it("are written in the genre", () => {
    const all = [...flat.values()];
    const share = (re: RegExp) => all.filter((t) => re.test(t)).length / all.length;
    expect(share(/本报(\d+月\d+日)?讯/)).toBeGreaterThan(0.6);
    expect(share(/今年以来/)).toBeGreaterThan(0.2);
    expect(share(/力争/)).toBeGreaterThan(0.15);
    expect(share(/同比(增长|下降)/)).toBeGreaterThan(0.3);
    expect(share(/今年/)).toBeGreaterThan(0.3);
    expect(share(/去年/)).toBeGreaterThan(0.1);
    expect(share(/明年/)).toBeGreaterThan(0.01);
    expect(share(/一季度|上半年|前三季度|1至\d+月|1—\d+月/)).toBeGreaterThan(0.3);
    expect(share(/总投资[\d.]+亿元的/)).toBeGreaterThan(0.1);
    expect(share(/等\d+个(重点)?项目集中开工，总投资/)).toBeGreaterThan(0.01);
    expect(share(/□本报记者/)).toBeGreaterThan(0.25);
  });

  it("about a quarter are laid out as scanned columns", () => {
    const isColumn = (text: string) => {
      const body = text.replace(/^---\n[\s\S]*?\n---\n/, "");
      const lines = body.split("\n").filter((l) => l.trim().length > 0);
      return lines.filter((l) => [...l].length <= 18).length / lines.length >= 0.8;
    };
    const columns = [...raw.entries()].filter(([, t]) => isColumn(t));
    const share = columns.length / raw.size;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
    expect(manifest.counts.column).toBe(Math.round(ARTICLES * 0.25));
    let brokenNumbers = 0;
    for (const [, text] of columns) {
      expect(text).toContain("□本报记者");
      expect(text).toMatch(/^ ?　　\S/m);
      if (/\d\n\d/.test(text) || /\d\n[.亿万%]/.test(text)) brokenNumbers++;
    }
    expect(brokenNumbers).toBeGreaterThan(columns.length / 4);
  });

  it("every ledger fact's evidence is verbatim in its article", () => {
    for (const f of facts) expect(flat.get(f.file), f.id).toContain(f.evidence);
  });

  it("mix relative and explicit years, targets and actuals, and ~30% decoys", () => {
    const exprs = new Set(facts.map((f) => f.yearExpr));
    for (const e of ["今年", "去年", "明年"]) expect(exprs.has(e), e).toBe(true);
    expect(facts.some((f) => /^\d{4}年$/.test(f.yearExpr))).toBe(true);
    const kinds = new Set(facts.map((f) => f.kind));
    for (const k of ["actual", "target", "investment"] as const) expect(kinds.has(k)).toBe(true);
    const periods = new Set(facts.map((f) => f.period));
    for (const p of ["year", "Q1", "H1"]) expect(periods.has(p)).toBe(true);
    expect([...periods].some((p) => p.startsWith("M1-"))).toBe(true);
    expect(manifest.facts.decoyShare).toBeGreaterThan(0.2);
    expect(manifest.facts.decoyShare).toBeLessThan(0.4);
  });
});

describe("planted questions", () => {
  const answerable = () => questions.filter((q) => q.type !== "unanswerable");

  it("follow the public question schema", () => {
    const publicKeys = Object.keys(JSON.parse(readFileSync(join(ROOT, "tests/eval/seed_questions.public.jsonl"), "utf8").split("\n")[0] ?? "{}") as object);
    expect(questions.length).toBe(QUESTIONS);
    for (const q of questions) {
      expect(Object.keys(q)).toEqual(publicKeys);
      expect(meta.has(q.id)).toBe(true);
      // Explicit years only: a relative year in a question is ambiguous.
      expect(q.question).not.toMatch(/今年|去年|明年|前年/);
    }
    const types = new Set(questions.map((q) => q.type));
    for (const t of ["numeric", "temporal", "alias", "unanswerable"]) expect(types.has(t), t).toBe(true);
    expect(questions.filter((q) => q.type === "unanswerable").length).toBeGreaterThanOrEqual(QUESTIONS * 0.1);
  });

  it("evidence is a verbatim substring of the source article (line breaks and 「　」 removed) and holds the gold numbers", () => {
    for (const q of answerable()) {
      const text = flat.get(q.source);
      expect(text, q.id).toBeDefined();
      expect(text, q.id).toContain(q.evidence);
      for (const n of q.numbers) expect(q.evidence, `${q.id} ${n}`).toContain(n);
      for (const k of q.keywords.filter(() => q.type === "list")) expect(q.evidence, `${q.id} ${k}`).toContain(k);
      const isProject = (meta.get(q.id)?.facts ?? []).some((id) => factById.get(id)?.metric === "project_investment");
      if (!isProject) expect(q.question, q.id).toContain(String(q.year));
    }
  });

  it("answers are unique in the ledger (zone + metric + year + kind + period)", () => {
    for (const q of answerable()) {
      const m = meta.get(q.id);
      expect(m?.facts.length, q.id).toBeGreaterThan(0);
      for (const id of m?.facts ?? []) {
        const f = factById.get(id);
        expect(f, id).toBeDefined();
        if (!f) continue;
        expect(f.file).toBe(q.source);
        expect(keyCount.get(key(f)), `${q.id} ${key(f)}`).toBe(1);
      }
    }
  });

  it("answers are unique in the texts: no other article of that zone and year prints the gold number after the metric", () => {
    const zoneAliases = new Map(manifest.zones.map((z) => [z.name, z.aliases]));
    const phrases = new Map(manifest.metrics.map((m) => [m.id, m.phrases]));
    phrases.set("batch_start", ["集中开工"]);
    let checked = 0;
    for (const q of answerable()) {
      for (const id of meta.get(q.id)?.facts ?? []) {
        const f = factById.get(id);
        if (!f) continue;
        if (f.metric === "project_investment") {
          // A project is named in exactly one article.
          const named = [...flat.entries()].filter(([, t]) => t.includes(f.subject)).map(([n]) => n);
          expect(named, q.id).toEqual([q.source]);
          continue;
        }
        const aliases = zoneAliases.get(f.zone) ?? [f.zone];
        const tokens = [f.raw, ...(f.growth !== null && f.measure !== "growth" ? [`${Math.abs(f.growth).toFixed(1).replace(/\.0$/, "")}%`] : [])];
        const regs = tokens.map((t) => new RegExp(`(?<![0-9.])${esc(t)}`));
        for (const [name, text] of flat) {
          if (name === f.file) continue;
          if (!aliases.some((a) => text.includes(a))) continue;
          const y = dateYear.get(name) ?? 0;
          if (Math.abs(y - f.year) > 1 && !text.includes(`${f.year}年`)) continue;
          for (const p of phrases.get(f.metric) ?? []) {
            for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) {
              const after = text.slice(at + p.length, at + p.length + 40);
              expect(regs.some((r) => r.test(after)), `${q.id}: ${name} has ${p}…${after}`).toBe(false);
            }
          }
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(QUESTIONS * 0.5);
  });

  it("most answerable questions have look-alikes in the archive", () => {
    const withLookalikes = answerable().filter((q) => {
      const l = meta.get(q.id)?.lookalikes;
      return l && l.otherYear + l.otherKindOrPeriod + l.otherZone > 0;
    });
    const stat = answerable().filter((q) => meta.get(q.id)?.lookalikes);
    expect(withLookalikes.length).toBeGreaterThan(stat.length * 0.6);
  });

  it("unanswerable questions have no matching ledger entry", () => {
    const un = questions.filter((q) => q.type === "unanswerable");
    expect(un.length).toBeGreaterThan(0);
    const zoneMetricYear = new Set(facts.map((f) => `${f.zone}|${f.metric}|${f.year}`));
    for (const q of un) {
      const m = meta.get(q.id);
      expect(m?.asked.length, q.id).toBe(1);
      const a = m?.asked[0];
      if (!a || !m) continue;
      expect(q.answer).toBe("资料中没有");
      expect(q.numbers).toEqual([]);
      expect(keyCount.has(key(a)), `${q.id} ${key(a)}`).toBe(false);
      if (m.reason === "never_reported") expect(zoneMetricYear.has(`${a.zone}|${a.metric}|${a.year}`), q.id).toBe(false);
      if (m.reason === "unknown_project") {
        expect(facts.some((f) => f.subject === a.subject)).toBe(false);
        for (const [, text] of flat) expect(text.includes(a.subject)).toBe(false);
      } else {
        expect(q.question).toContain(`${a.year}年`);
      }
    }
  });
});
