/**
 * Text-side uniqueness check, independent of the ledger: does another article that mentions the
 * zone (any alias, as a substring) and concerns the year (dated within a year of it, or naming it)
 * print the gold number shortly after one of the metric's phrases?
 */
import type { ZoneDef } from "./zones.js";

export interface ScanArticle {
  file: string;
  dateYear: number;
  /** Text with line breaks and 「　」 removed. */
  flat: string;
  /** Years written explicitly (2023年). */
  years: Set<number>;
}

export const SCAN_WINDOW = 60;

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Regex for a printed number not preceded by another digit or decimal point (12个 must not match 112个). */
export function tokenRegExp(token: string): RegExp {
  return new RegExp(`(?<![0-9.])${escapeRegExp(token)}`);
}

export class ArchiveScanner {
  private readonly zoneIndex = new Map<string, number[]>();

  constructor(
    readonly articles: ScanArticle[],
    private readonly zones: ZoneDef[],
  ) {
    this.buildZoneIndex();
  }

  /** One pass over all texts: articles mentioning each zone by any of its aliases. */
  private buildZoneIndex(): void {
    const byBigram = new Map<number, { alias: string; zone: string }[]>();
    for (const z of this.zones) {
      for (const alias of z.aliases) {
        if (alias.length < 2) continue;
        const key = alias.charCodeAt(0) * 65536 + alias.charCodeAt(1);
        const list = byBigram.get(key) ?? [];
        list.push({ alias, zone: z.name });
        byBigram.set(key, list);
      }
      this.zoneIndex.set(z.name, []);
    }
    this.articles.forEach((a, idx) => {
      const found = new Set<string>();
      const text = a.flat;
      for (let i = 0; i + 1 < text.length; i++) {
        const list = byBigram.get(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1));
        if (!list) continue;
        for (const { alias, zone } of list) if (!found.has(zone) && text.startsWith(alias, i)) found.add(zone);
      }
      for (const zone of found) this.zoneIndex.get(zone)?.push(idx);
    });
  }

  articlesMentioning(zone: string): number[] {
    return this.zoneIndex.get(zone) ?? [];
  }

  /** Files (other than `exceptFile`) where a phrase is followed within the window by one of the tokens. */
  clashes(zone: string, year: number, phrases: readonly string[], tokens: readonly string[], exceptFile: string, window = SCAN_WINDOW): string[] {
    const regs = tokens.map(tokenRegExp);
    const hits: string[] = [];
    for (const idx of this.articlesMentioning(zone)) {
      const a = this.articles[idx];
      if (!a || a.file === exceptFile) continue;
      if (Math.abs(a.dateYear - year) > 1 && !a.years.has(year)) continue;
      if (phraseFollowedBy(a.flat, phrases, regs, window)) hits.push(a.file);
    }
    return hits;
  }
}

export function phraseFollowedBy(text: string, phrases: readonly string[], regs: readonly RegExp[], window: number): boolean {
  for (const p of phrases) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(p, from);
      if (at < 0) break;
      const after = text.slice(at + p.length, at + p.length + window);
      if (regs.some((r) => r.test(after))) return true;
      from = at + 1;
    }
  }
  return false;
}

export function explicitYears(text: string): Set<number> {
  const years = new Set<number>();
  for (const m of text.matchAll(/(20\d\d)年/g)) years.add(Number(m[1]));
  return years;
}
