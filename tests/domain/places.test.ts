import { describe, expect, it } from "vitest";
import { Gazetteer, homeByShortName, PlaceIndex, shortNames } from "../../src/domain/index.js";

// Zone names as a corpus might hold them (listed or learnt from articles). The questions below are made up
// for these tests; none is taken from an evaluation set.
const zones = [
  "即墨区", "即墨经济开发区", "上海张江科学城", "亦庄新城", "重庆两江新区", "青岛市城阳区",
  "青岛经济技术开发区", "青岛高新区", "长沙经济技术开发区", "长沙高新技术产业开发区", "合肥经济技术开发区", "临港新片区", "青岛轨道交通产业示范区",
  "滨江投资区",
];
const index = new PlaceIndex(zones);
const zoneIn = (text: string) => index.find(text).map((m) => m.zone);

describe("PlaceIndex: a zone named by its place alone", () => {
  it.each([
    // The administrative area of the place, not the development zone inside it.
    ["即墨上半年固定资产投资增长多少", ["即墨区"]],
    // A place written after its city in the zone's name.
    ["张江去年新增了几家研发中心", ["上海张江科学城"]],
    ["亦庄一季度工业产值多少", ["亦庄新城"]],
    ["两江新区前三季度进出口", ["重庆两江新区"]],
    ["城阳今年开了几次项目推进会", ["青岛市城阳区"]],
    ["合肥前年到位外资多少", ["合肥经济技术开发区"]],
    // Sector words after a place are no place (轨道 of 青岛轨道交通产业示范区).
    ["先进高分子和轨道交通两类产业链项目", []],
    // The place before the longest type word it ends in (新片区, not 片区).
    ["临港24年规上工业增加值目标增速是多少", ["临港新片区"]],
    // A place two zones of one rank share names neither: 青岛 (经开区 and 高新区), 长沙 (经开区 and 高新区).
    ["青岛一季度外贸多少", []],
    ["长沙今年签约项目多少", []],
    // No place at all.
    ["全国开发区排名怎么看", []],
    // A word of the language left after a city's name is cut off (投资 of 滨江投资区) is no place.
    ["临港工业投资和出口各增长多少", ["临港新片区"]],
    // A place's characters inside another word are not the place (城阳 in 新城阳光 would be; 两江 in 长江两江口 is not).
    ["新城阳光小区多大", []],
  ])("%s → %j", (text, expected) => {
    expect(zoneIn(text)).toEqual(expected);
  });

  it("reports where the place stands in the text", () => {
    expect(index.find("2021年即墨和莱西谁快")).toEqual([{ start: 5, end: 7, alias: "即墨", zone: "即墨区" }]);
  });
});

describe("PlaceIndex: a place two zones share", () => {
  const shared = ["前海综合保税区", "前海深港现代服务业合作区"];

  it("names the zone more articles are about (前海 = 前海深港现代服务业合作区 when the corpus is about it)", () => {
    const index = new PlaceIndex(shared, new Map([["前海深港现代服务业合作区", 3], ["前海综合保税区", 1]]));
    expect(index.find("前海去年跨境贸易额多少").map((m) => m.zone)).toEqual(["前海深港现代服务业合作区"]);
  });

  it("names neither when nothing tells them apart", () => {
    expect(new PlaceIndex(shared).find("前海去年跨境贸易额多少")).toEqual([]);
  });
});

describe("a long zone name opening with its city", () => {
  // A made-up zone of the same shape as 深圳前海深港现代服务业合作区: city + long place + type word.
  const long = "杭州钱江湾数字贸易合作区";

  it("is called by the start of its place after the city, never by the city", () => {
    const index = new PlaceIndex([long], new Map([[long, 1]]));
    expect(index.find("钱江去年引进多少企业").map((m) => m.zone)).toEqual([long]);
    expect(index.find("杭州去年引进多少企业")).toEqual([]);
  });

  it.each([
    [long, ["钱江湾数字贸易", "钱江"]],
    // The place after its city.
    ["上海张江科学城", ["张江"]],
    ["青岛西海岸新区", ["西海岸"]],
    // A place that is one place-name word by itself also names its city or district: no short name.
    ["天津经济技术开发区", []],
    ["重庆两江新区", []],
  ])("short names of %s → %j", (zone, expected) => {
    expect(shortNames(zone)).toEqual(expected);
  });
});

describe("PlaceIndex.sameZone: a shortened name of a corpus zone", () => {
  const corpus = ["杭州钱江湾数字贸易合作区", "钱江综合保税区", "上海张江科学城", "天津经济技术开发区"];
  const index = new PlaceIndex(corpus);

  it.each([
    // Place + type word stands for the one corpus zone of that type called by that place.
    ["钱江合作区", "杭州钱江湾数字贸易合作区"],
    ["张江科学城", "上海张江科学城"],
    // A corpus zone is itself.
    ["钱江综合保税区", "钱江综合保税区"],
    // Another type word, or a place no corpus zone is called by: not the same zone.
    ["钱江高新区", undefined],
    ["宁波经济技术开发区", undefined],
  ])("%s → %s", (name, expected) => {
    expect(index.sameZone(name)).toBe(expected);
  });
});

