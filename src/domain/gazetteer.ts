import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { adminPlaces } from "./admin-places.js";
import { ZoneRecogniser } from "./recognise.js";
import { loadZoneForms, type ZoneForms } from "./zone-forms.js";

const ZoneSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  weakAliases: z.array(z.string().min(1)).default([]),
  parent: z.string().optional(),
  groups: z.array(z.string()).default([]),
});
const GroupSchema = z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()) });
const GazetteerFileSchema = z.object({
  zones: z.array(ZoneSchema),
  groups: z.array(GroupSchema),
  /** Words in which a generic word is not a mention (新区 inside 经济新区, 开发区 inside 全国开发区). */
  weakAliasExclusions: z.array(z.string()).default([]),
  /** Other names of zones of other cities, used only for zones the corpus has (see learn.ts). */
  nicknames: z.record(z.string(), z.array(z.string())).default({}),
});

export type { ZoneForms } from "./zone-forms.js";

/** A place-like word: a few characters ending in 区, 园, 城, 港, 谷… */
const ZONE_LIKE = /[\u4e00-\u9fa5（）]{2,12}?(?:经开区|开发区|高新区|新区|片区|园区|区|园|城|港|谷|圈|基地)/g;
/** Shortest tail of a place-like word tried as an abbreviation (院士港). */
/** The longest city name written before a zone it holds (绵阳, 石家庄, 呼和浩特). */
const MAX_CITY_CHARS = 4;
const MIN_TAIL_CHARS = 3;
/** 「城阳空港工业」 of 城阳空港工业聚集区: a stem this long names one zone whatever category word follows. */
const MIN_STEM_CHARS = 4;
const MAX_CATEGORY_CHARS = 3;
export type Zone = z.infer<typeof ZoneSchema>;
export type ZoneGroup = z.infer<typeof GroupSchema>;

/** A zone learnt from the corpus: a name from article metadata, maybe with aliases learnt from titles. */
export interface ZoneEntry {
  name: string;
  aliases: string[];
  /** How many articles name it: of two names of one zone (平度开发区, 平度经济开发区) the commoner leads. */
  articles?: number;
}

/** Words joining two zones that share a place (石家庄高新区和经开区). */
const SHARED_PLACE_JOINERS = "和与、及跟同";

export interface ZoneMention {
  zone: string;
  alias: string;
  start: number;
  end: number;
  /** A word that names no zone by itself (开发区, 该区, 全市), resolved from its context. */
  weak: boolean;
  /** How the zone was found: a listed alias, its form (place + zone-type word), or a generic word resolved. */
  source?: "listed" | "form" | "generic";
}

export interface MentionOptions {
  /** Also generic words (开发区, 新区, 该区) and the city's own words (全市, 我市). */
  includeWeak?: boolean;
  /**
   * The article's home zone (see zonesOf): what a generic word refers to when no zone named before it
   * in the text does. Without it a generic word resolves only to a zone named before it; `null` says
   * the article has no home, so 全市/我市 name no city either (left out, they keep meaning the
   * gazetteer's city, as questions use them).
   */
  home?: string | null;
  /**
   * For a question, which has no article: a generic word with no zone named before it refers to the one
   * zone this gazetteer holds of its type (经开区 to a corpus with one 经济技术开发区), else to none.
   */
  soleOfType?: boolean;
}

interface AliasEntry {
  alias: string;
  zone: string;
}

/** Texts whose mentions are kept, per gazetteer, and the longest text kept (a paragraph, not an article). */
const MENTION_CACHE_SIZE = 4096;
const CACHED_TEXT_CHARS = 1000;
/** How deep a chain of parents may go (city → new area → zone → park). */
const MAX_DEPTH = 8;

/**
 * Zone names and aliases from data/zones.json, plus every zone named by its form (天津经开区, 两江新区) whether
 * listed or not. Longest alias wins at each position; a listed short alias after another place's name
 * (宁波梅山保税港区) is that place's zone, not ours.
 */
export class Gazetteer {
  readonly zones: Zone[];
  readonly groups: ZoneGroup[];
  private readonly byName = new Map<string, Zone>();
  /** Strong aliases → zone name, sorted longest first for greedy matching. */
  private readonly aliasList: AliasEntry[];
  private readonly byAlias = new Map<string, string>();
  /** Words that name a zone only in its own articles (全市 → 青岛市). */
  private readonly ownWords: AliasEntry[];
  /** Short place names (即墨, 胶州…) → the district or city they name. */
  private readonly stems: Map<string, string>;
  /** The same aliases by first character, so a scan only tries the few that can start at a position. */
  private readonly byFirstChar = new Map<string, AliasEntry[]>();
  private readonly forms: ZoneForms;
  private readonly recogniser: ZoneRecogniser;
  private readonly unplacedNames = new Map<string, string | null>();
  /** Whether a word is one of the country's administrative areas (营口, 绵阳). */
  private readonly isAreaName: (word: string) => boolean;
  private readonly genericFamilies: Map<string, string | undefined>;
  /** Generic words that are no zone-type word (该区, 全区), found by plain search. */
  private readonly typelessGeneric: RegExp | undefined;
  private readonly mentionCache = new Map<string, ZoneMention[]>();
  /** Identity keys of the listed names (see zoneWithKey), built on first use. */
  private keys?: Map<string, string | null>;

  private nicknames = new Map<string, string[]>();

