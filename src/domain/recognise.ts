import { Jieba, type TaggedWord } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { sharedJieba, zoneTypeWords } from "../text/segmenter.js";
import { descriptorWordCount, loadZoneForms, type ZoneForms, type ZoneSuffix } from "./zone-forms.js";

/**
 * A zone-type word in text (经开区, 新区, 科学城…), with the place name written before it when there is one.
 * 「天津经开区」 is a named zone; 「各开发区」 and 「推动开发区」 are bare zone-type words.
 */
export interface ZoneForm {
  start: number;
  end: number;
  /** The place name as written (天津, 宁波前湾), or "" when the zone-type word stands alone. */
  place: string;
  /** The place without the sector words written after it (鳌山湾 of 鳌山湾科教新城); "" when bare. */
  core: string;
  /** The zone-type word as written (经开区). */
  suffix: string;
  /** Canonical name: the place (长沙市 → 长沙) and the long form of the type (天津经济技术开发区); "" when bare. */
  name: string;
  /** The zone type (经开, 高新, 新区…): what a generic word may refer back to. */
  family: string;
  /**
   * Which zone this is, whatever it is called: the place without its city (青岛即墨 → 即墨) and the type
   * word its kind is also written with (平度开发区, 平度经开区, 平度经济开发区 → 平度|经济技术开发区); "" when bare.
   */
  key: string;
  /** A bare word that names a category or kind of zone (各开发区, 9个经开区, 国家级经开区, 主题园区), not one zone. */
  collective: boolean;
}

/**
 * Tags a place before a rank may have: a place name, a name the dictionary took for a person's (武进), characters
 * it does not know. Not a common noun or a verb (牢记 of 牢记国家级新区使命).
 */
const RANKED_PLACE_TAGS = new Set(["ns", "nr", "nrt", "nz", "x", "chars"]);

/** The longest known place looked for before an open-sector type word (呼和浩特). */
const KNOWN_PLACE_MAX_CHARS = 4;

/** How far back from a zone-type word a place name is looked for (enough for a city and a district). */
const WINDOW_CHARS = 12;
/** Characters after a zone-type word shown to the segmenter, so 创新区域 is not read as 创+新区. */
const RIGHT_CONTEXT_CHARS = 2;
const HAN = /[\u4e00-\u9fff〇]/u;
/** Texts whose reading is kept (a paragraph's clauses and sentences are read repeatedly), and the longest kept. */
const SCAN_CACHE_SIZE = 4096;
const CACHED_TEXT_CHARS = 1000;

interface Unit {
  word: string;
  /** The segmenter's part-of-speech tag, or "chars" for single characters joined into one unit. */
  tag: string;
  /** Tag of the unit's first word (for joined characters, of the first character). */
  firstTag: string;
}

/** Dictionary frequency given to zone-type words, so the segmenter never joins them to a neighbour (个经+开区). */
const SUFFIX_WORD_FREQUENCY = 5000;

const segmenters = new Map<string, Jieba>();
/**
 * A jieba whose dictionary also knows the zone-type words: the process's shared one for the default data
 * (one dictionary per process), another only for a recogniser given other zone-type words (tests).
 */
