import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { sharedJieba } from "../text/segmenter.js";
import type { ZoneMention } from "./gazetteer.js";
import { recogniseZones } from "./recognise.js";
import { descriptorWordCount, loadZoneForms } from "./zone-forms.js";

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
  /** Each zone's places and type word, for names that shorten a zone's place (前海合作区). */
  private readonly named: { zone: string; places: string[]; family: string | undefined }[] = [];

  /**
   * `articlesAbout`: how many articles are mainly about each zone (their home zone). `otherNames`: [name, zone]
   * pairs of other names the corpus gives a zone (沈阳市浑南区 for 沈阳高新区): a district's name places it too.
   */
  constructor(zones: Iterable<string>, articlesAbout: ReadonlyMap<string, number> = new Map(), names: PlaceNames = loadPlaceNames(), otherNames: Iterable<[string, string]> = []) {
    const candidates = new Map<string, { admin: Set<string>; other: Set<string> }>();
    const add = (place: string, zone: string, admin: boolean) => {
      const entry = candidates.get(place) ?? { admin: new Set<string>(), other: new Set<string>() };
      (admin ? entry.admin : entry.other).add(zone);
      candidates.set(place, entry);
    };
    for (const zone of new Set(zones)) {
      const { places, admin } = placesOf(zone, names);
      this.named.push({ zone, places, family: familyOf(zone) });
      for (const place of places) add(place, zone, admin);
    }
    for (const [name, zone] of otherNames) {
      const { places, admin } = placesOf(name, names);
      if (admin) for (const place of places) add(place, zone, true);
    }
    for (const [place, { admin, other }] of candidates) {
      const zone = admin.size === 1 ? [...admin][0] : admin.size === 0 ? mostWrittenAbout([...other], articlesAbout) : undefined;
      if (zone) this.zoneOf.set(place, zone);
    }
    this.places = [...this.zoneOf.keys()].sort((a, b) => b.length - a.length);
  }

  /**
   * The corpus zone a zone name stands for when the name itself is not one of them: people shorten a long
   * name to its place and type word (深圳前海深港现代服务业合作区 → 前海合作区). The one zone of the same type
   * word one of whose places the name's place is; none when that is not exactly one.
   */
  sameZone(name: string): string | undefined {
    if (this.named.some((entry) => entry.zone === name)) return name;
    const form = recogniseZones(name).find((found) => found.start === 0 && found.end === name.length && found.place);
    if (!form?.place) return undefined;
    const matches = this.named.filter((entry) => entry.family === form.family && entry.zone !== name && entry.places.includes(form.place!));
    return matches.length === 1 ? matches[0]!.zone : undefined;
  }

  /**
   * 「平度、莱西、胶州三家开发区」: places listed before one zone-type word (with a count between) name that type's
   * zone of each place. `zoneOf` reads a written zone name as the gazetteer does; each such zone the corpus
   * holds (or holds by a shortened name) is returned with where its place stands.
   */
  listedBeforeType(text: string, zoneOf: (name: string) => string | undefined): PlaceMention[] {
    const found: PlaceMention[] = [];
    for (const match of text.matchAll(placeListPattern())) {
      const [, list, type] = match;
      let at = match.index;
      const places = list!.split(/[、和与及]/u);
      places.forEach((place, i) => {
        const written = zoneOf(`${place}${type}`);
        const zone = written && (this.named.some((entry) => entry.zone === written) ? written : this.sameZone(written));
        // The last place's span runs to the type word: the count and the type are part of the naming.
        const end = i === places.length - 1 ? match.index + match[0].length : at + place.length;
        if (zone) found.push({ start: at, end, alias: text.slice(at, end), zone });
        at += place.length + 1;
      });
    }
    return found.length > 0 ? found : this.runBeforeType(text, zoneOf);
  }

  /**
   * 「平度莱西胶州开发区」: places a chat runs together without 、 before one type word, when the run splits
   * wholly into three or more places this index knows, each with that type a zone.
   */
  private runBeforeType(text: string, zoneOf: (name: string) => string | undefined): PlaceMention[] {
    for (const match of text.matchAll(placeRunPattern())) {
      const [, run, type] = match;
      // Three places at least: two run together are most often a city and its district (合肥新站高新区).
      const parts = this.splitIntoPlaces(run!);
      if (!parts || parts.length < 3) continue;
      const found: PlaceMention[] = [];
      let at = match.index;
      for (const [i, place] of parts.entries()) {
        const written = zoneOf(`${place}${type}`);
        const zone = written && (this.named.some((entry) => entry.zone === written) ? written : this.sameZone(written));
        const end = i === parts.length - 1 ? match.index + match[0].length : at + place.length;
        if (!zone) return [];
        found.push({ start: at, end, alias: text.slice(at, end), zone });
        at += place.length;
      }
      return found;
    }
    return [];
  }

  /** The run as known places end to end (longest first at each step), or undefined. */
  private splitIntoPlaces(run: string): string[] | undefined {
    if (run === "") return [];
    for (const place of this.places) {
      if (!run.startsWith(place)) continue;
      const rest = this.splitIntoPlaces(run.slice(place.length));
      if (rest) return [place, ...rest];
    }
    return undefined;
  }

  /**
   * 「武汉临空港经开区」: a place followed by more name and a zone-type word names a zone of its own, not the
   * place's zone (武汉 → 武汉经开区). The whole name when it is no corpus zone (`known` reads a written name
   * as the gazetteer does), for the question to decline by it.
   */
  longerUnknownName(text: string, mention: PlaceMention, known: (name: string) => string | undefined): string | undefined {
    const match = longerNamePattern().exec(text.slice(mention.end));
    if (!match) return undefined;
    const name = text.slice(mention.start, mention.end + match[0].length);
    const written = known(name);
    return written && (this.named.some((entry) => entry.zone === written) || this.sameZone(written)) ? undefined : name;
  }

  /** Places named in text, longest first, never overlapping. */
  find(text: string): PlaceMention[] {
    const found: PlaceMention[] = [];
    const taken = new Set<number>();
    const starts = wordStarts(text);
    for (const place of this.places) {
      for (let at = text.indexOf(place); at >= 0; at = text.indexOf(place, at + 1)) {
        const end = at + place.length;
        // 空港 inside 郑州航空港 is part of another word, not the place.
        if (!starts.has(at)) continue;
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

/**
 * 「平度、莱西、胶州三家开发区」「A和B两个高新区」: two to six places joined by 、/和, maybe a count, then one zone-type
 * word that names zones (data/zone-forms.json).
 */
let listPattern: RegExp | undefined;
let runPattern: RegExp | undefined;
/** A run of Han characters right before a zone-type word that names zones (平度莱西胶州 + 开发区). */
function placeRunPattern(): RegExp {
  if (!runPattern) {
    const types = loadZoneForms().zoneSuffixes.filter((suffix) => suffix.names && !suffix.after).map((suffix) => suffix.form).sort((a, b) => b.length - a.length);
    runPattern = new RegExp(`([\\u4e00-\\u9fff]{4,16}?)(${types.join("|")})`, "gu");
  }
  return new RegExp(runPattern.source, runPattern.flags);
}

function placeListPattern(): RegExp {
  if (!listPattern) {
    const forms = loadZoneForms();
    const types = forms.zoneSuffixes.filter((suffix) => suffix.names && !suffix.after).map((suffix) => suffix.form).sort((a, b) => b.length - a.length);
    const place = "[\\u4e00-\\u9fff]{2,4}?";
    const lead = forms.listCountLeads.length > 0 ? `(?:${forms.listCountLeads.join("|")})?` : "";
    listPattern = new RegExp(`((?:${place}[、和与及]){1,5}${place})(?:${lead}(?:[两二三四五六七八九十]|\\d+)[家个大])?(${types.join("|")})`, "gu");
  }
  return new RegExp(listPattern.source, listPattern.flags);
}

/** Right after a place: one to five more name characters (no function character), then a zone-type word. */
let longerName: RegExp | undefined;
function longerNamePattern(): RegExp {
  if (!longerName) {
    const forms = loadZoneForms();
    const types = forms.zoneSuffixes.filter((suffix) => suffix.names && !suffix.after).map((suffix) => suffix.form).sort((a, b) => b.length - a.length);
    const nameChar = `[^\\P{Script=Han}${forms.functionChars}]`;
    longerName = new RegExp(`^${nameChar}{1,5}?(?:${types.join("|")})`, "u");
  }
  return longerName;
}

/** Offsets where the segmenter starts a word. */
function wordStarts(text: string): Set<number> {
  const starts = new Set<number>();
  let at = 0;
  for (const word of sharedJieba().cut(text, true)) {
    starts.add(at);
    at += word.length;
  }
  return starts;
}

/** The one zone more articles are about than any other, if there is one. */
function mostWrittenAbout(zones: string[], articlesAbout: ReadonlyMap<string, number>): string | undefined {
  if (zones.length === 1) return zones[0];
  const ranked = zones.map((zone) => ({ zone, count: articlesAbout.get(zone) ?? 0 })).sort((a, b) => b.count - a.count);
  return ranked[0]!.count > ranked[1]!.count ? ranked[0]!.zone : undefined;
}

/** 「投资」「发展」: one word the dictionary tags as a verbal noun. */
function isVerbalNoun(word: string): boolean {
  const tagged = sharedJieba().tag(word, true);
  return tagged.length === 1 && tagged[0]!.tag === "vn";
}

/** The places a zone's name says it is of (上海张江科学城 → 上海张江, 张江; 青岛市城阳区 → 城阳), and whether it is an administrative area. */
function placesOf(zone: string, names: PlaceNames): { places: string[]; admin: boolean } {
  // 「青岛西海岸新区琅琊台旅游度假区」: a zone named after the zone it lies in is placed by its own part (琅琊台).
  const forms = recogniseZones(zone);
  const own = forms.at(-1);
  if (forms.length >= 2 && forms[0]!.start === 0 && own && own.end === zone.length && own.start > 0) return placesOf(zone.slice(own.start), names);
  const whole = recogniseZones(zone).find((form) => form.start === 0 && form.end === zone.length && form.place);
  // 即墨经济开发区 ends in 区 but is a zone of a type, not the administrative area 即墨区.
  const typed = whole !== undefined || loadZoneForms().zoneSuffixes.some((suffix) => zone.endsWith(suffix.form));
  const suffix = typed ? undefined : names.adminSuffixes.find((end) => zone.endsWith(end));
  // The longest type word it ends in (临港新片区: 新片区, not 片区).
  const zoneType = whole ? undefined : loadZoneForms().zoneSuffixes.filter((s) => zone.endsWith(s.form)).sort((a, b) => b.form.length - a.form.length)[0];
  const place = whole ? whole.place : suffix ? zone.slice(0, -suffix.length) : zoneType ? zone.slice(0, -zoneType.form.length) : beforeDescriptors(zone);
  // 「国际经济合作区」: sector and quality words (国际, 经济) say what kind of zone it is, never where it is.
  if (place.length < names.minPlaceChars || madeOfDescriptors(place, 2)) return { places: [], admin: false };
  const places = new Set([place]);
  // The place's own characters: without the sector words after it (轨道交通产业 of 青岛轨道交通产业示范区 is no place).
  const coreChars = whole ? whole.core.length : place.length;
  for (const cut of names.cityLengths) {
    const rest = place.slice(cut);
    // 「海沧投资区」 cut after 海沧 leaves 投资, a word of the language (a verbal noun), never a place.
    if (rest.length >= names.minPlaceChars && cut < coreChars && !isVerbalNoun(rest) && !madeOfDescriptors(rest, 1)) places.add(rest);
  }
  // A long place name (more than a city and a place) is also called by its start (前海 of 前海深港现代服务业),
  // read after the city it may open with: 深圳 of 深圳前海深港… names the city, not the zone.
  const core = withoutCity(place, names);
  // Only the start of the place itself, not of the sector words after it (轨道 of 青岛轨道交通产业示范区 is no place).
  const ownChars = coreChars - (place.length - core.length);
  if (suffix === undefined && core.length > names.longPlaceChars) {
    for (let length = names.minPlaceChars; length <= Math.min(names.maxShortPlaceChars, ownChars); length++) places.add(core.slice(0, length));
  }
  return { places: [...places], admin: suffix !== undefined };
}

/**
 * 「宁东能源化工基地」: a name with no zone-type word is placed by what comes before its first sector word (宁东),
 * when something does.
 */
function beforeDescriptors(zone: string): string {
  const words = [...descriptorWords()];
  for (let at = 2; at < zone.length; at++) {
    if (words.some((word) => zone.startsWith(word, at))) return zone.slice(0, at);
  }
  return "";
}

/**
 * Whether a text is wholly made of at least `least` sector and quality words of zone names (data zone-forms.json
 * descriptorWords). One such word alone can be a place's name too (临港 of 临港新片区); two are a kind (国际经济).
 */
function madeOfDescriptors(text: string, least: number): boolean {
  const count = descriptorWordCount(text, descriptorWords());
  return count >= least && count < Number.POSITIVE_INFINITY;
}

let descriptorSet: ReadonlySet<string> | undefined;
function descriptorWords(): ReadonlySet<string> {
  descriptorSet ??= new Set(loadZoneForms().descriptorWords);
  return descriptorSet;
}

/** The place without a city name opening it (深圳前海深港现代服务业 → 前海深港现代服务业): a leading place-name word of a city's length. */
function withoutCity(place: string, names: PlaceNames): string {
  const first = sharedJieba().tag(place)[0];
  if (first?.tag !== "ns" || !names.cityLengths.includes(first.word.length)) return place;
  const rest = place.slice(first.word.length);
  return rest.length >= names.minPlaceChars ? rest : place;
}

/** The type word a zone's name ends in (合作区, 经济技术开发区), if it is named by its form. */
function familyOf(zone: string): string | undefined {
  return recogniseZones(zone).find((form) => form.start === 0 && form.end === zone.length)?.family;
}

/**
 * The short names an article about a zone calls it by (前海 in a piece about 深圳前海深港现代服务业合作区, 张江 in
 * one about 上海张江科学城): the zone's places, less any that is one place-name word by itself (天津, 两江), which
 * names the city or district as well as the zone.
 */
export function shortNames(zone: string, names: PlaceNames = loadPlaceNames()): string[] {
  const cached = shortNameCache.get(zone);
  if (cached) return cached;
  const { places } = placesOf(zone, names);
  const whole = places[0];
  const core = whole === undefined ? undefined : withoutCity(whole, names);
  // Only the place read after its city and the starts of a long one: a blind cut (海岸 of 青岛西海岸) is no name.
  const found = core === undefined ? [] : places.filter((place) => (place === core || (core.length > names.longPlaceChars && core.startsWith(place))) && !onePlaceWord(place));
  shortNameCache.set(zone, found);
  return found;
}

function onePlaceWord(text: string): boolean {
  const words = sharedJieba().tag(text);
  return words.length === 1 && words[0]!.tag === "ns";
}
const shortNameCache = new Map<string, string[]>();

let cached: PlaceNames | undefined;
function loadPlaceNames(): PlaceNames {
  cached ??= PlaceNamesSchema.parse(JSON.parse(readFileSync(fileURLToPath(new URL("../../data/place-names.json", import.meta.url)), "utf8")));
  return cached;
}

/**
 * An article calls its own zone by its short place name (「前海累计…」 in a piece about 深圳前海深港现代服务业合作区):
 * each such name not inside a zone already named there is a mention of the home zone.
 */
export function homeByShortName(text: string, home: string | undefined, named: readonly { start: number; end: number }[]): ZoneMention[] {
  if (!home) return [];
  const found: ZoneMention[] = [];
  for (const name of shortNames(home)) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length;
      if ([...named, ...found].some((m) => m.start < end && at < m.end)) continue;
      found.push({ zone: home, alias: name, start: at, end, weak: false, source: "form" });
    }
  }
  return found;
}