  constructor(zones: Zone[], groups: ZoneGroup[], private readonly weakExclusions: string[] = [], forms?: ZoneForms) {
    this.zones = zones;
    this.groups = groups;
    this.forms = forms ?? loadZoneForms();
    this.genericFamilies = new Map(this.forms.genericMentions.map((generic) => [generic.word, generic.family]));
    const typeless = [...this.genericFamilies.keys()].filter((word) => !this.forms.zoneSuffixes.some((suffix) => suffix.form === word));
    this.typelessGeneric = typeless.length > 0 ? new RegExp(typeless.sort((a, b) => b.length - a.length).join("|"), "gu") : undefined;
    for (const zone of zones) this.byName.set(zone.name, zone);
    this.stems = districtStems(zones);
    // China's administrative areas are places whatever the segmenter tags them (营口, 遵义); ones named like zones are not.
    const places = adminPlaces([...this.forms.zoneSuffixes.map((suffix) => suffix.form), ...this.forms.genericNames]);
    this.isAreaName = (word) => places.has(word);
    this.recogniser = new ZoneRecogniser(this.forms, (word) => this.stems.has(word) || this.byAlias.has(word), (word) => places.has(word));
    const derived = derivedAliases(zones, this.forms, new Set(this.stems.keys()), (form) => this.isGenericWord(form), (name) => this.recogniser.lengthened(name));
    this.aliasList = zones
      .flatMap((zone) => [zone.name, ...zone.aliases, ...(derived.get(zone.name) ?? [])].filter((alias) => !this.isGenericWord(alias)).map((alias) => ({ alias, zone: zone.name })))
      .sort((a, b) => b.alias.length - a.alias.length);
    // A zone's own name is its own, whatever another zone's derived forms would make of it (江北新区 beside 南京江北新区).
    for (const zone of zones) if (!this.isGenericWord(zone.name)) this.byAlias.set(zone.name, zone.name);
    for (const entry of this.aliasList) {
      if (!this.byAlias.has(entry.alias)) this.byAlias.set(entry.alias, entry.zone);
      const first = entry.alias[0]!;
      this.byFirstChar.set(first, [...(this.byFirstChar.get(first) ?? []), entry]);
    }
    this.ownWords = zones.flatMap((zone) => zone.weakAliases.map((alias) => ({ alias, zone: zone.name })));
  }

  static load(path: string = defaultGazetteerPath()): Gazetteer {
    const parsed = GazetteerFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
    const gazetteer = new Gazetteer(parsed.zones, parsed.groups, parsed.weakAliasExclusions, loadZoneForms());
    gazetteer.nicknames = new Map(Object.entries(parsed.nicknames));
    return gazetteer;
  }

  /** Other names people call a zone of another city by (黄埔 for 广州经济技术开发区), from data/zones.json. */
  nicknamesOf(zone: string): string[] {
    return this.nicknames.get(zone) ?? [];
  }

  /** Every zone with nicknames, with them. */
  nicknamedZones(): [string, string[]][] {
    return [...this.nicknames];
  }

  /**
   * This gazetteer plus zones it does not know that articles name in their metadata (front matter
   * `zone:`), so a zone first met in a new article is recognised in text and questions like any other.
   */
  withZones(entries: Iterable<string | ZoneEntry>): Gazetteer {
    const byName = new Map<string, Set<string>>();
    const add = (zone: string, aliases: string[]) => byName.set(zone, new Set([...(byName.get(zone) ?? []), ...aliases]));
    // Names of one zone not known yet (平度开发区, 平度经济开发区), by what zone they are.
    const unknown: { name: string; articles: number }[] = [];
    for (const entry of entries) {
      const { name, aliases, articles = 0 } = typeof entry === "string" ? { name: entry, aliases: [] } : entry;
      if (name.length < 2 || this.isGenericWord(name)) continue;
      const fresh = aliases.filter((alias) => alias.length >= 2 && !this.byAlias.has(alias) && !this.isGenericWord(alias));
      const key = this.recogniser.keyOf(name);
      const known = this.byAlias.get(name) ?? (key ? this.knownForm(name, name, key) : undefined);
      if (known) {
        const names = this.byAlias.has(name) ? fresh : [name, ...fresh];
        if (names.length > 0) add(known, names);
        continue;
      }
      if (fresh.length > 0) add(name, fresh);
      unknown.push({ name, articles });
    }
    for (const [lead, others] of this.sameZoneNames(unknown)) {
      add(lead, others);
      for (const other of others) {
        add(lead, [...(byName.get(other) ?? [])]);
        byName.delete(other);
      }
    }
    if (byName.size === 0) return this;
    const root = mostCommon(this.zones.map((zone) => zone.parent).filter((parent): parent is string => parent !== undefined));
    const zones = this.zones.map((zone) => (byName.has(zone.name) ? { ...zone, aliases: [...zone.aliases, ...byName.get(zone.name)!] } : zone));
    const added: Zone[] = [...byName.entries()]
      .filter(([name]) => !this.byName.has(name))
      .map(([name, aliases]) => ({ name, aliases: [name, ...aliases], weakAliases: [], parent: this.parentByForm(name, root), groups: [] }));
    const known = new Gazetteer([...zones, ...added], this.groups, this.weakExclusions, this.forms);
    known.nicknames = this.nicknames;
    return known;
  }

  zone(name: string): Zone | undefined {
    return this.byName.get(name);
  }

  /** The zones' canonical names, once each (an article's zones read before a corpus taught other names). */
  canonicalZones(zones: string[]): string[] {
    return [...new Set(zones.map((zone) => (this.byName.has(zone) ? zone : (this.canonical(zone) ?? zone))))];
  }

  /**
   * Canonical name for a name or alias, or undefined: a listed alias's zone, else the name of a zone
   * written by its form (临沂开发区, 长沙经开区 → 长沙经济技术开发区) even when no list knows it. Generic words
   * (开发区, 新区) are no zone's name; the city's own words (全市) name the gazetteer's city.
   */
  canonical(nameOrAlias: string): string | undefined {
    const listed = this.byAlias.get(nameOrAlias) ?? this.ownWords.find((entry) => entry.alias === nameOrAlias)?.zone;
    if (listed || this.isGenericWord(nameOrAlias)) return listed;
    const bare = this.withoutProvince(nameOrAlias);
    if (bare !== nameOrAlias) return this.canonical(bare);
    const byForm = this.recogniser.nameOf(nameOrAlias);
    return byForm && (this.knownForm(byForm, nameOrAlias, this.recogniser.keyOf(nameOrAlias)) ?? this.afterDistrict(nameOrAlias) ?? this.afterCity(nameOrAlias) ?? byForm);
  }

  /**
   * 「绵阳科技城新区」 for the 科技城新区 an article names: a country's area written before a known zone whose own
   * place is no area says where it lies. (南京江北新区 is not 江北新区: 江北 is an area, and the city tells which.)
   */
  private afterCity(written: string): string | undefined {
    for (let cut = this.forms.placeName.minChars; cut <= MAX_CITY_CHARS && written.length - cut >= this.forms.minChars; cut++) {
      const rest = written.slice(cut);
      const zone = this.isAreaName(written.slice(0, cut)) ? this.byAlias.get(rest) : undefined;
      const core = zone ? this.recogniser.coreOf(rest) : undefined;
      if (zone && core !== undefined && !this.isAreaName(core) && !this.stems.has(core)) return zone;
    }
    return undefined;
  }