function segmenterFor(suffixes: string[]): Jieba {
  const key = suffixes.join("|");
  if (key === zoneTypeWords().join("|")) return sharedJieba();
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = Jieba.withDict(dict);
    segmenter.loadDict(Buffer.from(suffixes.map((form) => `${form} ${SUFFIX_WORD_FREQUENCY} n`).join("\n")));
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/**
 * Reads zone names by their form: a place name of a few Han characters before a zone-type word.
 * What counts as a zone-type word, how long a place may be and which words are never places is data
 * (data/zone-forms.json); word boundaries come from the jieba segmenter.
 */
export class ZoneRecogniser {
  private readonly suffixesByFirstChar = new Map<string, ZoneSuffix[]>();
  private readonly nonPlaceWords: Set<string>;
  private readonly nonPlaceTags: Set<string>;
  private readonly collectiveHeads: Set<string>;
  private readonly descriptorWords: Set<string>;
  private readonly rankQualifiers: Set<string>;
  private readonly scanned = new Map<string, ZoneForm[]>();
  private readonly longestFirst: ZoneSuffix[];
  private jieba?: Jieba;
  /** A character's own tag, asked for again and again (the neighbours of every zone-type word): kept. */
  private readonly charTags = new Map<string, string>();
  private readonly verbLedTags: Set<string>;

  /**
   * `isKnownPlace`: words a gazetteer knows as places (即墨), whatever the segmenter tags them. `isAreaName`: the
   * country's administrative areas (营口, 遵义): places too, but a city written before one of them is kept in a
   * zone's identity (南京江北新区 and 重庆江北新区 are two zones).
   */
  constructor(
    private readonly forms: ZoneForms = loadZoneForms(),
    private readonly isGazetteerPlace: (word: string) => boolean = () => false,
    private readonly isAreaName: (word: string) => boolean = () => false,
  ) {
    this.longestFirst = [...forms.zoneSuffixes].sort((a, b) => b.form.length - a.form.length);
    for (const suffix of this.longestFirst) {
      const first = suffix.form[0]!;
      this.suffixesByFirstChar.set(first, [...(this.suffixesByFirstChar.get(first) ?? []), suffix]);
    }
    this.nonPlaceWords = new Set(forms.nonPlaceWords);
    this.nonPlaceTags = new Set(forms.nonPlaceTags);
    this.collectiveHeads = new Set(forms.collectiveHeads);
    this.descriptorWords = new Set(forms.descriptorWords);
    this.rankQualifiers = new Set(forms.rankQualifiers);
    this.verbLedTags = new Set(forms.verbLedTags);
  }

  /** Every zone-type word in text, named or bare, left to right; the longest type word wins at a position. */
  scan(text: string): ZoneForm[] {
    const cached = this.scanned.get(text);
    if (cached) return cached;
    const found = this.scanUncached(text);
    // The same clause is read many times over (its facts, its paragraph's topic): keep recent readings.
    if (text.length > CACHED_TEXT_CHARS) return found;
    if (this.scanned.size >= SCAN_CACHE_SIZE) this.scanned.delete(this.scanned.keys().next().value!);
    this.scanned.set(text, found);
    return found;
  }

  private scanUncached(text: string): ZoneForm[] {
    const found: ZoneForm[] = [];
    let floor = 0;
    for (let at = 0; at < text.length; ) {
      const form = this.suffixesByFirstChar.get(text[at]!)?.filter((suffix) => text.startsWith(suffix.form, at)).map((suffix) => this.read(text, floor, at, suffix)).find((read) => read !== undefined);
      if (!form) {
        at += 1;
        continue;
      }
      // 「河南自贸试验区郑州片区」: the part named right after its whole is the zone meant; the whole is its opening words.
      const whole = found.at(-1);
      // 「(绵阳)科技城新区」: a type word right after another names the second zone by the first (the new area of the science city).
      const named = whole !== undefined && whole.end === form.start && form.name === "" ? this.namedByType(whole, form) : undefined;
      if (named) {
        found.pop();
        found.push(Object.freeze(named));
        floor = named.end;
        at = named.end;
        continue;
      }
      const part = whole !== undefined && whole.end === form.start && this.suffixesByFirstChar.get(text[at]!)?.some((suffix) => suffix.after && text.startsWith(suffix.form, at));
      if (part) found.pop();
      // Frozen: readings are cached and shared between callers.
      found.push(Object.freeze(part ? { ...form, start: whole.start } : form));
      floor = form.end;
      at = form.end;
    }
    return found;
  }

  /** Zones named by form in text (天津经开区, 两江新区), without bare zone-type words. */
  named(text: string): ZoneForm[] {
    return this.scan(text).filter((form) => form.name !== "");
  }

  /** The canonical name when the whole of `written` is one zone's name by form (长沙经开区 → 长沙经济技术开发区). */
  nameOf(written: string): string | undefined {
    return this.wholeForm(written)?.name;
  }

  /** The place without sector words when the whole of `written` is one zone's name by form (see ZoneForm.core). */
  coreOf(written: string): string | undefined {
    return this.wholeForm(written)?.core;
  }

  /** The identity key when the whole of `written` is one zone's name by form (see ZoneForm.key). */
  keyOf(written: string): string | undefined {
    return this.wholeForm(written)?.key;
  }

  private wholeForm(written: string): ZoneForm | undefined {
    const forms = this.scan(written);
    const only = forms.length === 1 ? forms[0]! : undefined;
    return only && only.start === 0 && only.end === written.length && only.name ? only : undefined;
  }

  /** 「武进」 (a district), not 「火炬」 (a word of the language): a name by the dictionary's tag, or a known place. */
  namesPlace(word: string): boolean {
    const tagged = this.segmenter().tag(word, true);
    return this.isKnownPlace(word) || (tagged.length === 1 && RANKED_PLACE_TAGS.has(tagged[0]!.tag));
  }

  /** The zone type a name ends with (青岛经济技术开发区 → 经开), or undefined. */
  familyOf(name: string): string | undefined {
    return this.longestFirst.find((suffix) => name.endsWith(suffix.form) && name.length > suffix.form.length)?.family;
  }

  /** The canonical form of a name that ends with a short zone-type word (平度经开区 → 平度经济技术开发区). */
  lengthened(name: string): string | undefined {
    // A part's type word (片区 after 自贸试验区) has its long form only in that place: not for a name alone.
    const suffix = this.forms.zoneSuffixes.find((s) => s.canonical && !s.after && name.endsWith(s.form) && name.length > s.form.length);
    return suffix ? name.slice(0, -suffix.form.length) + suffix.canonical : undefined;
  }

  /** The zone-type word `suffix` at `at`: undefined when the segmenter says it is part of another word (创新区域). */
  private read(text: string, floor: number, at: number, suffix: ZoneSuffix): ZoneForm | undefined {
    // An open sector names a zone only after a known place: without one in reach there is nothing to segment.
    if (suffix.openSector && !this.knownPlaceWithin(text.slice(Math.max(floor, at - WINDOW_CHARS), at), text)) return undefined;
    const end = at + suffix.form.length;
    let runStart = at;
    // 「2025年新站高新区」: 年 (月, 日) after a number ends a date, not part of a name.
    const dateUnit = (i: number) => "年月日".includes(text[i] ?? "") && /[0-9０-９]/u.test(text[i - 1] ?? "");
    while (runStart > Math.max(floor, at - WINDOW_CHARS) && HAN.test(text[runStart - 1]!) && !dateUnit(runStart - 1)) runStart--;
    let contextEnd = end;
    while (contextEnd < Math.min(text.length, end + RIGHT_CONTEXT_CHARS) && HAN.test(text[contextEnd]!)) contextEnd++;
    const tagged = this.segmenter().tag(text.slice(runStart, contextEnd), true);
    const units = this.unitsBefore(tagged, at - runStart, end - runStart);
    if (!units) return undefined;
    // The run opens a phrase (text start, punctuation, the zone before): its first characters may open a name.
    // Not after a number: the character after 2023 is its unit (年).
    const charBefore = text[runStart - 1] ?? "";
    const opensPhrase = runStart === floor || (!HAN.test(charBefore) && !/[0-9０-９]/u.test(charBefore));
    const bracketed = suffix.openSector ? this.bracketedPlace(text, floor, runStart) : undefined;
    const { place, written, named, descriptive } = suffix.openSector ? this.sectorPlaceOf(bracketed ? [bracketed.unit, ...units] : units, text, bracketed?.written) : this.placeOf(units, opensPhrase);
    const bare = { start: at, end, place: "", core: "", suffix: suffix.form, name: "", family: suffix.family, key: "" };
    // 「主题园区」「自由贸易园区」: a loose type word after a word that qualifies it is a kind of park.
    const qualified = !suffix.names && this.isQualified(units);
    if ((!place && suffix.after) || (suffix.after && !suffix.after.some((whole) => text.slice(0, at - written.length).endsWith(whole)))) return undefined;
    if (!place || !suffix.names) return { ...bare, collective: qualified || descriptive || this.isCollective(units, text[runStart - 1]) };
    const name = this.normalisedPlace(place) + named.slice(place.length) + (suffix.canonical ?? suffix.form);
    const key = `${this.placeWithoutCity(this.normalisedPlace(place))}${named.slice(place.length)}|${suffix.sameAs ?? suffix.canonical ?? suffix.form}`;
    return { ...bare, start: at - written.length, place: written, core: this.normalisedPlace(place), name, key, collective: false };
  }

  /** The zone a type word names when another type word stands right before it (科技城 + 新区): that word is its name. */
  private namedByType(first: ZoneForm, second: ZoneForm): ZoneForm | undefined {
    const type = this.forms.zoneSuffixes.find((suffix) => suffix.form === second.suffix);
    if (!type || !type.names || type.after || first.collective || first.family === second.family || !this.forms.namingTypes.includes(first.suffix)) return undefined;
    const core = `${first.core}${first.suffix}`;
    const written = `${first.place}${first.suffix}`;
    const name = `${first.core}${first.name === "" ? first.suffix : first.name.slice(first.core.length)}${type.canonical ?? type.form}`;
    const key = `${this.placeWithoutCity(core)}|${type.sameAs ?? type.canonical ?? type.form}`;
    return { start: second.start - written.length, end: second.end, place: written, core, suffix: second.suffix, name, family: second.family, key, collective: false };
  }

  private segmenter(): Jieba {
    this.jieba ??= segmenterFor(this.forms.zoneSuffixes.map((s) => s.form));
    return this.jieba;
  }

  /**
   * The words before the zone-type word (which spans [from, to) of the segment), consecutive single
   * characters joined (前+海: names the dictionary does not know); undefined when a word runs into the
   * type word from either side (创新+区, 新+区域).
   */
  private unitsBefore(tagged: TaggedWord[], from: number, to: number): Unit[] | undefined {
    const units: Unit[] = [];
    let offset = 0;
    for (const { word, tag } of tagged) {
      const start = offset;
      offset += word.length;
      if (start < from && offset > from) {
        // 「苏州工业园区」 may come as one word: its head is the place.
        if (offset !== to) return undefined;
        units.push({ word: word.slice(0, from - start), tag, firstTag: tag });
      } else if (start >= from && start < to && offset > to) {
        return undefined;
      } else if (offset <= from) {
        const last = units.at(-1);
        const single = word.length === 1 && !this.nonPlaceWords.has(word);
        if (single && last?.tag === "chars") last.word += word;
        else units.push({ word, tag: single ? "chars" : tag, firstTag: tag });
      }
    }
    return units;
  }

  /**
   * The place name before the type word, with the sector words between them (杨凌+农业 of 杨凌农业高新区):
   * the last word that can be a place, then a city's name before it (宁波+前湾) while it fits.
   * `descriptive`: sector words with no place before them (农业高新区: a kind of zone).
   */
  private placeOf(units: Unit[], opensPhrase: boolean): { place: string; written: string; named: string; descriptive: boolean } {
    const none = { place: "", written: "", named: "", descriptive: false };
    let descriptors = "";
    // 「贵阳国家高新技术产业开发区」: a rank (国家, 省级) between the place and the type word says what the zone is
    // ranked, not which zone it is — it is written, never part of the name.
    let ranked = "";
    let i = units.length - 1;
    for (; i >= 0; i--) {
      // 「新+材料」: a sector word the segmenter cut in two is still one.
      const pair = i > 0 ? units[i - 1]!.word + units[i]!.word : "";
      if (descriptors === "" && this.rankQualifiers.has(units[i]!.word)) ranked = units[i]!.word + ranked;
      else if (this.isDescriptor(units[i]!.word)) descriptors = units[i]!.word + descriptors;
      else if (pair && this.isDescriptor(pair)) {
        descriptors = pair + descriptors;
        i--;
      } else break;
    }
    const last = this.lastWord(units.slice(0, i + 1));
    if (!last || !this.isPlaceWord(last)) return { ...none, descriptive: descriptors !== "" };
    // 「牢记国家级新区使命」: before a rank only a place the dictionary or the gazetteer knows is one (a verb the
    // segmenter took for a noun is not); 国家级新区 alone is a kind of zone.
    if (ranked !== "" && !RANKED_PLACE_TAGS.has(last.tag) && !this.isKnownPlace(last.word)) return none;
    const { minChars, maxChars, maxNameChars } = this.forms.placeName;
    let place = last.word.slice(-maxChars);
    const isCity = (unit: Unit | undefined) => unit !== undefined && (unit.tag === "ns" || this.isKnownPlace(unit.word));
    for (let j = i - (last.joined ? 2 : 1); j >= 0; j--) {
      const unit = units[j]!;
      // 「深圳前海深港…」「前海蛇口…」: characters the dictionary left alone (前海, 前 of a wrongly cut 海蛇) between
      // a city, or the start of the phrase, and the place are the start of a name it does not know.
      const namePart = unit.tag === "chars" && this.isNamePart(unit) && (j === 0 ? opensPhrase : isCity(units[j - 1]));
      if (!(isCity(unit) || namePart) || this.nonPlaceWords.has(unit.word) || place.length + unit.word.length > maxNameChars) break;
      place = unit.word + place;
    }
    return place.length >= minChars ? { place, written: place + descriptors + ranked, named: place + descriptors, descriptive: false } : { ...none, descriptive: descriptors !== "" };
  }

  /**
   * 「青岛+国家+广告 产业园」: for a type word with an open sector, the nearest known place before it and the
   * words between as the sector (a rank right after the place kept as written: the park's name says it).
   * A word no sector can be (a verb, a count, a function word) ends the search with no place.
   */
  /** Whether any two to four characters of `window` are a place the gazetteer or the country's areas know. */
  private knownPlaceWithin(window: string, text: string): boolean {
    const { minChars } = this.forms.placeName;
    for (let start = 0; start < window.length; start++) {
      for (let length = minChars; length <= KNOWN_PLACE_MAX_CHARS && start + length <= window.length; length++) {
        const word = window.slice(start, start + length);
        if (this.isKnownPlace(word) || this.namedAsTown(word, text)) return true;
      }
    }
    return false;
  }

  /**
   * 「青岛（城阳）国际食品产业园」: a place in brackets right before a park's sector words is the park's own place
   * (the city before it says where that place lies); the whole is written, the bracketed place names it.
   */
  private bracketedPlace(text: string, floor: number, runStart: number): { unit: Unit; written: string } | undefined {
    const match = /(?:[\u4e00-\u9fff]{2,4})?[（(]([\u4e00-\u9fff]{2,4})[)）]$/u.exec(text.slice(Math.max(floor, runStart - 12), runStart));
    const place = match?.[1];
    if (!match || !place || !this.isKnownPlace(place)) return undefined;
    return { unit: { word: place, tag: "ns", firstTag: "ns" }, written: match[0] };
  }

  /**
   * 「李哥庄制帽产业园」 where the same text writes 李哥庄镇: a town or street the text names as one (镇, 乡, 街道) is a
   * place, though no national list of areas goes down to towns.
   */
  private namedAsTown(word: string, text: string): boolean {
    const { minChars, maxChars, townEndings } = this.forms.placeName;
    if (word.length < minChars || word.length > maxChars || townEndings.length === 0) return false;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (townEndings.some((ending) => text.startsWith(ending, at + word.length))) return true;
    }
    return false;
  }

  private sectorPlaceOf(units: Unit[], text: string, bracketWritten?: string): { place: string; written: string; named: string; descriptive: boolean } {
    const none = { place: "", written: "", named: "", descriptive: false };
    const { minChars, maxSectorChars } = this.forms.placeName;
    let between = "";
    for (let i = units.length - 1; i >= 0; i--) {
      const unit = units[i]!;
      // Only a place the gazetteer or the country's areas know: the dictionary tags sector words (海洋) and
      // partnerships (中德) as places too, and an open sector would take any of them for one.
      const known = this.isKnownPlace(unit.word);
      if (unit.word.length >= minChars && (known || this.namedAsTown(unit.word, text)) && !this.isDescriptor(unit.word) && !this.nonPlaceWords.has(unit.word)) {
        const place = unit.word;
        // 「城阳区上马街道国际食品产业园」: an address (district, town, park) says where a park lies; the park is named
        // elsewhere. A name opening with its town (沽河街道电商产业园) is the park's own.
        const address = i > 0 && this.isKnownPlace(units[i - 1]!.word.replace(/[区市县]$/u, "")) && this.forms.placeName.townEndings.some((ending) => between.startsWith(ending));
        if (!known && address) return none;
        const written = i === 0 && bracketWritten !== undefined ? bracketWritten + between : place + between;
        return between === "" ? none : { place, written, named: place + between, descriptive: false };
      }
      const ranked = this.rankQualifiers.has(unit.word);
      const sectorLike = ranked || this.isDescriptor(unit.word) || !(this.nonPlaceTags.has(unit.firstTag) && unit.tag !== "n" && unit.tag !== "vn");
      if (!sectorLike || (!ranked && this.nonPlaceWords.has(unit.word)) || this.isCount(unit.word) || [...unit.word].some((char) => this.forms.functionChars.includes(char))) return none;
      between = unit.word + between;
      if (between.length > maxSectorChars) return none;
    }
    return { ...none, descriptive: between !== "" };
  }

  /** The word right before the type word; a lone character after a word is its last (鳌山+湾 → 鳌山湾). */
  private lastWord(units: Unit[]): (Unit & { joined: boolean }) | undefined {
    const last = units.at(-1);
    const before = units.at(-2);
    if (last?.tag === "chars" && last.word.length === 1 && before && !this.nonPlaceWords.has(before.word) && this.forms.placeEndChars.includes(last.word)) {
      return { word: before.word + last.word, tag: before.tag === "chars" ? "chars" : "ns", firstTag: before.firstTag, joined: true };
    }
    return last && { ...last, joined: false };
  }

  /** A sector word, or one made of sector words (汽车产业 = 汽车 + 产业). */
  private isDescriptor(word: string): boolean {
    return descriptorWordCount(word, this.descriptorWords) < Number.POSITIVE_INFINITY;
  }

  private isPlaceWord(unit: Unit): boolean {
    const { word, tag } = unit;
    const { minChars, rankEndings } = this.forms.placeName;
    if (word.length < minChars || this.nonPlaceWords.has(word) || this.isDescriptor(word) || rankEndings.some((end) => word.endsWith(end))) return false;
    if (this.isKnownPlace(word)) return true;
    // 「现代化」「国际化」: a modifier, not a place, unless the dictionary says place (怀化).
    if (tag !== "ns" && this.forms.modifierEndings.some((end) => word.endsWith(end))) return false;
    const counted = this.isCount(word);
    // 「做强新区」「打好…」: a word the dictionary does not know that opens with a verb is a verb phrase.
    const unknown = tag === "chars" || tag === "x";
    if (unknown && (this.isVerbLed(word, unit.firstTag) || [...word].some((char) => this.forms.functionChars.includes(char)))) return false;
    if (tag === "chars") return !counted;
    if (this.nonPlaceTags.has(tag)) return false;
    // A longer common noun (服务业) describes the zone rather than placing it; a short one that opens with an
    // adverb or verb (正值: 正 is "just") is a word of the sentence. Place names are proper nouns.
    if (tag === "n" && (word.length > 2 || this.opensWith(word, this.forms.commonNounLedTags))) return false;
    return !(counted && tag !== "ns");
  }

  /**
   * Unknown characters that may be part of a name: no function character, count or verb, and not opening with
   * a pronoun, adverb, time or measure word (那 of 那青岛开发区); direction characters open many names (前海).
   */
  private isNamePart(unit: Unit): boolean {
    const { word, firstTag } = unit;
    if (this.nonPlaceWords.has(word) || [...word].some((char) => this.forms.functionChars.includes(char) || this.forms.numeralChars.includes(char))) return false;
    const ownTag = this.charTag(word[0]!);
    return !this.isVerbLed(word, firstTag) && (ownTag === "f" || !this.nonPlaceTags.has(ownTag));
  }

  private isVerbLed(word: string, firstTag: string): boolean {
    if (this.verbLedTags.has(firstTag) && firstTag !== "x") return true;
    return this.verbLedTags.has(this.charTag(word[0]!));
  }

  /** True when the word's first character alone has one of the tags. */
  private opensWith(word: string, tags: string[]): boolean {
    return tags.includes(this.charTag(word[0]!));
  }

  private charTag(char: string): string {
    let tag = this.charTags.get(char);
    if (tag === undefined) {
      tag = this.segmenter().tag(char, false)[0]?.tag ?? "";
      this.charTags.set(char, tag);
    }
    return tag;
  }

  private isQualified(units: Unit[]): boolean {
    const last = units.at(-1);
    return last !== undefined && !this.nonPlaceWords.has(last.word) && !this.forms.referenceTags.includes(last.tag);
  }

  /** 「各开发区」「省级以上开发区」「9个经开区」「排名前三的开发区」: the word before a bare type word makes it many zones. */
  private isCollective(units: Unit[], charBefore: string | undefined): boolean {
    // 「前三的开发区」: a count before 的 counts the zones as one before the type word does.
    const last = units.at(-1)?.word === "的" && units.length > 1 ? units.at(-2) : units.at(-1);
    if (!last) return charBefore !== undefined && /[0-9０-９]/u.test(charBefore);
    // 「四季度高新区」「2024年开发区」: a number of a time is no count of zones.
    if (this.forms.timeMeasureChars.includes(last.word.at(-1) ?? "")) return false;
    if (["m", "q", "mq", "b"].includes(last.tag) || this.isCount(last.word)) return true;
    return [...this.collectiveHeads].some((head) => last.word.endsWith(head));
  }

  /**
   * 「九大」「两个」「三区」: a count — a numeral that ends the word or stands before another numeral or a measure
   * character. 「五象」「十堰」: a numeral before another character opens a name.
   */
  private isCount(word: string): boolean {
    const { numeralChars, countMeasureChars } = this.forms;
    const chars = [...word];
    return chars.some((char, i) => numeralChars.includes(char) && (i === chars.length - 1 || numeralChars.includes(chars[i + 1]!) || countMeasureChars.includes(chars[i + 1]!)));
  }

  /** 「青岛即墨」→ 即墨: a city's name before a place the gazetteer knows inside it. */
  private placeWithoutCity(place: string): string {
    const { minChars } = this.forms.placeName;
    for (let cut = minChars; cut <= place.length - minChars; cut++) {
      if (this.isGazetteerPlace(place.slice(0, cut)) && this.isGazetteerPlace(place.slice(cut))) return place.slice(cut);
    }
    return place;
  }

  /** A place the gazetteer knows or an administrative area. */
  private isKnownPlace(word: string): boolean {
    return this.isGazetteerPlace(word) || this.isAreaName(word);
  }

  private normalisedPlace(place: string): string {
    const { minChars, droppedEndings } = this.forms.placeName;
    const ending = droppedEndings.find((end) => place.endsWith(end) && place.length - end.length >= minChars);
    return ending ? place.slice(0, -ending.length) : place;
  }
}

let shared: ZoneRecogniser | undefined;

/** Zones named by form in text, with the default data (data/zone-forms.json). */
export function recogniseZones(text: string): ZoneForm[] {
  shared ??= new ZoneRecogniser();
  return shared.named(text);
}