describe("homeByShortName: an article calls its own zone by its short name", () => {
  const home = "杭州钱江湾数字贸易合作区";

  it("finds the short name outside names already read, as a mention of the home zone", () => {
    const text = "钱江综合保税区排名第三。钱江累计引进企业500家。";
    const named = [{ start: 0, end: 7 }];
    expect(homeByShortName(text, home, named)).toEqual([{ zone: home, alias: "钱江", start: 12, end: 14, weak: false, source: "form" }]);
  });

  it("finds nothing without a home zone", () => {
    expect(homeByShortName("钱江累计引进企业500家。", undefined, [])).toEqual([]);
  });
});

describe("PlaceIndex.listedBeforeType: places listed before one zone-type word", () => {
  const corpus = ["桐柏经济开发区", "柳溪经济开发区", "梅岭经济技术开发区", "梅岭市"];
  const index = new PlaceIndex(corpus);
  const gazetteer = Gazetteer.load();
  const zonesIn = (text: string) => index.listedBeforeType(text, (name) => gazetteer.canonical(name)).map((m) => m.zone);

  it.each([
    // Each place's zone of the type, not the place (梅岭 alone would be 梅岭市).
    ["桐柏、柳溪、梅岭三家开发区前三季度谁快？", ["桐柏经济开发区", "柳溪经济开发区", "梅岭经济技术开发区"]],
    ["桐柏和梅岭开发区谁的产值高？", ["桐柏经济开发区", "梅岭经济技术开发区"]],
    // A demonstrative or 等 before the count (这三家, 等三家) still counts the list.
    ["桐柏、柳溪、梅岭这三家开发区前三季度谁快？", ["桐柏经济开发区", "柳溪经济开发区", "梅岭经济技术开发区"]],
    ["桐柏、柳溪等两家开发区谁快？", ["桐柏经济开发区", "柳溪经济开发区"]],
    // Run together without 、, when the run splits wholly into known places.
    ["桐柏柳溪梅岭开发区前三季度的数据是哪天出来的？", ["桐柏经济开发区", "柳溪经济开发区", "梅岭经济技术开发区"]],
    ["新桐柏开发区有多大？", []],
    // Two run together are most often a city and its district: no list.
    ["梅岭柳溪开发区前三季度怎么样？", []],
    // No type word after the list: nothing.
    ["桐柏、柳溪今年怎么样？", []],
  ])("%s → %j", (text, zones) => {
    expect(zonesIn(text)).toEqual(zones);
  });
});

describe("PlaceIndex: more name after a place is another zone", () => {
  const gazetteer = new Gazetteer([], []).withZones(zones);
  const known = (name: string) => gazetteer.canonical(name) ?? gazetteer.mentions(name)[0]?.zone;
  const longer = (text: string) => index.find(text).map((place) => index.longerUnknownName(text, place, known));
  it.each([
    // Made-up questions: a name the corpus does not hold, though its place opens it.
    ["合肥新站高新区今年GDP多少", ["合肥新站高新区"]],
    ["即墨蓝谷科技城去年引进几个项目", ["即墨蓝谷科技城"]],
    // The place's own zone written out, or no zone-type word after the place: nothing longer.
    ["合肥经济开发区今年GDP多少", [undefined]],
    ["即墨上半年固定资产投资增长多少", [undefined]],
    // A function character ends the name: 即墨的开发区 is the place's zone spoken of.
    ["即墨的开发区有几个", [undefined]],
  ])("%s → %j", (text, expected) => {
    expect(longer(text)).toEqual(expected);
  });
});

describe("what places a zone", () => {
  it("is never its sector words (国际经济合作区 is not placed at 经济)", () => {
    const index = new PlaceIndex(["国际经济合作区"]);
    expect(index.find("今年前8个月经济咋样")).toEqual([]);
  });

  it("is what comes before the sector words of a name with no type word (宁东能源化工基地 → 宁东)", () => {
    const index = new PlaceIndex(["松岭能源化工基地"]);
    expect(index.find("松岭今年前8个月经济咋样").map((m) => m.zone)).toEqual(["松岭能源化工基地"]);
  });
});

describe("a zone named after the zone it lies in", () => {
  it("is placed by its own part (青岛西海岸新区琅琊台旅游度假区 → 琅琊台)", () => {
    const index = new PlaceIndex(["北湾新区灵山旅游度假区"]);
    expect(index.find("灵山上半年接待游客多少").map((m) => m.zone)).toEqual(["北湾新区灵山旅游度假区"]);
  });
});