  /** A province in front (山东省青岛西海岸新区) adds nothing to which zone it is: the name without it, when that is still a zone's form. */
  private withoutProvince(name: string): string {
    for (const ending of this.forms.provinceEndings) {
      const at = name.indexOf(ending);
      if (at < 2 || at > 3) continue;
      const rest = name.slice(at + ending.length);
      if (rest.length >= this.forms.minChars && this.recogniser.nameOf(rest)) return rest;
    }
    return name;
  }

  /**
   * The zone this gazetteer holds for a zone named by its form: by its name, by its identity key (平度开发区
   * for 平度经济开发区), as the tail of one zone's name (前湾新区 of 宁波前湾新区: a city's name is often
   * left out in front), or as one zone's name shortened (鳌山湾新城 of 鳌山湾科教新城).
   */
  private knownForm(name: string, written: string, key: string | undefined): string | undefined {
    // A district's or city's name in front (青岛新城, 即墨新城) may open another zone there: no shortening then —
    // unless more of the name follows it (城阳轨交示范区 of 城阳轨道交通产业示范区: 轨交 is its own).
    const family = this.recogniser.familyOf(written);
    const typeLength = Math.max(0, ...this.forms.zoneSuffixes.filter((suffix) => written.endsWith(suffix.form)).map((suffix) => suffix.form.length));
    const ownWords = written.length - typeLength - 2;
    const shortened = this.stems.has(written.slice(0, 2)) && (family === undefined || ownWords < 2) ? undefined : this.abbreviated(written);
    return this.byAlias.get(name) ?? this.zoneWithKey(key) ?? this.bySuffix(written) ?? this.bySuffix(name) ?? shortened;
  }

  /**
   * 「平度新河化工园区」: a district's name before a zone the corpus names (新河化工园区) says where that zone lies.
   * (Read for names in text, never while a zone's own forms are registered: 城阳轨道交通产业示范区 stays itself.)
   */
  private afterDistrict(written: string): string | undefined {
    const stem = written.slice(0, 2);
    const rest = written.slice(2);
    if (!this.stems.has(stem) || rest.length < this.forms.minChars || this.isGenericWord(rest)) return undefined;
    return this.byAlias.get(rest);
  }

  /**
   * The zone this gazetteer holds for a name or alias — listed, or learnt from articles (withZones) —
   * else undefined: a name only recognisable by its form (火星开发区) that no article names is not held.
   * For commands and tools that must refuse a zone the corpus does not know.
   */
  known(nameOrAlias: string): string | undefined {
    const zone = this.canonical(nameOrAlias);
    return zone !== undefined && this.byName.has(zone) ? zone : undefined;
  }

  /** Every zone mention in text, non-overlapping, in text order. */
  mentions(text: string, options: MentionOptions = {}): ZoneMention[] {
    const key = `${options.includeWeak ? "weak" : "named"}${options.soleOfType ? "+sole" : ""}\u0000${options.home === undefined ? "\u0001" : (options.home ?? "\u0002")}\u0000${text}`;
    let found = this.mentionCache.get(key);
    if (!found) {
      found = this.readMentions(text, options);
      // A clause is read many times (each number in it, its paragraph's topic): keep recent readings.
      // A whole article is read once: not kept.
      if (text.length <= CACHED_TEXT_CHARS) {
        if (this.mentionCache.size >= MENTION_CACHE_SIZE) this.mentionCache.delete(this.mentionCache.keys().next().value!);
        this.mentionCache.set(key, found);
      }
    }
    return found.map((mention) => ({ ...mention }));
  }

  private readMentions(text: string, options: MentionOptions): ZoneMention[] {
    const named = this.namedMentions(text);
    if (!options.includeWeak) return named;
    const weak = [...this.genericMentions(text, named, options.home, options.soleOfType), ...this.ownWordMentions(text, named, options.home)];
    return [...named, ...weak].sort((a, b) => a.start - b.start);
  }

  /**
   * The zone a generic word (开发区, 新区, 该区) refers to: the last zone named before it in its paragraph
   * (one of its type when the word has one), else the article's home zone, else none. A home of another
   * type lends its one child or nearest parent of the word's type (开发区 in a new area's article).
   */
  resolveGeneric(word: string, paragraphBefore: string, home?: string | null, soleOfType = false): string | undefined {
    const family = this.genericFamilies.get(word) ?? this.recogniser.familyOf(`某${word}`);
    const named = this.namedMentions(paragraphBefore).filter((mention) => family === undefined || this.familyOfZone(mention.zone) === family);
    return named.at(-1)?.zone ?? (home ? this.homeOfFamily(home, family) : soleOfType ? this.soleZoneOfType(word) : undefined);
  }

  /** The one zone this gazetteer holds whose name ends with the type `word` stands for (经开区 → …经济技术开发区), if one. */
  soleZoneOfType(word: string): string | undefined {
    const suffix = this.forms.zoneSuffixes.find((s) => s.form === word);
    if (!suffix) return undefined;
    const type = `|${suffix.sameAs ?? suffix.canonical ?? suffix.form}`;
    const zones = new Set([...this.keyIndex().entries()].filter(([key]) => key.endsWith(type)).map(([, zone]) => zone));
    const [only] = zones;
    return zones.size === 1 && only ? only : undefined;
  }

  /** The zone type a name ends with (青岛经济技术开发区 → 经开), undefined for a name without one (…产业基地). */
  typeOf(name: string): string | undefined {
    return this.recogniser.familyOf(name);
  }

  /** Whether a word is a zone-type word itself (自贸片区, 经开区, 开发区), which names no zone without a place. */
  isTypeWord(word: string): boolean {
    return this.forms.zoneSuffixes.some((suffix) => suffix.form === word) || this.genericFamilies.has(word);
  }

  /** Whether a word names the whole of an area (全区: data zone-forms.json wholeWords). */
  isWholeWord(word: string): boolean {
    return this.forms.wholeWords.includes(word);
  }

  /**
   * 崂山区, 即墨区, 胶州市: an administrative area, not a zone named by form (青岛国际创新园, 崂山湾国际生态健康城)
   * — in a piece about a park, the district around it.
   */
  isAdminArea(zone: string): boolean {
    return this.recogniser.nameOf(zone) === undefined && this.isAreaName(zone);
  }

