import type { Gazetteer, ZoneEntry } from "./gazetteer.js";

/** The place a title opens with: 「市北CBD上半年经济运行…」, 「回眸2022：市北CBD高质量发展…」. */
const TITLE_PLACE = /^(?:回眸(?:19|20)\d{2}[：:]\s*)?([\u4e00-\u9fa5A-Za-z（）]{2,12}(?:CBD|新区|片区|区|园|城|港|谷|圈|基地))/u;
/** Titles about many zones (全市…, 各功能区…) name no one zone. */
const COLLECTIVE = /全市|全区|各|九大|省级以上/u;
/** A title name must lead this many one-zone articles of one zone, and none of another. */
const MIN_TITLES = 2;

/**
 * Zones the articles' metadata names, with aliases learnt from their titles: a name no gazetteer entry
 * knows that opens the titles of at least two articles about one zone, and of none about another,
 * is that zone's other name (市北CBD for 青岛中央商务区).
 */
export function zoneEntries(given: Iterable<{ zones: string[]; title: string; text: string; zoneAliases?: string[] }>, gazetteer: Gazetteer): ZoneEntry[] {
  // Read twice (titles, then bracketed names): an iterator would be empty the second time.
  const articles = [...given];
  const names = new Map<string, number>();
  const seen = new Map<string, Map<string, number>>();
  for (const article of articles) {
    for (const zone of article.zones) names.set(zone, (names.get(zone) ?? 0) + 1);
    const place = TITLE_PLACE.exec(article.title)?.[1];
    // Only a title about one zone says whose name it opens with; a title opening with a known name teaches nothing.
    if (!place || article.zones.length !== 1 || COLLECTIVE.test(place) || gazetteer.canonical(place)) continue;
    // 「天捷科高端装备制造基地在云梦高新区签约」: a title that also names a known zone is about a place inside it.
    if (gazetteer.mentions(article.title).length > 0) continue;
    if (gazetteer.isGenericPlace(place)) continue;
    const owner = gazetteer.canonical(article.zones[0]!) ?? article.zones[0]!;
    // A city or new area is where a titled place lies, rarely what it is called.
    if (gazetteer.hasChildren(owner)) continue;
    // A short form of some other zone (胶州开发区) is that zone's, whatever this article's metadata says.
    if (gazetteer.abbreviations(place).some((m) => m.zone !== owner)) continue;
    // The name must be used in the article too, not only in its headline.
    if (!article.text.includes(place)) continue;
    const votes = seen.get(place) ?? new Map<string, number>();
    votes.set(owner, (votes.get(owner) ?? 0) + 1);
    seen.set(place, votes);
  }
  const aliases = new Map<string, string[]>();
  // 「武汉东湖新技术开发区（中国光谷）」「烟台经济技术开发区（简称烟台开发区）」: a name the text defines in brackets.
  const defined: [string, string][] = [];
  for (const article of articles) {
    for (const [zone, alias] of bracketAliases(article.text, gazetteer)) {
      const owner = gazetteer.canonical(zone) ?? zone;
      if (!(aliases.get(owner) ?? []).includes(alias)) aliases.set(owner, [...(aliases.get(owner) ?? []), alias]);
      if (!names.has(owner)) names.set(owner, 0);
      defined.push([alias, owner]);
    }
  }
  // 「zone: 沈阳市浑南区（沈阳高新区）」: the metadata's other name of the home zone, also without its city (浑南区).
  for (const article of articles) {
    const home = article.zones[0];
    if (!home || !article.zoneAliases) continue;
    const owner = gazetteer.canonical(home) ?? home;
    for (const alias of article.zoneAliases.flatMap(withoutCity)) {
      if (!(aliases.get(owner) ?? []).includes(alias)) aliases.set(owner, [...(aliases.get(owner) ?? []), alias]);
    }
  }
  const common: [string, string][] = [];
  // 「zone: 青岛新河生态化工科技产业基地」 and a text that says 新河化工园区 throughout: the common form of the
  // official name the metadata gives (one with no zone-type word of its own), by the place both open with.
  for (const article of articles) {
    const home = article.zones[0];
    if (!home || gazetteer.typeOf(home) !== undefined) continue;
    const owner = gazetteer.canonical(home) ?? home;
    for (const name of commonForms(article.text, home, gazetteer)) {
      if (!(aliases.get(owner) ?? []).includes(name)) aliases.set(owner, [...(aliases.get(owner) ?? []), name]);
      if (!names.has(owner)) names.set(owner, 0);
      common.push([name, owner]);
    }
  }
  // 「南京江宁经济技术开发区（以下简称江宁开发区）」 in one file, 「zone: 江宁开发区」 in another: one zone, by its fuller name.
  for (const [alias, owner] of [...defined, ...common]) mergeInto(names, alias, owner);
  // 黄埔, 星沙, 亦庄: the other names people call a zone the corpus has, by its name or by one of those
  // (data/zones.json nicknames): one zone under its name.
  for (const [zone, nicknames] of gazetteer.nicknamedZones()) {
    if (!names.has(zone) && !nicknames.some((nickname) => names.has(nickname))) continue;
    if (!names.has(zone)) names.set(zone, 0);
    for (const nickname of nicknames) {
      if (!(aliases.get(zone) ?? []).includes(nickname)) aliases.set(zone, [...(aliases.get(zone) ?? []), nickname]);
      mergeInto(names, nickname, zone);
    }
  }
  for (const [place, votes] of seen) {
    const [zone, count] = [...votes.entries()][0]!;
    if (votes.size !== 1 || count < MIN_TITLES) continue;
    aliases.set(zone, [...(aliases.get(zone) ?? []), place]);
    // 「zone: 哈新区」 in some files, 「zone: 哈尔滨新区」 with 哈新区 in the titles of others: one zone, by its fuller name.
    mergeInto(names, place, zone);
  }
  return [...names].map(([name, count]) => ({ name, aliases: aliases.get(name) ?? [], articles: count }));
}

