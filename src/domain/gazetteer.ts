import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

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
  /** Words in which a weak alias is not a mention (新区 inside 高新区, 开发区 inside 全国开发区). */
  weakAliasExclusions: z.array(z.string()).default([]),
});

const ZoneFormsSchema = z.object({
  minChars: z.number().int().positive(),
  cityPrefixes: z.array(z.string().min(1)),
  suffixForms: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
  genericNames: z.array(z.string()).default([]),
});

export type ZoneForms = z.infer<typeof ZoneFormsSchema>;

/** A place-like word: a few characters ending in 区, 园, 城, 港, 谷… */
const ZONE_LIKE = /[\u4e00-\u9fa5（）]{2,12}?(?:经开区|开发区|高新区|新区|片区|园区|区|园|城|港|谷|圈|基地)/g;
/** Shortest tail of a place-like word tried as an abbreviation (院士港). */
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
}

export interface ZoneMention {
  zone: string;
  alias: string;
  start: number;
  end: number;
  weak: boolean;
}

/** Zone names and aliases, loaded from data/zones.json. Longest alias wins at each position. */
export class Gazetteer {
  readonly zones: Zone[];
  readonly groups: ZoneGroup[];
  private readonly byName = new Map<string, Zone>();
  /** alias → zone name, sorted longest first for greedy matching. */
  private readonly aliasList: { alias: string; zone: string; weak: boolean }[];
  /** Short place names (即墨, 胶州…): before a generic alias they name another zone (即墨经开区 ≠ 经开区). */
  private readonly placePrefixes: Set<string>;
  /** The same aliases by first character, so a scan only tries the few that can start at a position. */
  private readonly byFirstChar = new Map<string, { alias: string; zone: string; weak: boolean }[]>();

  constructor(zones: Zone[], groups: ZoneGroup[], private readonly weakExclusions: string[] = [], private readonly forms?: ZoneForms) {
    this.zones = zones;
    this.groups = groups;
    for (const zone of zones) this.byName.set(zone.name, zone);
    const stems = districtStems(zones);
    const derived = forms ? derivedAliases(zones, forms, stems) : new Map<string, string[]>();
    this.aliasList = zones
      .flatMap((zone) => [
        ...[zone.name, ...zone.aliases, ...(derived.get(zone.name) ?? [])].map((alias) => ({ alias, zone: zone.name, weak: false })),
        ...zone.weakAliases.map((alias) => ({ alias, zone: zone.name, weak: true })),
      ])
      .sort((a, b) => b.alias.length - a.alias.length);
    this.placePrefixes = stems;
    for (const entry of this.aliasList) {
      const first = entry.alias[0]!;
      this.byFirstChar.set(first, [...(this.byFirstChar.get(first) ?? []), entry]);
    }
  }

  static load(path: string = defaultGazetteerPath()): Gazetteer {
    const parsed = GazetteerFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
    const forms = ZoneFormsSchema.parse(JSON.parse(readFileSync(fileURLToPath(new URL("../../data/zone-forms.json", import.meta.url)), "utf8")));
    return new Gazetteer(parsed.zones, parsed.groups, parsed.weakAliasExclusions, forms);
  }

  /**
   * This gazetteer plus zones it does not know that articles name in their metadata (front matter
   * `zone:`), so a zone first met in a new article is recognised in text and questions like any other.
   */
  withZones(entries: Iterable<string | ZoneEntry>): Gazetteer {
    const byName = new Map<string, Set<string>>();
    for (const entry of entries) {
      const { name, aliases } = typeof entry === "string" ? { name: entry, aliases: [] } : entry;
      if (name.length < 2) continue;
      const fresh = aliases.filter((alias) => alias.length >= 2 && !this.canonical(alias));
      const known = this.canonical(name);
      if (known && fresh.length === 0) continue;
      const key = known ?? name;
      byName.set(key, new Set([...(byName.get(key) ?? []), ...fresh]));
    }
    if (byName.size === 0) return this;
    const root = mostCommon(this.zones.map((zone) => zone.parent).filter((parent): parent is string => parent !== undefined));
    const zones = this.zones.map((zone) => (byName.has(zone.name) ? { ...zone, aliases: [...zone.aliases, ...byName.get(zone.name)!] } : zone));
    const added: Zone[] = [...byName.entries()]
      .filter(([name]) => !this.byName.has(name))
      .map(([name, aliases]) => ({ name, aliases: [name, ...aliases], weakAliases: [], parent: root, groups: [] }));
    return new Gazetteer([...zones, ...added], this.groups, this.weakExclusions, this.forms);
  }

  zone(name: string): Zone | undefined {
    return this.byName.get(name);
  }

  /** Canonical name for a name or alias (strong or weak), or undefined. */
  canonical(nameOrAlias: string): string | undefined {
    return this.aliasList.find((entry) => entry.alias === nameOrAlias)?.zone;
  }