  /**
   * Whether an article says its home zone is a part of the whole its 全区 names — 「全区…，其中经开区增长11.4%」,
   * 「经开区多项指标增速高于全区平均水平」: then 全区 is the district around the zone, and its figures are not the zone's.
   */
  wholeAroundHome(text: string, home: string | undefined): boolean {
    if (!home || !this.forms.wholeWords.some((word) => text.includes(word))) return false;
    for (const sentence of text.split(/[。！？!?\n]/u)) {
      for (const whole of this.forms.wholeWords) {
        for (let at = sentence.indexOf(whole); at >= 0; at = sentence.indexOf(whole, at + 1)) {
          if (this.homePartAfter(sentence.slice(at + whole.length), home) || this.homeSetAgainst(sentence.slice(0, at), home)) return true;
        }
      }
    }
    return false;
  }

  /** 「…，其中经开区增长11.4%」: a part cue right before a mention of the home zone. */
  private homePartAfter(after: string, home: string): boolean {
    return this.forms.partCues.some((cue) => {
      for (let at = after.indexOf(cue); at >= 0; at = after.indexOf(cue, at + 1)) {
        const rest = after.slice(at + cue.length);
        const gap = rest.length - rest.replace(/^[，,\s]+/u, "").length;
        if (this.homeMentions(rest, home).some((mention) => mention.start === gap)) return true;
      }
      return false;
    });
  }

  /** 「经开区…增速高于全区」: the home zone in the same clause, set against the whole by a comparison word right before it. */
  private homeSetAgainst(before: string, home: string): boolean {
    if (!this.forms.wholeComparisons.some((word) => before.endsWith(word))) return false;
    const clause = before.slice(Math.max(...[..."，,；;：:"].map((mark) => before.lastIndexOf(mark))) + 1);
    return this.homeMentions(clause, home).length > 0;
  }

  private homeMentions(text: string, home: string): ZoneMention[] {
    return this.mentions(text, { includeWeak: true, home }).filter((mention) => mention.zone === home && !this.isWholeWord(mention.alias));
  }

  /** 「全市…」「我市…」: the text opens with a city's own word (data/zones.json weakAliases). */
  opensWithCityWord(text: string): boolean {
    const trimmed = text.trimStart();
    return this.ownWords.some((entry) => trimmed.startsWith(entry.alias));
  }

  /** The type words of a zone's own type (金普新区 → 新区; 绵阳高新技术产业开发区 → 高新区, 高新技术产业开发区…). */
  typeWordsOf(zone: string): string[] {
    const family = this.typeOf(zone);
    return family === undefined ? [] : this.forms.zoneSuffixes.filter((suffix) => suffix.family === family).map((suffix) => suffix.form);
  }

  /** A name without the city it opens with (青岛新河… → 新河…; data zone-forms.json cityPrefixes). */
  withoutCity(name: string): string {
    const prefix = this.forms.cityPrefixes.find((city) => name.startsWith(city) && name.length > city.length + 1);
    return prefix ? name.slice(prefix.length) : name;
  }

  /**
   * 「石家庄高新区和经开区」: a bare zone-type word joined right after a named zone shares that zone's place — the
   * corpus zone of that place and type (石家庄经开区), when there is one.
   */
  sharedPlaceMentions(text: string, named: ZoneMention[]): ZoneMention[] {
    const found: ZoneMention[] = [];
    const types = [...this.forms.zoneSuffixes].sort((a, b) => b.form.length - a.form.length);
    for (const mention of named) {
      const own = types.find((suffix) => mention.alias.endsWith(suffix.form) && mention.alias.length > suffix.form.length);
      if (!own || !SHARED_PLACE_JOINERS.includes(text[mention.end] ?? "")) continue;
      const at = mention.end + 1;
      const other = types.find((suffix) => text.startsWith(suffix.form, at) && suffix.names !== false && suffix.family !== own.family);
      if (!other) continue;
      const zone = this.canonical(mention.alias.slice(0, -own.form.length) + other.form);
      if (zone !== undefined && this.byName.has(zone)) found.push({ zone, alias: other.form, start: at, end: at + other.form.length, weak: false, source: "form" });
    }
    return found;
  }

  /** A name a list gives (data/zones.json or learnt from articles), not only a zone's form (临沂开发区). */
  isListedName(name: string): boolean {
    return this.byAlias.has(name);
  }

  /** 「中国光谷」 is said 光谷 too: the name without a brand prefix (data zone-forms.json brandPrefixes), when one is left. */
  brandStem(name: string): string | undefined {
    const prefix = this.forms.brandPrefixes.find((word) => name.startsWith(word));
    const stem = prefix ? name.slice(prefix.length) : undefined;
    return stem !== undefined && stem.length >= 2 && !this.isGenericWord(stem) ? stem : undefined;
  }

  /** True for words that name no one zone: zone-type words and generic references (开发区, 经开区, 该区). */
  isGenericWord(word: string): boolean {
    return this.genericFamilies.has(word) || this.forms.genericNames.includes(word) || this.forms.zoneSuffixes.some((suffix) => suffix.form === word || suffix.canonical === word);
  }

  /** Listed aliases and zones named by their form. */
  private namedMentions(text: string): ZoneMention[] {
    const listed = this.listedMentions(text);
    const byForm: ZoneMention[] = [];
    for (const form of this.recogniser.named(text)) {
      const overlapping = listed.filter((m) => m.start < form.end && m.end > form.start);
      // 「宁波梅山保税港区」: a listed short alias after a place that is not its own is that place's zone.
      // 「绵阳科技城新区」: a city before a zone whose own place is no area is where that zone lies — the same zone, all of it written.
      const inCity = overlapping.length > 0 ? this.afterCity(text.slice(form.start, form.end)) : undefined;
      const foreignPlace = overlapping.length > 0 && overlapping.every((m) => m.start > form.start && m.end === form.end && !this.placeOf(text.slice(form.start, m.start), m.zone)) && inCity === undefined;
      if (inCity !== undefined && overlapping.every((m) => m.zone === inCity && m.start >= form.start && m.end <= form.end)) {
        for (const m of overlapping) listed.splice(listed.indexOf(m), 1);
        byForm.push({ zone: inCity, alias: text.slice(form.start, form.end), start: form.start, end: form.end, weak: false, source: "form" });
        continue;
      }
      if (overlapping.length > 0 && !foreignPlace) continue;
      for (const m of overlapping) listed.splice(listed.indexOf(m), 1);
      const written = text.slice(form.start, form.end);
      const bare = this.withoutProvince(written);
      const zone = bare !== written ? (this.canonical(bare) ?? bare) : (this.knownForm(form.name, written, form.key) ?? this.afterDistrict(written) ?? form.name);
      byForm.push({ zone, alias: text.slice(form.start, form.end), start: form.start, end: form.end, weak: false, source: "form" });
    }
    // 「青岛市统计局」「即墨区人民政府」: a place right before an institution word names an organisation, not the zone the text is about.
    // A zone's own bodies (「崂山科技城党工委」「某经开区管委会」) speak for the zone: its name ends with a zone type.
    return [...listed, ...byForm].filter((mention) => !this.namesInstitution(text, mention.end) || this.endsWithZoneType(mention.alias)).sort((a, b) => a.start - b.start);
  }

