/**
 * Planted questions. Answerable ones are drawn from ledger facts whose key occurs exactly once in the
 * whole archive and whose gold number no other article of that zone and year prints next to the
 * metric; unanswerable ones ask for a zone/metric/year/kind/period the ledger never holds.
 * Questions always carry explicit years (relative years live inside the articles).
 */
import { METRICS, type MetricDef } from "./data/metrics.js";
import { factKey, type FactKind, type Ledger, type LedgerFact } from "./ledger.js";
import type { Rng } from "./prng.js";
import type { ArchiveScanner } from "./scan.js";
import { periodName, periodWords } from "./text.js";
import type { ZoneDef } from "./zones.js";
import { FIRST_YEAR, LAST_YEAR } from "./compose.js";
import { COMPANY_PREFIXES, INDUSTRIES, PROJECT_SUFFIXES } from "./data/lexicon.js";

export interface Question {
  id: string;
  question: string;
  type: string;
  zone: string;
  year: number | null;
  answer: string;
  numbers: string[];
  keywords: string[];
  source: string;
  evidence: string;
}

export interface AskedKey {
  zone: string;
  metric: string;
  year: number;
  kind: FactKind;
  period: string;
  subject: string;
}

export interface QuestionMeta {
  id: string;
  type: string;
  /** Ledger facts the answer rests on. */
  facts: string[];
  /** The key asked about (unanswerable questions: a key with no ledger entry). */
  asked: AskedKey[];
  /** Why an unanswerable question has no answer. */
  reason?: "never_reported" | "period_not_reported" | "kind_not_reported" | "unknown_project";
  /** Look-alike facts in the archive for the asked key. */
  lookalikes?: { otherYear: number; otherKindOrPeriod: number; otherZone: number };
  /** Zone as written in the question. */
  zoneAs: string;
}

export interface PlantInput {
  ledger: Ledger;
  scanner: ArchiveScanner;
  zones: Map<string, ZoneDef>;
  /** Number of articles that mention each project name. */
  projectMentions: Map<string, number>;
  /** Unwrapped text by file. */
  flatByFile: Map<string, string>;
  rng: Rng;
  count: number;
}

const METRIC_BY_ID = new Map(METRICS.map((m) => [m.id, m]));

function metricOf(id: string): MetricDef {
  const m = METRIC_BY_ID.get(id);
  if (!m) throw new Error(`unknown metric ${id}`);
  return m;
}

function pct(g: number): string {
  return `${Math.abs(g).toFixed(1).replace(/\.0$/, "")}%`;
}

/** Printed tokens of a fact for the text scan (counts with their unit, so 12 → 12个). */
export function scanTokens(f: LedgerFact): string[] {
  const tokens = [f.raw];
  if (f.growth !== null && f.measure !== "growth") tokens.push(pct(f.growth));
  if (f.metric === "batch_start") tokens.push(f.numbers[1] ?? f.raw);
  return tokens;
}

export function phrasesOf(metricId: string): readonly string[] {
  if (metricId === "batch_start") return ["集中开工"];
  if (metricId === "project_investment") return ["总投资"];
  return metricOf(metricId).phrases;
}

interface Plan {
  numeric: number;
  temporal: number;
  alias: number;
  project: number;
  batch: number;
  list: number;
  comparison: number;
  unanswerable: number;
}

function quotas(count: number): Plan {
  const p: Plan = {
    numeric: Math.round(count * 0.26),
    temporal: Math.round(count * 0.2),
    alias: Math.round(count * 0.1),
    project: Math.round(count * 0.08),
    batch: Math.round(count * 0.05),
    list: Math.round(count * 0.03),
    comparison: Math.round(count * 0.06),
    unanswerable: 0,
  };
  p.unanswerable = Math.max(0, count - (p.numeric + p.temporal + p.alias + p.project + p.batch + p.list + p.comparison));
  return p;
}

