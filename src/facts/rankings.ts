import { factCues, longestFirst } from "./data.js";
import { parseChineseNumber } from "../reading/index.js";

/** A ranking such as 居全省第一 / 排名全国第3位. Offsets relative to the scanned text. */
export interface RankingMatch {
  /** Start of the scope/ordinal part (after the ranking verb). */
  start: number;
  end: number;
  /** Scope + ordinal as written: `全省第一`. */
  raw: string;
  scope: string;
  value: number;
  /** Start of the ranking verb (居, 排名) or of the scope when no verb. */
  verbStart: number;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

let pattern: RegExp | undefined;

function rankingPattern(): RegExp {
  if (pattern) return pattern;
  const { rankingScopes, rankingVerbs } = factCues();
  const verbs = longestFirst(rankingVerbs).map(escapeRegex).join("|");
  const scopes = longestFirst(rankingScopes).map(escapeRegex).join("|");
  pattern = new RegExp(
    `(?<verb>${verbs})?(?<scope>${scopes})?(?<verb2>排名|排行|位居|位列|排)?第(?<n>[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})(?<tail>位|名)?`,
    "gu",
  );
  return pattern;
}

// 全国第一家/第一批/第一个 means "the first ever", not a place in a ranking.
const NOT_A_RANK_AFTER = /^[个家批次届年期轮季版号条项只台座所支例单把]/u;

/** Every ranking phrase in text; needs a ranking verb or a scope word so that 第五批 is not one. */
export function scanRankings(text: string): RankingMatch[] {
  const re = rankingPattern();
  re.lastIndex = 0;
  const found: RankingMatch[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const g = m.groups ?? {};
    if (!g.verb && !g.scope && !g.verb2) continue;
    const end = m.index + m[0].length;
    if (!g.tail && NOT_A_RANK_AFTER.test(text.slice(end))) continue;
    const value = parseChineseNumber(g.n ?? "");
    if (value === null || value < 1) continue;
    const start = m.index + (g.verb?.length ?? 0);
    found.push({ start, end, raw: text.slice(start, end), scope: g.scope ?? "", value, verbStart: m.index });
  }
  return found;
}
