import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { type Article, recogniseZones } from "../../src/domain/index.js";
import { extractFacts } from "../../src/facts/index.js";

const namesIn = (text: string) => recogniseZones(text).map((form) => form.name);

/** [text, canonical names of the zones it names by form] — text written for this test. */
const WORDS_OF_THE_SENTENCE: [string, string[]][] = [
  // Verbs and adverbs that date or frame a clause stand before a generic zone word; they are no place.
  ["恰值新区挂牌五周年之际", []],
  ["正值高新区扩区之时，园区企业", []],
  ["时值开发区成立三十周年", []],
  // Modifiers and sector words before a type word describe a kind of park.
  ["如今已发展为现代化物流产业园区", []],
  ["建成现代化文旅产业园区", []],
  ["打造国际化影视产业园区", []],
  // A sector word the segmenter cut in two (新+材料) is still a sector word.
  ["加快建设规模化新材料产业园区", []],
  // A real place after such a word is still read.
  ["正值宁波前湾新区设立五周年", ["宁波前湾新区"]],
  ["恰逢两江新区获批十周年", ["两江新区"]],
  ["三年前浦东新区", ["浦东新区"]],
  // A headline's genre word (数说 = in numbers) opens no place name.
  ["数说两江新区：4年主要指标一览", ["两江新区"]],
  ["数说临港新片区：3年主要指标一览", []],
];

const LONG_OFFICIAL_NAMES: [string, string[]][] = [
  // City + place + descriptor + type: the place is not cut off where the descriptor starts.
  ["深圳前海深港现代服务业合作区建设提速", ["深圳前海深港现代服务业合作区"]],
  ["前海深港现代服务业合作区", ["前海深港现代服务业合作区"]],
  // A name the dictionary cuts wrongly (前+海蛇+口) keeps its first character.
  ["前海蛇口自贸片区新设企业", ["前海蛇口自贸片区"]],
  ["深圳前海蛇口自贸片区", ["深圳前海蛇口自贸片区"]],
  ["今年，前海合作区", ["前海合作区"]],
  // The character after a number is its unit, never the start of a name.
  ["2023年青岛开发区", ["青岛开发区"]],
  ["5月浦东新区", ["浦东新区"]],
  // Nor is a pronoun or adverb opening the phrase.
  ["那青岛开发区呢", ["青岛开发区"]],
  ["又浦东新区", ["浦东新区"]],
];

describe("words of the sentence are no places", () => {
  it.each(WORDS_OF_THE_SENTENCE)("%s → %j", (text, names) => {
    expect(namesIn(text)).toEqual(names);
  });
});

describe("long official names keep their place", () => {
  it.each(LONG_OFFICIAL_NAMES)("%s → %j", (text, names) => {
    expect(namesIn(text)).toEqual(names);
  });
});

const gazetteer = Gazetteer.load();

/** [text, zones mentioned] — a place right before an institution word is an organisation's name. */
const INSTITUTIONS: [string, string[]][] = [
  ["据即墨区统计局数据，城阳区完成生产总值", ["城阳区"]],
  ["经胶州市发改委审核，平度市新开工项目", ["平度市"]],
  ["即墨区人民政府发布通知", []],
  ["城阳区政府与即墨区签约", ["即墨区"]],
  ["城阳区税务局数据显示", []],
  // Without an institution word the place is the zone.
  ["城阳区统一核算", ["城阳区"]],
  ["即墨区完成生产总值", ["即墨区"]],
  // A zone's own bodies speak for the zone: its name ends with a zone type.
  ["锦溪科技城党工委召开扩大会议", ["锦溪科技城"]],
  ["滨江经济技术开发区管委会发布通知", ["滨江经济技术开发区"]],
  ["平潭综合实验区管委会与台企签约", ["平潭综合实验区"]],
];

describe("institutions are no zones", () => {
  it.each(INSTITUTIONS)("%s → %j", (text, zones) => {
    expect(gazetteer.mentions(text).map((m) => m.zone)).toEqual(zones);
  });

  it("nor are they found as abbreviations of a zone", () => {
    expect(gazetteer.abbreviations("即墨区人民政府发布通知", [])).toEqual([]);
    expect(gazetteer.abbreviations("即墨区发布通知", []).length).toBeGreaterThan(0);
  });

  it("a generic word after a verb refers to the article's zone", () => {
    const mentions = gazetteer.mentions("今年恰逢新区获批设立八周年", { includeWeak: true, home: "青岛西海岸新区" });
    expect(mentions.map((m) => [m.alias, m.zone])).toEqual([["新区", "青岛西海岸新区"]]);
  });
});

describe("facts read through the gazetteer go to the zone, not to the institution's city", () => {
  it.each([
    ["经青岛市统计局核算，2022年城阳区实现地区生产总值1200亿元。", "城阳区"],
    ["据胶州市商务局统计，今年前三季度平度市实际使用外资3亿美元。", "平度市"],
  ])("%s → %s", (text, zone) => {
    const article: Article = { id: "test#0", source: "test.txt", part: 0, title: "经济运行情况", date: "2023-02-01", dateEvidence: "cli", zones: ["青岛市"], text, contentHash: "test" };
    const zones = new Set(extractFacts(article, gazetteer).facts.map((fact) => fact.zone));
    expect([...zones]).toEqual([zone]);
  });
});