export function plantQuestions(input: PlantInput): { questions: Question[]; meta: QuestionMeta[] } {
  const { ledger, scanner, zones, rng } = input;
  const plan = quotas(input.count);
  const questions: Question[] = [];
  const meta: QuestionMeta[] = [];
  const usedFacts = new Set<string>();
  const perZone = new Map<string, number>();
  const perMetric = new Map<string, number>();
  const zoneCap = Math.max(3, Math.ceil(input.count / 25));
  const metricCap = Math.max(3, Math.ceil(input.count / 14));

  const zoneOf = (name: string): ZoneDef => {
    const z = zones.get(name);
    if (!z) throw new Error(`unknown zone ${name}`);
    return z;
  };
  const unique = (f: LedgerFact) => ledger.count(factKey(f)) === 1;
  const clean = (f: LedgerFact) => scanner.clashes(f.zone, f.year, phrasesOf(f.metric), scanTokens(f), f.file).length === 0;
  const capsOk = (f: LedgerFact) => (perZone.get(f.zone) ?? 0) < zoneCap && (perMetric.get(f.metric) ?? 0) < metricCap;
  const take = (f: LedgerFact) => {
    usedFacts.add(f.id);
    perZone.set(f.zone, (perZone.get(f.zone) ?? 0) + 1);
    perMetric.set(f.metric, (perMetric.get(f.metric) ?? 0) + 1);
  };
  const lookScore = (f: LedgerFact) => {
    const l = ledger.lookalikes(f);
    return (l.otherYear > 0 ? 1 : 0) + (l.otherKindOrPeriod > 0 ? 1 : 0) + (l.otherZone > 0 ? 1 : 0);
  };
  const push = (q: Omit<Question, "id">, m: Omit<QuestionMeta, "id" | "type">) => {
    const id = `syn-${String(questions.length + 1).padStart(4, "0")}`;
    questions.push({ id, ...q });
    meta.push({ id, type: q.type, ...m });
  };
  const zoneText = (z: ZoneDef, alias: boolean): string => {
    if (alias && z.altAliases.length) return rng.pick(z.altAliases);
    if (!alias && rng.chance(0.25) && z.altAliases.length) return rng.pick(z.altAliases);
    return z.name;
  };

  // Candidate pools, shuffled, facts with look-alikes first.
  const stat = ledger.facts.filter((f) => f.kind !== "investment" && f.metric !== "batch_start" && unique(f));
  const ordered = (list: LedgerFact[]) => {
    const shuffled = rng.shuffle([...list]);
    const primaryFirst = (f: LedgerFact) => (f.role === "primary" ? 0 : rng.chance(0.6) ? 1 : 0);
    return shuffled.map((f) => ({ f, s: lookScore(f) * 2 - primaryFirst(f) })).sort((a, b) => b.s - a.s).map((x) => x.f);
  };
  const annualPool = ordered(stat.filter((f) => f.period === "year"));
  const periodPool = ordered(stat.filter((f) => f.period !== "year"));

  const fill = (pool: LedgerFact[], n: number, make: (f: LedgerFact) => boolean) => {
    let made = 0;
    for (const f of pool) {
      if (made >= n) break;
      if (usedFacts.has(f.id) || !capsOk(f) || !clean(f)) continue;
      if (make(f)) {
        take(f);
        made++;
      }
    }
  };

  fill(annualPool, plan.numeric, (f) => {
    push(...statQuestion(rng, f, zoneOf(f.zone), zoneText(zoneOf(f.zone), false), "numeric", ledger));
    return true;
  });
  fill(periodPool, plan.temporal, (f) => {
    push(...statQuestion(rng, f, zoneOf(f.zone), zoneText(zoneOf(f.zone), false), "temporal", ledger));
    return true;
  });
  fill(ordered([...annualPool, ...periodPool].filter((f) => zoneOf(f.zone).altAliases.length > 0)), plan.alias, (f) => {
    push(...statQuestion(rng, f, zoneOf(f.zone), zoneText(zoneOf(f.zone), true), "alias", ledger));
    return true;
  });

  // Projects: named once in the whole archive.
  const projects = rng.shuffle(ledger.facts.filter((f) => f.kind === "investment" && unique(f) && (input.projectMentions.get(f.subject) ?? 0) === 1));
  let made = 0;
  for (const f of projects) {
    if (made >= plan.project) break;
    if (usedFacts.has(f.id)) continue;
    const z = zoneOf(f.zone);
    const zq = zoneText(z, false);
    const question = rng.pick([`${f.subject}总投资多少？`, `${f.subject}的总投资是多少？`, `${zq}的${f.subject}总投资多少亿元？`]);
    push(
      { question, type: "numeric", zone: z.name, year: f.year, answer: `${f.subject}总投资${f.raw}。`, numbers: [...f.numbers], keywords: [], source: f.file, evidence: f.evidence },
      { facts: [f.id], asked: [askedOf(f)], zoneAs: question.includes(zq) ? zq : "" },
    );
    usedFacts.add(f.id);
    made++;
  }

  // Batch starts (numbers, and the named projects as a list).
  const batches = ordered(ledger.facts.filter((f) => f.metric === "batch_start" && unique(f)));
  made = 0;
  let listed = 0;
  for (const f of batches) {
    if (made >= plan.batch && listed >= plan.list) break;
    if (usedFacts.has(f.id) || !clean(f)) continue;
    const z = zoneOf(f.zone);
    const zq = zoneText(z, false);
    const qn = periodName(f.period);
    const inv = f.numbers[1] ?? "";
    if (listed < plan.list && f.items && f.items.length >= 2 && f.items.every((name) => (input.projectMentions.get(name) ?? 0) === 1) && f.items.every((name) => f.evidence.includes(name))) {
      push(
        {
          question: rng.pick([`${zq}${f.year}年${qn}重大项目集中开工，点名提到的项目有哪些？`, `${f.year}年${qn}${zq}集中开工的是哪几个项目？`]),
          type: "list", zone: z.name, year: f.year, answer: `${f.items.join("、")}等${f.value}个项目集中开工，总投资${inv}。`, numbers: [], keywords: [...f.items], source: f.file, evidence: f.evidence,
        },
        { facts: [f.id], asked: [askedOf(f)], zoneAs: zq },
      );
      listed++;
    } else if (made < plan.batch) {
      push(
        {
          question: rng.pick([`${zq}${f.year}年${qn}集中开工了多少个项目？总投资多少？`, `${f.year}年${qn}，${zq}重大项目集中开工的项目数和总投资分别是多少？`]),
          type: "numeric", zone: z.name, year: f.year, answer: `${f.year}年${qn}，${z.name}集中开工项目${f.value}个，总投资${inv}。`, numbers: [...f.numbers], keywords: [], source: f.file, evidence: f.evidence,
        },
        { facts: [f.id], asked: [askedOf(f)], zoneAs: zq },
      );
      made++;
    } else continue;
    usedFacts.add(f.id);
  }

  // Comparisons: two zones of one roundup sentence, both unique.
  made = 0;
  const byFile = new Map<string, LedgerFact[]>();
  for (const f of ledger.facts) if (f.kind === "actual" && f.role === "primary" && f.zoneAs && f.metric !== "batch_start") {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  for (const file of rng.shuffle([...byFile.keys()])) {
    if (made >= plan.comparison) break;
    const facts = byFile.get(file) ?? [];
    const flat = input.flatByFile.get(file) ?? "";
    for (let i = 0; i + 1 < facts.length && made < plan.comparison; i++) {
      const a = facts[i] as LedgerFact;
      const b = facts[i + 1] as LedgerFact;
      if (a.zone === b.zone || a.metric !== b.metric || a.period !== b.period || a.year !== b.year) continue;
      if (usedFacts.has(a.id) || usedFacts.has(b.id) || !unique(a) || !unique(b) || a.value === b.value) continue;
      if (metricOf(a.metric).measure === "growth" || !clean(a) || !clean(b)) continue;
      const ia = flat.indexOf(a.evidence);
      const ib = flat.indexOf(b.evidence, ia + 1);
      if (ia < 0 || ib < 0) continue;
      const span = flat.slice(ia, ib + b.evidence.length);
      if (span.includes("。") || span.length > 260) continue;
      const za = zoneOf(a.zone);
      const zb = zoneOf(b.zone);
      const na = zoneText(za, false);
      const nb = zoneText(zb, false);
      const m = metricOf(a.metric);
      const more = m.measure === "count" ? "多" : "高";
      const pq = a.period === "year" ? "" : rng.pick(periodWords(a.period));
      const win = a.value > b.value ? na : nb;
      push(
        {
          question: `${a.year}年${pq}，${na}和${nb}哪个${rng.pick(m.phrases)}更${more}？`,
          type: "comparison", zone: "none", year: a.year,
          answer: `${win}更${more}：${na}${m.phrases[0]}${a.raw}，${nb}${b.raw}。`,
          numbers: [a.numbers[0] ?? a.raw, b.numbers[0] ?? b.raw], keywords: [win], source: file, evidence: span,
        },
        { facts: [a.id, b.id], asked: [askedOf(a), askedOf(b)], zoneAs: `${na}|${nb}` },
      );
      usedFacts.add(a.id);
      usedFacts.add(b.id);
      made++;
    }
  }

  // Top up with annual/period facts if some pool ran short.
  const shortfall = input.count - plan.unanswerable - questions.length;
  if (shortfall > 0) {
    fill(ordered([...annualPool, ...periodPool]), shortfall, (f) => {
      push(...statQuestion(rng, f, zoneOf(f.zone), zoneText(zoneOf(f.zone), false), f.period === "year" ? "numeric" : "temporal", ledger));
      return true;
    });
  }

  // Keep unanswerables at their planned share of what could actually be planted.
  const answerable = questions.length;
  const share = plan.unanswerable / Math.max(1, input.count);
  const unanswerableCount = Math.min(plan.unanswerable, Math.round((answerable * share) / Math.max(0.01, 1 - share)));
  unanswerables(input, unanswerableCount, push, zoneText);
  return { questions, meta };
}

function askedOf(f: LedgerFact): AskedKey {
  return { zone: f.zone, metric: f.metric, year: f.year, kind: f.kind, period: f.period, subject: f.subject };
}

function unitWord(m: MetricDef): string {
  return m.unit === "户" || m.unit === "人" || m.unit === "件" || m.unit === "列" || m.unit === "家" || m.unit === "个" ? m.unit : "";
}

function targetText(f: LedgerFact, metricName: string): string {
  const isSuffix = f.qualifier === "以上" || f.qualifier === "左右";
  const pre = isSuffix ? "" : f.qualifier;
  const suf = isSuffix ? f.qualifier : "";
  if (f.measure === "growth") return `${metricName}增长${f.raw}${suf}`;
  if (f.measure === "share") return `${metricName}${pre || "达到"}${f.raw}`;
  return `${metricName}${pre}${f.raw}${suf}`;
}

/** Wording of a zone-statistic question, answer and numbers. */
function statQuestion(rng: Rng, f: LedgerFact, z: ZoneDef, zq: string, type: string, ledger: Ledger): [Omit<Question, "id">, Omit<QuestionMeta, "id" | "type">] {
  const m = metricOf(f.metric);
  const mq = rng.pick(m.phrases);
  const canon = m.phrases[0] ?? mq;
  const y = `${f.year}年`;
  const pq = f.period === "year" ? rng.pick(["", "全年"]) : rng.pick(periodWords(f.period));
  const pn = f.period === "year" ? "全年" : periodName(f.period);
  let question: string;
  let answer: string;
  let numbers: string[];
  if (f.kind === "target") {
    if (f.measure === "growth") question = rng.pick([`${zq}${y}${mq}的增长目标是多少？`, `${y}${zq}计划${mq}增长多少？`]);
    else if (f.measure === "count") question = rng.pick([`${zq}${y}计划${mq}多少${unitWord(m)}？`, `${zq}${y}${mq}的目标是多少？`]);
    else question = rng.pick([`${zq}${y}${mq}的目标是多少？`, `${y}${zq}力争${mq}达到多少？`]);
    answer = `${y}，${z.name}的目标是${targetText(f, canon)}。`;
    numbers = [...f.numbers];
  } else if (f.measure === "growth" || (f.measure === "amount" && f.numbers.length === 1 && f.numbers[0]?.endsWith("%"))) {
    const verb = (f.growth ?? 0) < 0 ? "下降" : "增长";
    question = rng.pick([`${zq}${y}${pq}${mq}同比增长多少？`, `${y}${pq}，${zq}${mq}的增速是多少？`]);
    answer = `${y}${pn}，${z.name}${canon}同比${verb}${f.raw}。`;
    numbers = [...f.numbers];
  } else {
    const askGrowth = f.numbers.length > 1 && rng.chance(0.5);
    if (f.measure === "count") question = rng.pick([`${zq}${y}${pq}${mq}多少${unitWord(m)}？`, `${y}${pq}，${zq}${mq}是多少？`]);
    else question = rng.pick([`${zq}${y}${pq}${mq}是多少？`, `${y}${pq}，${zq}${mq}完成了多少？`, `${zq}${y}${pq}实现${mq}多少？`]);
    if (askGrowth) question = question.replace(/？$/, "，同比增长多少？");
    const g = f.growth !== null && f.numbers.length > 1 ? `，同比${f.growth < 0 ? "下降" : "增长"}${pct(f.growth)}` : "";
    answer = `${y}${pn}，${z.name}${canon}${f.raw}${g}。`;
    numbers = askGrowth ? [...f.numbers] : [f.numbers[0] ?? f.raw];
  }
  return [
    { question, type, zone: z.name, year: f.year, answer, numbers, keywords: [], source: f.file, evidence: f.evidence },
    { facts: [f.id], asked: [askedOf(f)], lookalikes: ledger.lookalikes(f), zoneAs: zq },
  ];
}

function unanswerables(
  input: PlantInput,
  count: number,
  push: (q: Omit<Question, "id">, m: Omit<QuestionMeta, "id" | "type">) => void,
  zoneText: (z: ZoneDef, alias: boolean) => string,
): void {
  const { ledger, zones, rng } = input;
  const zoneList = [...zones.values()];
  const reasons: [NonNullable<QuestionMeta["reason"]>, number][] = [
    ["never_reported", 0.35],
    ["period_not_reported", 0.25],
    ["kind_not_reported", 0.25],
    ["unknown_project", 0.15],
  ];
  const statFacts = ledger.facts.filter((f) => f.kind !== "investment" && f.metric !== "batch_start");
  if (!statFacts.length) return;
  const seen = new Set<string>();
  let made = 0;
  for (let attempt = 0; made < count && attempt < count * 200; attempt++) {
    const reason = rng.weighted(reasons);
    let asked: AskedKey | null = null;
    let source = "";
    if (reason === "unknown_project") {
      const name = `${rng.pick(COMPANY_PREFIXES)}${rng.pick(INDUSTRIES)}${rng.pick(PROJECT_SUFFIXES)}项目`;
      if (input.projectMentions.has(name) || seen.has(name)) continue;
      let inText = false;
      for (const flat of input.flatByFile.values()) if (flat.includes(name)) {
        inText = true;
        break;
      }
      if (inText) continue;
      const z = rng.pick(zoneList);
      seen.add(name);
      const zq = zoneText(z, false);
      push(
        { question: rng.pick([`${zq}的${name}总投资多少？`, `${name}总投资是多少？`]), type: "unanswerable", zone: z.name, year: null, answer: "资料中没有", numbers: [], keywords: [], source: "", evidence: "" },
        { facts: [], asked: [{ zone: z.name, metric: "project_investment", year: 0, kind: "investment", period: "point", subject: name }], reason, zoneAs: zq },
      );
      made++;
      continue;
    }
    const base = rng.pick(statFacts);
    const m = metricOf(base.metric);
    if (reason === "never_reported") {
      // Nothing at all for zone + metric + year: either a year the zone skipped, or a zone near the
      // one in `base` (same parent or group) that never reports this metric, while `base` does.
      const period = rng.pick(m.periods.filter((p) => p !== "M").map((p) => p as string));
      const years: number[] = [];
      for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) if (ledger.ofZoneMetricYear(base.zone, m.id, y).length === 0) years.push(y);
      if (years.length && rng.chance(0.5)) {
        asked = { zone: base.zone, metric: m.id, year: rng.pick(years), kind: "actual", period, subject: "" };
      } else if (base.year >= FIRST_YEAR && base.year <= LAST_YEAR) {
        const bz = zones.get(base.zone);
        const near = zoneList.filter(
          (z) => z.name !== base.zone && ledger.ofZoneMetricYear(z.name, m.id, base.year).length === 0 &&
            (z.parent === bz?.parent || z.groups.some((g) => bz?.groups.includes(g)) || z.name === bz?.parent),
        );
        if (!near.length) continue;
        asked = { zone: rng.pick(near).name, metric: m.id, year: base.year, kind: base.kind, period: base.kind === "target" ? "year" : base.period.startsWith("M1-") || /^Q[234]$/.test(base.period) ? period : base.period, subject: "" };
      } else continue;
      source = base.file;
    } else if (reason === "period_not_reported") {
      if (base.kind !== "actual") continue;
      const options = ["year", "Q1", "H1", "Q1-3", "M1-5", "M1-8"].filter((p) => (p.startsWith("M") ? m.periods.includes("M") : (m.periods as string[]).includes(p)));
      const missing = options.filter((p) => ledger.count(factKey({ zone: base.zone, metric: m.id, year: base.year, kind: "actual", period: p, subject: "" })) === 0);
      if (!missing.length) continue;
      asked = { zone: base.zone, metric: m.id, year: base.year, kind: "actual", period: rng.pick(missing), subject: "" };
      source = base.file;
    } else {
      const sameYear = ledger.ofZoneMetricYear(base.zone, m.id, base.year);
      const hasTarget = sameYear.some((f) => f.kind === "target");
      const hasAnnual = sameYear.some((f) => f.kind === "actual" && f.period === "year");
      if (!hasTarget) asked = { zone: base.zone, metric: m.id, year: base.year, kind: "target", period: "year", subject: "" };
      else if (!hasAnnual && m.periods.includes("year") && base.year <= LAST_YEAR) asked = { zone: base.zone, metric: m.id, year: base.year, kind: "actual", period: "year", subject: "" };
      else continue;
      source = base.file;
    }
    if (!asked) continue;
    const key = factKey(asked);
    if (ledger.count(key) > 0 || seen.has(key)) continue;
    if (reason === "never_reported" && ledger.ofZoneMetricYear(asked.zone, asked.metric, asked.year).length > 0) continue;
    seen.add(key);
    const z = zones.get(asked.zone);
    if (!z) continue;
    const zq = zoneText(z, rng.chance(0.3));
    const mq = rng.pick(m.phrases);
    const y = `${asked.year}年`;
    let question: string;
    if (asked.kind === "target") {
      question = m.measure === "growth" ? `${zq}${y}${mq}的增长目标是多少？` : `${zq}${y}${mq}的目标是多少？`;
    } else {
      const pq = asked.period === "year" ? rng.pick(["", "全年"]) : rng.pick(periodWords(asked.period));
      if (m.measure === "growth") question = `${zq}${y}${pq}${mq}同比增长多少？`;
      else if (m.measure === "count") question = `${zq}${y}${pq}${mq}多少${unitWord(m)}？`;
      else question = rng.pick([`${zq}${y}${pq}${mq}是多少？`, `${y}${pq}，${zq}${mq}完成了多少？`]);
    }
    push(
      { question, type: "unanswerable", zone: z.name, year: asked.year, answer: "资料中没有", numbers: [], keywords: [], source, evidence: "" },
      { facts: [], asked: [asked], reason, lookalikes: ledger.lookalikes(asked), zoneAs: zq },
    );
    made++;
  }
}