  /** 「崂山科技城」「某经开区」: a name ending with a zone type word, longer than the word itself. */
  private endsWithZoneType(name: string): boolean {
    return this.forms.zoneSuffixes.some((suffix) => suffix.names !== false && name.length > suffix.form.length && name.endsWith(suffix.form));
  }

  /** True when an institution word (统计局, 管委会…) follows at `at`. */
  private namesInstitution(text: string, at: number): boolean {
    return this.forms.institutionWords.some((word) => text.startsWith(word, at));
  }

  /**
   * The zone this gazetteer holds under an identity key (ZoneForm.key): 平度经开区 is the listed
   * 平度经济开发区, 青岛即墨综合保税区 the listed 即墨综合保税区. Undefined when none or two zones have it.
   */
  private zoneWithKey(key: string | undefined): string | undefined {
    return key ? (this.keyIndex().get(key) ?? undefined) : undefined;
  }

  /** Identity key → zone for every listed name that is a zone's form; null where two zones share a key. */
  private keyIndex(): Map<string, string | null> {
    if (!this.keys) {
      this.keys = new Map<string, string | null>();
      for (const { alias, zone } of this.aliasList) {
        const key = this.recogniser.keyOf(alias);
        if (!key) continue;
        const owner = this.keys.get(key);
        this.keys.set(key, owner === undefined || owner === zone ? zone : null);
      }
    }
    return this.keys;
  }

  /**
   * New names grouped by the zone they name, each group under its lead name: names of one place and
   * type (平度开发区, 平度经济开发区), regular short forms of another name (通济新区 of 通济新经济区, 新河化工产业园区
   * of 平度新河化工产业园区) and names with the city or a word left out (前湾新区 of 宁波前湾新区, 鳌山湾新城 of
   * 鳌山湾科教新城, when only one name is so shortened).
   * The lead is the name most articles use, else the fullest.
   */
  private sameZoneNames(names: { name: string; articles: number }[]): Map<string, string[]> {
    const byKey = new Map<string, { name: string; articles: number }[]>();
    for (const entry of names) {
      const key = this.recogniser.keyOf(entry.name) ?? `\u0000${entry.name}`;
      byKey.set(key, [...(byKey.get(key) ?? []), entry]);
    }
    const groups = [...byKey.values()].map((group) => group.sort((a, b) => b.articles - a.articles || this.fullness(b.name) - this.fullness(a.name) || a.name.localeCompare(b.name)));
    // The fuller names first: each takes the groups whose names are its regular short forms.
    groups.sort((a, b) => this.fullness(b[0]!.name) - this.fullness(a[0]!.name) || a[0]!.name.localeCompare(b[0]!.name));
    const result = new Map<string, string[]>();
    const taken = new Set<number>();
    for (const [i, group] of groups.entries()) {
      if (taken.has(i)) continue;
      const forms = new Set(group.flatMap((entry) => this.regularForms(entry.name)));
      const names = group.map((entry) => entry.name);
      // 「前湾新区」 of 「宁波前湾新区」: a zone's name by its form, with the city in front left out.
      // 「鳌山湾新城」 of 「鳌山湾科教新城」: a shortened name (its characters in order, same start), likewise.
      // Leaving out a sector word keeps the zone (鳌山湾科教新城 → 鳌山湾新城); leaving out a place does not
      // (广州南沙经济技术开发区 is not 广州经济技术开发区): the place before the sector words must stay whole.
      const samePlace = (name: string, short: string) => this.recogniser.coreOf(name) === this.recogniser.coreOf(short);
      // 「南沙开发区」 of 「广州南沙经济技术开发区」: the city left out of one of its regular forms (广州南沙开发区).
      const endsWithin = (name: string, short: string) => [name, ...this.regularForms(name)].some((form) => form.length > short.length && form.endsWith(short));
      const shortens = (name: string, short: string) =>
        name.length > short.length && (endsWithin(name, short) || (!this.stems.has(short.slice(0, 2)) && name.startsWith(short.slice(0, 2)) && isSubsequence(short, name) && samePlace(name, short)));
      // A zone's name by its form, or a name with a zone-type word after a place of two or more characters.
      const zoneLike = (name: string) => this.recogniser.keyOf(name) !== undefined || (this.recogniser.familyOf(name) !== undefined && !this.isGenericWord(name) && !this.isGenericPlace(name));
      const isTail = (short: string, longer: string[]) => zoneLike(short) && longer.some((name) => shortens(name, short)) && groups.filter((g) => g.some((entry) => shortens(entry.name, short))).length === 1;
      const members = [...group];
      for (const [j, other] of groups.entries()) {
        // Either side may be the other's regular form (大连开发区 of 大连经济技术开发区, whichever is read first).
        const otherForms = new Set(other.flatMap((entry) => this.regularForms(entry.name)));
        const otherNames = other.map((entry) => entry.name);
        const related = otherNames.some((name) => forms.has(name) || isTail(name, names)) || names.some((name) => otherForms.has(name) || isTail(name, otherNames));
        if (j <= i || taken.has(j) || !related) continue;
        taken.add(j);
        names.push(...other.map((entry) => entry.name));
        members.push(...other);
      }
      // The lead is the name most articles use, else the fullest.
      const lead = [...members].sort((a, b) => b.articles - a.articles || b.name.length - a.name.length)[0]!.name;
      result.set(lead, names.filter((name) => name !== lead));
    }
    return result;
  }

  /** The regular other forms of a name (平度经济开发区 → 平度开发区, 平度经开区; 即墨综保区 → 即墨综合保税区). */
  private regularForms(name: string): string[] {
    const long = this.recogniser.lengthened(name);
    const stems = new Set(this.stems.keys());
    return [...(long ? [long, ...otherForms(long, this.forms, stems)] : []), ...otherForms(name, this.forms, stems)];
  }

