import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/**
 * China's administrative areas — provinces, cities, counties and districts from the national list
 * (`china-area-data`, GB/T 2260) — as places a zone may be named after. The segmenter tags some of them as
 * words of other kinds (营口 a verb noun, 遵义 a verb), so a zone named by its form (营口经济技术开发区,
 * 遵义经开区) would not be read without them. Each area is known by its name and by its name without its
 * administrative ending (data/place-names.json adminAreaEndings); areas named like zones (滨海新区) are zones.
 */
const PlaceEndingsSchema = z.object({ adminAreaEndings: z.array(z.string()).min(1) });
const AreaListSchema = z.record(z.string(), z.record(z.string(), z.string()));

/** The shortest place a stem may be: one character (城 of 城区) names nothing. */
const MIN_STEM_CHARS = 2;

/** Read once per set of zone words (the default data's in a running bot). */
const cached = new Map<string, ReadonlySet<string>>();

/** `zoneWords`: zone-type and generic words — an area whose name holds one (滨海新区) is a zone, not a place. */
export function adminPlaces(zoneWords: readonly string[]): ReadonlySet<string> {
  const key = zoneWords.join("|");
  const known = cached.get(key);
  if (known) return known;
  const isZoneName = (name: string) => zoneWords.some((word) => name.includes(word));
  const endings = PlaceEndingsSchema.parse(JSON.parse(readFileSync(fileURLToPath(new URL("../../data/place-names.json", import.meta.url)), "utf8"))).adminAreaEndings;
  const byLength = [...endings].sort((a, b) => b.length - a.length);
  const areas = AreaListSchema.parse(createRequire(import.meta.url)("china-area-data/v5/data.json"));
  const places = new Set<string>();
  for (const children of Object.values(areas)) {
    for (const name of Object.values(children)) {
      if (isZoneName(name)) continue;
      const ending = byLength.find((end) => name.endsWith(end) && name.length - end.length >= MIN_STEM_CHARS);
      // 西区, 东区, 城区, 矿区: an area whose stem is one character is a common word far more often than that area.
      if (!ending && byLength.some((end) => name.endsWith(end) && name.length > end.length)) continue;
      const stem = ending ? name.slice(0, -ending.length) : name;
      if (isZoneName(stem)) continue;
      places.add(name);
      places.add(stem);
    }
  }
  cached.set(key, places);
  return places;
}
