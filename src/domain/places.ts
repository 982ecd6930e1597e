import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { recogniseZones } from "./recognise.js";
import { loadZoneForms } from "./zone-forms.js";

const PlaceNamesSchema = z.object({
  adminSuffixes: z.array(z.string()),
  cityLengths: z.array(z.number().int().positive()),
  minPlaceChars: z.number().int().positive(),
  maxShortPlaceChars: z.number().int().positive(),
  longPlaceChars: z.number().int().positive(),
});
type PlaceNames = z.infer<typeof PlaceNamesSchema>;

export interface PlaceMention {
  start: number;
  end: number;
  /** The place as written in the text (即墨). */
  alias: string;
  zone: string;
}

/**
 * People name a zone by its place alone (「即墨2022年GDP多少」「亦庄新落地了哪些平台」「前海现在有多少港资企业」).
 * The index maps each place (or the start of a longer place name: 前海 of 前海深港现代服务业) to the one zone
 * of the corpus named after it: the administrative area of that name when there is one (即墨 → 即墨区, not
 * 即墨经济开发区), else the zone more articles are about than any other of that place. A place shared
 * by zones that no such rule tells apart names none of them.
 */
export class PlaceIndex {
  private readonly zoneOf = new Map<string, string>();
  private readonly places: string[];

  /** `articlesAbout`: how many articles are mainly about each zone (their home zone). */
  constructor(zones: Iterable<string>, articlesAbout: ReadonlyMap<string, number> = new Map(), names: PlaceNames = loadPlaceNames()) {
    const candidates = new Map<string, { admin: Set<string>; other: Set<string> }>();
    for (const zone of new Set(zones)) {
      const { places, admin } = placesOf(zone, names);
      for (const place of places) {
        const entry = candidates.get(place) ?? { admin: new Set<string>(), other: new Set<string>() };
        (admin ? entry.admin : entry.other).add(zone);
        candidates.set(place, entry);
      }
    }
    for (const [place, { admin, other }] of candidates) {
      const zone = admin.size === 1 ? [...admin][0] : admin.size === 0 ? mostWrittenAbout([...other], articlesAbout) : undefined;
      if (zone) this.zoneOf.set(place, zone);
    }
    this.places = [...this.zoneOf.keys()].sort((a, b) => b.length - a.length);
  }

  /** Places named in text, longest first, never overlapping. */
  find(text: string): PlaceMention[] {
    const found: PlaceMention[] = [];
    const taken = new Set<number>();
    for (const place of this.places) {
      for (let at = text.indexOf(place); at >= 0; at = text.indexOf(place, at + 1)) {
        const end = at + place.length;
        let free = true;
        for (let i = at; i < end; i++) if (taken.has(i)) free = false;
        if (!free) continue;
        for (let i = at; i < end; i++) taken.add(i);
        found.push({ start: at, end, alias: place, zone: this.zoneOf.get(place)! });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }
}

/** The one zone more articles are about than any other, if there is one. */
function mostWrittenAbout(zones: string[], articlesAbout: ReadonlyMap<string, number>): string | undefined {
  if (zones.length === 1) return zones[0];
  const ranked = zones.map((zone) => ({ zone, count: articlesAbout.get(zone) ?? 0 })).sort((a, b) => b.count - a.count);
  return ranked[0]!.count > ranked[1]!.count ? ranked[0]!.zone : undefined;
}

/** The places a zone's name says it is of (上海张江科学城 → 上海张江, 张江; 青岛市城阳区 → 城阳), and whether it is an administrative area. */
function placesOf(zone: string, names: PlaceNames): { places: string[]; admin: boolean } {
  const whole = recogniseZones(zone).find((form) => form.start === 0 && form.end === zone.length && form.place);
  // 即墨经济开发区 ends in 区 but is a zone of a type, not the administrative area 即墨区.
  const typed = whole !== undefined || loadZoneForms().zoneSuffixes.some((suffix) => zone.endsWith(suffix.form));
  const suffix = typed ? undefined : names.adminSuffixes.find((end) => zone.endsWith(end));
  const zoneType = whole ? undefined : loadZoneForms().zoneSuffixes.find((s) => zone.endsWith(s.form));
  const place = whole ? whole.place : suffix ? zone.slice(0, -suffix.length) : zoneType ? zone.slice(0, -zoneType.form.length) : "";
  if (place.length < names.minPlaceChars) return { places: [], admin: false };
  const places = new Set([place]);
  for (const cut of names.cityLengths) {
    const rest = place.slice(cut);
    if (rest.length >= names.minPlaceChars) places.add(rest);
  }
  // A long place name (more than a city and a place) is also called by its start (前海 of 前海深港现代服务业).
  if (suffix === undefined && place.length > names.longPlaceChars) {
    for (let length = names.minPlaceChars; length <= names.maxShortPlaceChars; length++) places.add(place.slice(0, length));
  }
  return { places: [...places], admin: suffix !== undefined };
}

let cached: PlaceNames | undefined;
function loadPlaceNames(): PlaceNames {
  cached ??= PlaceNamesSchema.parse(JSON.parse(readFileSync(fileURLToPath(new URL("../../data/place-names.json", import.meta.url)), "utf8")));
  return cached;
}