  /** Every zone mention in text, non-overlapping, longest alias first at each position. */
  mentions(text: string, options: { includeWeak?: boolean } = {}): ZoneMention[] {
    const found: ZoneMention[] = [];
    let i = 0;
    while (i < text.length) {
      const hit = this.byFirstChar.get(text[i]!)?.find(
        (entry) => (options.includeWeak || !entry.weak) && text.startsWith(entry.alias, i) && !this.prefixedByPlace(text, i, entry.alias) && !(entry.weak && this.excluded(text, i, entry.alias)),
      );
      if (hit) {
        const end = i + hit.alias.length;
        // 「青岛西海岸新区交通商务区」: a zone named right after another (its parent) is the one meant.
        const inner = this.byFirstChar.get(text[end] ?? "")?.find((entry) => !entry.weak && entry.alias.length >= 3 && text.startsWith(entry.alias, end) && entry.zone !== hit.zone);
        if (inner) {
          found.push({ zone: inner.zone, alias: text.slice(i, end + inner.alias.length), start: i, end: end + inner.alias.length, weak: false });
          i = end + inner.alias.length;
          continue;
        }
        found.push({ zone: hit.zone, alias: hit.alias, start: i, end, weak: hit.weak });
        i += hit.alias.length;
      } else {
        i += 1;
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

  /**
   * A zone for a short form nobody listed (崂山湾健康城 → 崂山湾国际生态健康城, 即墨经开区 → 即墨经济技术开发区):
   * the only zone whose name or alias starts like it and contains its characters in order.
   */
  abbreviated(form: string): string | undefined {
    if ([...form].length < 4) return undefined;
    const matches = new Set(
      this.aliasList
        .filter((entry) => !entry.weak && entry.alias.length > form.length && entry.alias.startsWith(form.slice(0, 2)) && isSubsequence(form, entry.alias))
        .map((entry) => entry.zone),
    );
    return matches.size === 1 ? [...matches][0] : undefined;
  }

  /**
   * Zone-like words in text that no alias lists but that abbreviate a known zone (新河化工园, 院士港),
   * skipping words inside listed mentions. The longest abbreviating tail of each word wins.
   */
  abbreviations(text: string, listed: { start: number; end: number }[] = this.mentions(text)): ZoneMention[] {
    const found: ZoneMention[] = [];
    for (const match of text.matchAll(ZONE_LIKE)) {
      const end = match.index + match[0].length;
      if (listed.some((m) => m.start < end && m.end > match.index)) continue;
      for (let cut = 0; match[0].length - cut >= MIN_TAIL_CHARS; cut++) {
        const form = match[0].slice(cut);
        const zone = this.abbreviated(form) ?? this.bySuffix(form) ?? this.byStem(form);
        if (!zone) continue;
        found.push({ zone, alias: form, start: match.index + cut, end, weak: false });
        break;
      }
    }
    return found;
  }

  /** 「城阳空港工业聚集区」 for 城阳空港工业园: one zone shares a long stem, only the category word differs. */
  private byStem(form: string): string | undefined {
    const matches = new Set<string>();
    for (const entry of this.aliasList) {
      if (entry.weak) continue;
      let shared = 0;
      while (shared < form.length && form[shared] === entry.alias[shared]) shared++;
      if (shared >= MIN_STEM_CHARS && form.length - shared <= MAX_CATEGORY_CHARS && entry.alias.length - shared <= MAX_CATEGORY_CHARS) matches.add(entry.zone);
    }
    return matches.size === 1 ? [...matches][0] : undefined;
  }

  /** 「即墨经开区」「综合保税区」: a category word, maybe after a district's name — no one zone's own name. */
  isGenericPlace(place: string): boolean {
    const generic = new Set(this.forms?.genericNames ?? []);
    return generic.has(place) || (this.placePrefixes.has(place.slice(0, 2)) && generic.has(place.slice(2)));
  }

  /** A district's or city's short name (即墨, 胶州, 青岛). */
  isPlaceStem(text: string): boolean {
    return this.placePrefixes.has(text);
  }

  /** True when other zones lie inside this one (the city, the new area). */
  hasChildren(zone: string): boolean {
    return this.zones.some((other) => other.parent === zone);
  }

  /** The one zone whose name or alias ends with `form` (院士港 → 青岛国际院士港). */
  private bySuffix(form: string): string | undefined {
    if (this.forms?.genericNames.includes(form)) return undefined;
    const matches = new Set(this.aliasList.filter((entry) => !entry.weak && entry.alias.length > form.length && entry.alias.endsWith(form)).map((entry) => entry.zone));
    return matches.size === 1 ? [...matches][0] : undefined;
  }

  /** 「即墨经开区」: a generic alias (经开区, 开发区, 高新区) right after another place's name is not ours. */
  private prefixedByPlace(text: string, at: number, alias: string): boolean {
    return alias.length <= 3 && at >= 2 && this.placePrefixes.has(text.slice(at - 2, at));
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

  /** True when `zone` is `ancestor` or lies inside it. */
  isWithin(zone: string, ancestor: string): boolean {
    let current: string | undefined = zone;
    for (let depth = 0; current && depth < 8; depth++) {
      if (current === ancestor) return true;
      current = this.byName.get(current)?.parent;
    }
    return false;
  }
}

/** Short place names (即墨, 胶州…) of districts and cities: 即墨区 → 即墨. */
function districtStems(zones: Zone[]): Set<string> {
  return new Set(zones.flatMap((zone) => [zone.name, ...zone.aliases]).map((name) => name.replace(/(新区|区|市|县)$/, "")).filter((name) => name.length === 2));
}

/**
 * Regular other forms of each zone's names (平度经济开发区 → 平度经开区, 即墨综合保税区 → 青岛即墨综合保税区,
 * 青岛保税区 → 青岛市保税区). A form claimed by two zones, or already another zone's alias, is nobody's.
 */
function derivedAliases(zones: Zone[], forms: ZoneForms, stems: Set<string>): Map<string, string[]> {
  const generic = new Set(forms.genericNames);
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
    for (const form of [...names, ...unbracketed, ...unparented].flatMap((alias) => [alias, ...otherForms(alias, forms, stems)])) {
      if (form.length < forms.minChars || listed.has(form) || generic.has(form)) continue;
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
  return [...new Set([...shortened, ...unplaced, ...prefixed])].filter((form) => form !== alias);
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