  /** 1 for a name written in full as itself (平度经济开发区), 0 for a long form a short one stands for (…经济技术开发区). */
  private fullness(name: string): number {
    const expanded = this.forms.zoneSuffixes.some((suffix) => suffix.canonical !== undefined && name.endsWith(suffix.canonical));
    return (expanded ? 0 : 1) * 1000 + name.length;
  }

  /** Listed aliases, longest first at each position. */
  private listedMentions(text: string): ZoneMention[] {
    const found: ZoneMention[] = [];
    let i = 0;
    while (i < text.length) {
      const hit = this.byFirstChar.get(text[i]!)?.find((entry) => text.startsWith(entry.alias, i));
      if (!hit) {
        i += 1;
        continue;
      }
      const end = i + hit.alias.length;
      // 「青岛西海岸新区交通商务区」: a zone named right after another (its parent) is the one meant.
      const inner = this.byFirstChar.get(text[end] ?? "")?.find((entry) => entry.alias.length >= 3 && text.startsWith(entry.alias, end) && entry.zone !== hit.zone);
      const last = inner ? end + inner.alias.length : end;
      found.push({ zone: inner?.zone ?? hit.zone, alias: text.slice(i, last), start: i, end: last, weak: false, source: "listed" });
      i = last;
    }
    return found;
  }

  /**
   * 「江南省国家级经开区」「全省各开发区」: a category of many zones with a word that says so (data collectiveHeads;
   * not the measure characters 个/家, which count only after a number).
   */
  statesCategory(text: string): boolean {
    const heads = this.forms.collectiveHeads.filter((head) => !this.forms.countMeasureChars.includes(head));
    return this.namesManyZones(text) && heads.some((head) => text.includes(head));
  }

  /** True when the text speaks of many zones at once by a type word (各开发区, 排名前三的开发区, 三家经开区). */
  namesManyZones(text: string): boolean {
    // 园区 after a qualifying word (主题园区, 力争园区企业…) is a kind of park, not a count of zones.
    const naming = (suffix: string) => this.forms.zoneSuffixes.find((s) => s.form === suffix)?.names !== false;
    return this.recogniser.scan(text).some((form) => !form.name && form.collective && naming(form.suffix) && this.genericFamilies.has(form.suffix));
  }

  /** Generic words not inside a named zone, not naming many zones (各开发区), resolved from what precedes them. */
  private genericMentions(text: string, named: ZoneMention[], home: string | null | undefined, soleOfType = false): ZoneMention[] {
    const scanned = this.recogniser.scan(text);
    const bare = scanned.filter((form) => !form.name && !form.collective && this.genericFamilies.has(form.suffix)).map((form) => ({ word: form.suffix, start: form.start }));
    const plain = this.typelessGeneric ? [...text.matchAll(this.typelessGeneric)].map((match) => ({ word: match[0], start: match.index })) : [];
    const found: ZoneMention[] = [];
    for (const { word, start } of [...bare, ...plain].sort((a, b) => a.start - b.start)) {
      const end = start + word.length;
      if (named.some((m) => m.start < end && m.end > start) || this.excluded(text, start, word)) continue;
      if (!bare.some((b) => b.start === start) && scanned.some((form) => form.start < end && form.end > start)) continue;
      const zone = this.resolveGeneric(word, text.slice(text.lastIndexOf("\n", start) + 1, start), home, soleOfType);
      if (zone) found.push({ zone, alias: word, start, end, weak: true, source: "generic" });
    }
    return found;
  }

  /** 全市/我市: the city of an article about that city (or, with no article, the gazetteer's city). */
  private ownWordMentions(text: string, named: ZoneMention[], home: string | null | undefined): ZoneMention[] {
    const found: ZoneMention[] = [];
    for (const { alias, zone } of this.ownWords) {
      if (home === null || (home !== undefined && !this.isWithin(home, zone)) || !text.includes(alias)) continue;
      for (const match of text.matchAll(new RegExp(alias, "gu"))) {
        const end = match.index + alias.length;
        if (named.some((m) => m.start < end && m.end > match.index) || this.excluded(text, match.index, alias)) continue;
        found.push({ zone, alias, start: match.index, end, weak: true, source: "generic" });
      }
    }
    return found;
  }

  private excluded(text: string, at: number, alias: string): boolean {
    return this.weakExclusions.some((word) => {
      const offset = word.indexOf(alias);
      return offset >= 0 && at - offset >= 0 && text.startsWith(word, at - offset);
    });
  }

  /** True when `prefix` (written before a listed alias of `zone`) names that zone or a place it lies in (青岛, 黄岛). */
  private placeOf(prefix: string, zone: string): boolean {
    const place = this.byAlias.get(prefix) ?? this.stems.get(prefix);
    return place !== undefined && this.isWithin(zone, place);
  }

  /** The zone type of a zone, from its name or aliases (青岛经济技术开发区 → 经开). */
  private familyOfZone(zone: string): string | undefined {
    const names = [zone, ...(this.byName.get(zone)?.aliases ?? [])];
    return names.map((name) => this.recogniser.familyOf(name)).find((family) => family !== undefined);
  }

  /** The home itself, or its one child or nearest parent of the word's type (新区 in 青岛开发区's article). */
  private homeOfFamily(home: string, family: string | undefined): string {
    if (family === undefined || this.familyOfZone(home) === family) return home;
    const children = this.zones.filter((zone) => zone.parent === home && this.familyOfZone(zone.name) === family);
    if (children.length === 1) return children[0]!.name;
    for (let current = this.parentOf(home), depth = 0; current && depth < MAX_DEPTH; current = this.parentOf(current), depth++) {
      if (this.familyOfZone(current) === family) return current;
    }
    return home;
  }

  /** A listed zone's parent; for a zone known only by its form, the district its place names (城阳高新区 → 城阳区). */
  private parentOf(zone: string): string | undefined {
    const listed = this.byName.get(zone);
    if (listed) return listed.parent;
    return this.parentByForm(zone, undefined);
  }

  private parentByForm(name: string, fallback: string | undefined): string | undefined {
    const form = this.recogniser.named(name).find((f) => f.start === 0 && f.end === name.length);
    if (!form) return fallback;
    const stem = this.stems.get(form.place.slice(0, 2));
    return stem && stem !== name ? stem : undefined;
  }