/** A district written with its city (沈阳市浑南区) is said without it too (浑南区). */
function withoutCity(name: string): string[] {
  const local = CITY_LED.exec(name)?.[1];
  return local ? [name, local] : [name];
}

const CITY_LED = /^[\u4e00-\u9fa5]{2,4}市([\u4e00-\u9fa5]{2,6}[区县])$/u;

/** Counts a zone listed under another of its names as the zone's own. */
function mergeInto(names: Map<string, number>, alias: string, zone: string): void {
  const own = names.get(alias);
  if (own === undefined || alias === zone) return;
  names.delete(alias);
  names.set(zone, (names.get(zone) ?? 0) + own);
}

/** How far before a bracket a zone's name may start. */
const ZONE_NAME_WINDOW = 30;
/** Words before a bracketed short name that introduce it (以下简称, 简称). */
const DEFINING = /^(?:以下简称|下称|简称)?/u;
/** A short name: a few Han characters (letters too: CBD), no digits, no punctuation. */
const SHORT_NAME = /^[\u4e00-\u9fa5A-Za-z]{2,8}$/u;

/**
 * Names a text defines for a zone right after naming it: 「ZONE（NAME）」 or 「ZONE（以下简称NAME）」. The name
 * must not be a zone-type word, another zone's name, or the zone's own name again.
 */
export function bracketAliases(text: string, gazetteer: Gazetteer): [string, string][] {
  const found: [string, string][] = [];
  // Only the few brackets are looked at, each with the zone name that may end right before it.
  for (const open of text.matchAll(/[（(]/gu)) {
    const at = open.index;
    const before = text.slice(Math.max(0, at - ZONE_NAME_WINDOW), at);
    const close = text.slice(at + 1, at + 16).search(/[）)]/u);
    if (close < 0) continue;
    const bracketed = text.slice(at + 1, at + 1 + close);
    const inside = bracketed.replace(DEFINING, "");
    const mention = gazetteer.mentions(before).find((m) => m.end === before.length) ?? definedZone(before, bracketed, inside);
    if (!mention) continue;
    if (!SHORT_NAME.test(inside) || gazetteer.isGenericWord(inside)) continue;
    // Another listed zone's name is that zone's; a name known only by its form (江宁开发区) may be this one's.
    const other = gazetteer.canonical(inside);
    if (other !== undefined && other !== mention.zone && gazetteer.isListedName(inside)) continue;
    if (inside === mention.zone || inside === mention.alias) continue;
    found.push([mention.zone, inside]);
    const stem = gazetteer.brandStem(inside);
    if (stem !== undefined && gazetteer.canonical(stem) === undefined) found.push([mention.zone, stem]);
  }
  return found;
}

/** How often a text must use a zone's common form for it to be taken as the name its metadata means. */
const COMMON_FORM_USES = 2;

/**
 * Zone names by form (新河化工园区) a text uses at least twice that open with the place its home zone's official
 * name opens with (青岛新河生态化工科技产业基地: 新河, after the city) and that no listed zone holds.
 */
function commonForms(text: string, home: string, gazetteer: Gazetteer): string[] {
  const local = gazetteer.withoutCity(home);
  const uses = new Map<string, number>();
  for (const mention of gazetteer.mentions(text)) {
    if (mention.source !== "form" || mention.zone === home || gazetteer.isListedName(mention.zone)) continue;
    uses.set(mention.zone, (uses.get(mention.zone) ?? 0) + 1);
  }
  return [...uses].filter(([name, count]) => count >= COMMON_FORM_USES && local.startsWith(gazetteer.withoutCity(name).slice(0, 2))).map(([name]) => name);
}

/** Characters a name defined with 以下简称 must end in, with its short name, to be a zone's (…食品区 → 中新食品区). */
const ZONE_NAME_ENDINGS = "区园城港";
/** A defined name's run: Han characters and the dashes of a joint name (中国—新加坡). */
const NAME_RUN = /[\p{Script=Han}—－-]+$/u;

/**
 * 「中国—新加坡吉林食品区（以下简称中新食品区）」: a name the text defines a short name for, ending like a zone
 * (区, 园, 城, 港) as the short name does, is a zone's even when no zone-type word names it. The name starts at
 * the last place its short name can be read out of it in order (中…新…食品区).
 */
function definedZone(before: string, bracketed: string, short: string): { zone: string; alias: string } | undefined {
  if (bracketed === short || !SHORT_NAME.test(short)) return undefined;
  const last = short.at(-1)!;
  const run = NAME_RUN.exec(before)?.[0];
  if (!run || !ZONE_NAME_ENDINGS.includes(last) || !run.endsWith(last) || run.length <= short.length) return undefined;
  for (let start = run.lastIndexOf(short[0]!); start >= 0; start = run.lastIndexOf(short[0]!, start - 1)) {
    const name = run.slice(start);
    if (name.length > short.length && readsInOrder(short, name)) return { zone: name, alias: name };
    if (start === 0) break;
  }
  return undefined;
}

/** Whether every character of `short` appears in `long` in order. */
function readsInOrder(short: string, long: string): boolean {
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return at === short.length;
}
