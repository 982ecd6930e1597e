import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/**
 * Seasons that name an event within a year (「2024年春季重点项目集中开工」 vs 「秋季」): two events of one
 * zone and year are told apart by them. Words from data/reading-season.json.
 */
export interface SeasonSpan {
  start: number;
  end: number;
  season: string;
  evidence: string;
}

const SeasonWordsSchema = z.object({ seasons: z.record(z.string(), z.string()) });
let words: Record<string, string> | undefined;

function seasonWords(): Record<string, string> {
  words ??= SeasonWordsSchema.parse(JSON.parse(readFileSync(fileURLToPath(new URL("../../data/reading-season.json", import.meta.url)), "utf8"))).seasons;
  return words;
}

/** Every season word in text, in text order. */
export function findSeasons(text: string): SeasonSpan[] {
  const spans: SeasonSpan[] = [];
  for (const [word, season] of Object.entries(seasonWords())) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) spans.push({ start: at, end: at + word.length, season, evidence: word });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The one season a text names, or undefined when it names none or several (春秋两次). */
export function readSeason(text: string): string | undefined {
  const seasons = new Set(findSeasons(text).map((span) => span.season));
  return seasons.size === 1 ? [...seasons][0] : undefined;
}