  /**
   * A zone for a short form nobody listed (崂山湾健康城 → 崂山湾国际生态健康城, 即墨经开区 → 即墨经济技术开发区):
   * the only zone whose name or alias starts like it and contains its characters in order.
   */
  /** The place a whole zone name is named after, without its sector words (鳌山湾 of 鳌山湾科教新城), if it is one. */
  private wholeCore(name: string): string | undefined {
    const [only, ...more] = this.recogniser.scan(name);
    return only && more.length === 0 && only.start === 0 && only.end === name.length && only.core ? only.core : undefined;
  }

  abbreviated(form: string): string | undefined {
    // 「临空区」 of 临空示范区: three characters are enough when two of them open the name and no district is meant.
    const length = [...form].length;
    if (length < 3 || (length === 3 && (this.stems.has(form.slice(0, 2)) || this.isGenericWord(form)))) return undefined;
    // A form with a type word of its own (天津滨海新区) shortens only a zone of that type: a 新区 is no 高新区.
    const family = this.recogniser.familyOf(form);
    const sameType = (alias: string) => {
      const other = family === undefined ? undefined : this.recogniser.familyOf(alias);
      return other === undefined || other === family;
    };
    // A form named after a place alone (常州高新区) is that place's zone, not one of a district inside it (常州武进高新区);
    // a word of the language between them (火炬 of 威海火炬高新区) names no district.
    const core = this.wholeCore(form);
    const samePlace = (alias: string) => {
      const aliasCore = core === undefined ? undefined : this.wholeCore(alias);
      return core === undefined || aliasCore === undefined || aliasCore === core || !aliasCore.startsWith(core) || !this.recogniser.namesPlace(aliasCore.slice(core.length));
    };
    // 「广告园」 of 青岛国家广告产业园: a short form may leave out the place and rank its name opens with.
    const opening = form.slice(0, 2);
    const generic = this.isGenericWord(form);
    const opens = (alias: string) => alias.startsWith(opening) || (!generic && (this.unplacedName(alias)?.startsWith(opening) ?? false));
    const matches = new Set(this.aliasList.filter((entry) => entry.alias.length > form.length && opens(entry.alias) && isSubsequence(form, entry.alias) && sameType(entry.alias) && samePlace(entry.alias)).map((entry) => entry.zone));
    return matches.size === 1 ? [...matches][0] : undefined;
  }

  /**
   * A park's name without the one known place and rank it opens with, when words of its own stand before its type
   * (青岛国家广告产业园 → 广告产业园; 即墨综合保税区 leaves a category, 青岛常州武进… a second place): else undefined.
   * Read once per name.
   */
  private unplacedName(alias: string): string | undefined {
    if (this.unplacedNames.has(alias)) return this.unplacedNames.get(alias) ?? undefined;
    const rest = this.afterPlaceAndRank(alias);
    const typeLength = Math.max(0, ...this.forms.zoneSuffixes.filter((suffix) => rest.endsWith(suffix.form)).map((suffix) => suffix.form.length));
    const name = rest !== alias && this.afterPlaceAndRank(rest) === rest && rest.length - typeLength >= 2 ? rest : undefined;
    this.unplacedNames.set(alias, name ?? null);
    return name;
  }

  /** A name without the known place and rank words it opens with (青岛国家广告产业园 → 广告产业园); the name when none. */
  private afterPlaceAndRank(name: string): string {
    let rest = name;
    for (let cut = MAX_CITY_CHARS; cut >= this.forms.placeName.minChars; cut--) {
      const head = rest.slice(0, cut);
      if (rest.length - cut >= this.forms.minChars && (this.isAreaName(head) || this.stems.has(head))) {
        rest = rest.slice(cut);
        break;
      }
    }
    const rank = [...this.forms.rankQualifiers].sort((a, b) => b.length - a.length).find((word) => rest.startsWith(word));
    return rank ? rest.slice(rank.length) : rest;
  }

  /**
   * Zone-like words in text that no alias lists but that abbreviate a known zone (新河化工园, 院士港),
   * skipping words inside listed mentions. The longest abbreviating tail of each word wins.
   */
  abbreviations(text: string, listed: { start: number; end: number }[] = this.mentions(text), options: { overListed?: boolean } = {}): ZoneMention[] {
    const found: ZoneMention[] = [];
    for (const match of text.matchAll(ZONE_LIKE)) {
      const end = match.index + match[0].length;
      if (this.namesInstitution(text, end)) continue;
      // `overListed`: 「即墨针织园」 abbreviates a park of 即墨 — the longer word is meant, not the listed place inside it.
      const blocked = (start: number) => listed.some((m) => m.start < end && m.end > start && !(options.overListed && m.start >= start && m.end < end));
      if (!options.overListed && blocked(match.index)) continue;
      for (let cut = 0; match[0].length - cut >= MIN_TAIL_CHARS; cut++) {
        if (options.overListed && blocked(match.index + cut)) continue;
        const form = match[0].slice(cut);
        const zone = this.abbreviated(form) ?? this.bySuffix(form) ?? this.byStem(form);
        if (!zone) continue;
        found.push({ zone, alias: form, start: match.index + cut, end, weak: false, source: "listed" });
        break;
      }
    }
    return found;
  }

  /** 「城阳空港工业聚集区」 for 城阳空港工业园: one zone shares a long stem, only the category word differs. */
  private byStem(form: string): string | undefined {
    const matches = new Set<string>();
    for (const entry of this.aliasList) {
      let shared = 0;
      while (shared < form.length && form[shared] === entry.alias[shared]) shared++;
      if (shared >= MIN_STEM_CHARS && form.length - shared <= MAX_CATEGORY_CHARS && entry.alias.length - shared <= MAX_CATEGORY_CHARS) matches.add(entry.zone);
    }
    return matches.size === 1 ? [...matches][0] : undefined;
  }

  /** 「即墨经开区」「综合保税区」: a category word, maybe after a district's name — no one zone's own name. */
  isGenericPlace(place: string): boolean {
    const generic = new Set(this.forms.genericNames);
    return generic.has(place) || (this.stems.has(place.slice(0, 2)) && generic.has(place.slice(2)));
  }

  /** A district's or city's short name (即墨, 胶州, 青岛). */
  isPlaceStem(text: string): boolean {
    return this.stems.has(text);
  }

  /** True when other zones lie inside this one (the city, the new area). */
  hasChildren(zone: string): boolean {
    return this.zones.some((other) => other.parent === zone);
  }

  /** The one zone whose name or alias ends with `form` (院士港 → 青岛国际院士港). */
  private bySuffix(form: string): string | undefined {
    if (this.isGenericWord(form)) return undefined;
    // The tail must hold a place before the alias's type word: 技术开发区 lies inside 经济技术开发区 itself.
    const typeLength = (alias: string) => Math.max(0, ...this.forms.zoneSuffixes.filter((suffix) => alias.endsWith(suffix.form)).map((suffix) => suffix.form.length));
    // 「国家高新区」 holds a rank, not a place: it is no one zone's tail (青岛国家高新技术产业开发区 → 青岛高新区).
    const head = (alias: string) => form.slice(0, Math.max(0, form.length - typeLength(alias)));
    const placed = (alias: string) => head(alias).length >= this.forms.placeName.minChars && !this.forms.nonPlaceWords.includes(head(alias)) && !this.forms.rankQualifiers.includes(head(alias));
    const matches = new Set(this.aliasList.filter((entry) => entry.alias.length > form.length && entry.alias.endsWith(form) && placed(entry.alias)).map((entry) => entry.zone));
    return matches.size === 1 ? [...matches][0] : undefined;
  }

  /** Zones of a group, by group id or alias (九大功能区 → the nine). */
  groupMembers(groupIdOrAlias: string): string[] {
    const group = this.groups.find((g) => g.id === groupIdOrAlias || g.name === groupIdOrAlias || g.aliases.includes(groupIdOrAlias));
    if (!group) return [];
    return this.zones.filter((zone) => zone.groups.includes(group.id)).map((zone) => zone.name);
  }

  /** Groups named in a text (九大功能区, 新区功能区…). */
  groupMentions(text: string): ZoneGroup[] {
    return this.groups.filter((g) => [g.name, ...g.aliases].some((alias) => text.includes(alias)));
  }

  /** True when `zone` is `ancestor` or lies inside it (a zone known by its form lies in the district it names). */
  isWithin(zone: string, ancestor: string): boolean {
    let current: string | undefined = zone;
    for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
      if (current === ancestor) return true;
      current = this.parentOf(current);
    }
    return false;
  }
}

/** Short place names (即墨, 胶州…) of districts and cities and the zone each names: 即墨区 → 即墨. */
function districtStems(zones: Zone[]): Map<string, string> {
  const stems = new Map<string, string>();
  for (const zone of zones) {
    for (const name of [zone.name, ...zone.aliases]) {
      const stem = name.replace(/(新区|区|市|县)$/, "");
      if (stem.length === 2 && stem !== name && !stems.has(stem)) stems.set(stem, zone.name);
    }
  }
  return stems;
}

/**
 * Regular other forms of each zone's names (平度经济开发区 → 平度经开区, 即墨综合保税区 → 青岛即墨综合保税区,
 * 青岛保税区 → 青岛市保税区). A form claimed by two zones, or already another zone's alias, is nobody's.
 */
function derivedAliases(zones: Zone[], forms: ZoneForms, stems: Set<string>, isGeneric: (form: string) => boolean, lengthened: (name: string) => string | undefined): Map<string, string[]> {
  const listed = new Map<string, string>();
  for (const zone of zones) for (const alias of [zone.name, ...zone.aliases, ...zone.weakAliases]) listed.set(alias, zone.name);
  const claims = new Map<string, Set<string>>();
  const parentAliases = [...listed.keys()].filter((alias) => alias.length >= 2);
  for (const zone of zones) {
    const names = [zone.name, ...zone.aliases];
    // 「中日（青岛）地方发展合作示范区」 is written 中日地方发展合作示范区 too.
    const unbracketed = names.map((name) => name.replace(/（[^）]*）|\([^)]*\)/g, "")).filter((name) => !names.includes(name));
    // 「西海岸交通商务区」 is 交通商务区 of 西海岸: the part after another zone's name stands alone.
    const unparented = names.flatMap((name) => parentAliases.filter((alias) => listed.get(alias) !== zone.name && name.startsWith(alias)).map((alias) => name.slice(alias.length)));
    // 「济南高新区」 is also written in full (济南高新技术产业开发区), as a zone named by its form would be.
    const bases = [...names, ...unbracketed, ...unparented].flatMap((alias) => [alias, lengthened(alias) ?? alias]);
    for (const form of bases.flatMap((alias) => [alias, ...otherForms(alias, forms, stems)])) {
      if (form.length < forms.minChars || listed.has(form) || isGeneric(form)) continue;
      claims.set(form, (claims.get(form) ?? new Set()).add(zone.name));
    }
  }
  const derived = new Map<string, string[]>();
  for (const [form, owners] of claims) {
    if (owners.size !== 1) continue;
    const owner = [...owners][0]!;
    derived.set(owner, [...(derived.get(owner) ?? []), form]);
  }
  return derived;
}

/** Other ways to write a listed name: shorter type words, without the city, with 青岛市. A form left with only a rank before its type word (青岛国家高新区 → 国家高新区) would name every such zone: not one. */
function otherForms(alias: string, forms: ZoneForms, stems: Set<string>): string[] {
  const shortened = forms.suffixForms.filter(([long]) => alias.endsWith(long) && alias.length > long.length).map(([long, short]) => alias.slice(0, -long.length) + short);
  const unplaced = [alias, ...shortened].filter((form) => stems.has(form.slice(0, 2))).map((form) => form.slice(2));
  const bases = [alias, ...shortened, ...unplaced];
  const [city, ...others] = forms.cityPrefixes;
  const prefixed = bases.flatMap((base) => {
    const bare = [city!, ...others].reduce((rest, prefix) => (rest.startsWith(prefix) ? rest.slice(prefix.length) : rest), base);
    // Only place names, not districts' two-character stems (城阳区 stays; 青岛城阳区 is fine too).
    return bare.length >= 3 ? forms.cityPrefixes.map((prefix) => prefix + bare).concat(bare === base ? [] : [bare]) : [];
  });
  const ranked = (form: string) => forms.rankQualifiers.some((rank) => form.startsWith(rank));
  return [...new Set([...shortened, ...unplaced, ...prefixed])].filter((form) => form !== alias && !ranked(form));
}

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return at === short.length;
}

/** The most frequent value (the city most zones lie in), or undefined. */
function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function defaultGazetteerPath(): string {
  return fileURLToPath(new URL("../../data/zones.json", import.meta.url));
}
