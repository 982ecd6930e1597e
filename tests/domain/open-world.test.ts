import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/index.js";
import { extractFacts } from "../../src/facts/index.js";
import { articlesFromText, zonesOf } from "../../src/ingest/index.js";

const gazetteer = Gazetteer.load();
const zonesIn = (text: string, home?: string | null) => gazetteer.mentions(text, { includeWeak: true, ...(home === undefined ? {} : { home }) }).map((m) => m.zone);

describe("different places are different zones", () => {
  it.each([
    ["天津经开区", "天津经济技术开发区"],
    ["新乡经开区", "新乡经济技术开发区"],
    ["济南高新区", "济南高新技术产业开发区"],
    ["宁波前湾新区", "宁波前湾新区"],
    ["南京江北新区", "南京江北新区"],
    ["宁波梅山保税港区", "宁波梅山保税港区"],
    ["上海自贸片区", "上海自贸片区"],
    // A rank before the type word, and a free-trade zone's part, keep their own place.
    ["贵阳国家高新技术产业开发区", "贵阳高新技术产业开发区"],
    ["中国（广西）自由贸易试验区南宁片区", "南宁自贸片区"],
  ])("%s is %s, none of Qingdao's zones", (text, zone) => {
    expect(zonesIn(`今年，${text}新签约项目86个`)).toEqual([zone]);
    expect(gazetteer.zone(zone)).toBeUndefined();
  });

  it("a rank and a type word alone (国家高新区) name no zone, though a listed zone is 青岛国家高新技术产业开发区", () => {
    expect(zonesIn("推动国家高新区高质量发展")).toEqual([]);
    expect(zonesIn("全国国家高新技术产业开发区综合评价")).toEqual([]);
    expect(zonesIn("青岛国家高新区新签约项目")).toEqual(["青岛高新区"]);
  });

  it("a district-led short name is its corpus zone when more of the name follows the district (城阳轨交示范区)", () => {
    const known = gazetteer.withZones(["城阳轨道交通产业示范区", "即墨鳌山湾科教新城"]);
    expect(known.canonical("城阳轨交示范区")).toBe("城阳轨道交通产业示范区");
    // Only the district and a type word: another zone there, maybe.
    expect(known.canonical("即墨新城")).not.toBe("即墨鳌山湾科教新城");
  });

  it("a tail shorter than a listed zone's type word is no one zone's name (术开发区 of …经济技术开发区)", () => {
    const known = gazetteer.withZones(["武汉东湖新技术开发区", { name: "临空港经开区", aliases: ["武汉临空港"] }]);
    expect(known.abbreviations("武汉临空港经济技术开发区签约项目").map((m) => m.zone)).not.toContain("武汉东湖新技术开发区");
  });

  it.each([
    ["青岛开发区", "青岛经济技术开发区"],
    ["黄岛开发区", "青岛经济技术开发区"],
    ["青岛经开区", "青岛经济技术开发区"],
    ["青岛经济技术开发区", "青岛经济技术开发区"],
    ["青岛高新区", "青岛高新区"],
    ["青岛西海岸新区", "青岛西海岸新区"],
    ["黄岛前湾保税港区", "前湾保税港区"],
    ["青岛前湾保税港区", "前湾保税港区"],
  ])("a listed zone's own form %s is still %s", (text, zone) => {
    expect(zonesIn(`今年，${text}新签约项目86个`)).toEqual([zone]);
  });

  it("gives a canonical name to zones no list knows, one per place", () => {
    expect(gazetteer.canonical("临沂开发区")).toBe("临沂开发区");
    expect(gazetteer.canonical("长沙经开区")).toBe(gazetteer.canonical("长沙经济技术开发区"));
    expect(gazetteer.canonical("长沙经开区")).not.toBe(gazetteer.canonical("天津经开区"));
    for (const generic of ["开发区", "经开区", "高新区", "新区", "园区", "该区", "全区", "示范区"]) expect(gazetteer.canonical(generic)).toBeUndefined();
  });
});

describe("generic words", () => {
  it("refer to nothing by themselves", () => {
    for (const text of ["开发区新签约项目86个", "经开区新签约项目86个", "高新区新签约项目86个", "新区新签约项目86个", "该区新签约项目86个", "全区新签约项目86个", "示范区新签约项目86个"]) {
      expect(zonesIn(text)).toEqual([]);
    }
  });

  it("refer to the article's home zone", () => {
    expect(zonesIn("开发区新签约项目86个", "天津经济技术开发区")).toEqual(["天津经济技术开发区"]);
    expect(zonesIn("该区新签约项目86个", "天津经济技术开发区")).toEqual(["天津经济技术开发区"]);
    expect(zonesIn("开发区新签约项目86个", "青岛经济技术开发区")).toEqual(["青岛经济技术开发区"]);
  });

  it("refer to the zone of their type named last in the paragraph, before the home zone", () => {
    expect(zonesIn("南昌经开区、赣州高新区同期增长。开发区新签约项目86个", "天津经济技术开发区")).toEqual(["南昌经济技术开发区", "赣州高新技术产业开发区", "南昌经济技术开发区"]);
    // A zone named in an earlier paragraph does not carry into the next one.
    expect(zonesIn("南昌经开区同期增长。\n开发区新签约项目86个", "天津经济技术开发区")).toEqual(["南昌经济技术开发区", "天津经济技术开发区"]);
  });

  it("take the home's one child or nearest parent of their type", () => {
    expect(zonesIn("开发区新签约项目86个", "青岛西海岸新区")).toEqual(["青岛经济技术开发区"]);
    expect(zonesIn("助推新区高质量发展", "青岛经济技术开发区")).toEqual(["青岛西海岸新区"]);
  });

  it("never refer when they name many zones or a kind", () => {
    for (const text of ["各开发区新签约项目86个", "全省开发区新签约项目86个", "9个经开区新签约项目86个", "国家级经开区共有230家", "创建国家级农业高新区"]) {
      expect(zonesIn(text, "天津经济技术开发区")).toEqual([]);
    }
  });

  it("全市/我市 is the city only in an article about it", () => {
    expect(zonesIn("全市新签约项目86个", "青岛经济技术开发区")).toEqual(["青岛市"]);
    expect(zonesIn("全市新签约项目86个", "天津经济技术开发区")).toEqual([]);
    expect(zonesIn("全市新签约项目86个", null)).toEqual([]);
    // A question has no article: the city of the gazetteer.
    expect(zonesIn("全市新签约项目多少个")).toEqual(["青岛市"]);
  });

  it("resolveGeneric answers for one word and what precedes it", () => {
    expect(gazetteer.resolveGeneric("开发区", "长沙经开区一季度增长8%，", "天津经济技术开发区")).toBe("长沙经济技术开发区");
    expect(gazetteer.resolveGeneric("开发区", "两江新区一季度增长8%，", "天津经济技术开发区")).toBe("天津经济技术开发区");
    expect(gazetteer.resolveGeneric("开发区", "两江新区一季度增长8%，")).toBeUndefined();
  });
});

describe("zones learnt from articles' metadata", () => {
  it("places a zone by the district its name opens with, a foreign one nowhere", () => {
    const extended = gazetteer.withZones(["天津经济技术开发区", "即墨经济开发区", "济南高新区"]);
    expect(extended.isWithin("天津经济技术开发区", "青岛市")).toBe(false);
    expect(extended.isWithin("即墨经济开发区", "青岛市")).toBe(true);
    expect(extended.canonical("济南高新技术产业开发区")).toBe("济南高新区");
    expect(extended.canonical("即墨经开区")).toBe("即墨经济开发区");
    expect(gazetteer.isWithin("城阳高新技术产业开发区", "青岛市")).toBe(true);
  });
});

describe("the home zone of an article", () => {
  it("is the front matter's zone, else the title's, else the text's", () => {
    expect(zonesOf("经济运行稳中向好\n长沙经开区新签约项目86个。", gazetteer, ["天津经开区"])[0]).toBe("天津经济技术开发区");
    expect(zonesOf("天津经开区经济运行稳中向好\n长沙经开区、长沙经开区新签约项目86个。", gazetteer)[0]).toBe("天津经济技术开发区");
    expect(zonesOf("经济运行稳中向好\n今年，新乡经开区新签约项目86个，青岛开发区新签约项目45个。", gazetteer)[0]).toBe("新乡经济技术开发区");
  });

  it("is not the first of the zones a title lists: the text says which it is most about", () => {
    const text = "天津经开区、长沙经开区一季度主要指标较快增长\n长沙经开区新签约项目86个。该区新开工项目12个，长沙经开区总投资45亿元。天津经开区新签约项目20个。";
    expect(zonesOf(text, gazetteer)[0]).toBe("长沙经济技术开发区");
  });

  it("is the zone a page's generic words refer to, more than one it lists once", () => {
    const text = "凝聚发展合力（续）\n必须凝聚新区力量，推动新区高质量发展。加快灵山湾影视文化区建设，新区要走在前列。";
    expect(zonesOf(text, gazetteer)[0]).toBe("青岛西海岸新区");
  });

  it("is nothing when only generic words speak", () => {
    expect(zonesOf("会议召开\n新区召开会议，开发区新签约项目86个。", gazetteer)).toEqual([]);
  });
});

describe("an article about another city's zone", () => {
  const text = [
    "天津经开区前三季度经济运行稳中向好",
    "",
    "本报讯 今年前三季度，天津经开区实现地区生产总值1520亿元，同比增长5.2%。开发区新签约项目86个，总投资312亿元。",
    "该区负责人表示，全年力争新签约过亿元项目120个。",
    "同期，青岛开发区新签约项目45个。",
  ].join("\n");
  const [article] = articlesFromText(text, { source: "tianjin.txt", contentHash: "0", cliDate: "2023-10-20" }, gazetteer);

  it("files its figures under that zone, and another zone's under its own", () => {
    expect(article!.zones[0]).toBe("天津经济技术开发区");
    const byValue = new Map(extractFacts(article!, gazetteer).facts.map((fact) => [fact.raw, fact.zone]));
    expect(byValue.get("1520亿元")).toBe("天津经济技术开发区");
    expect(byValue.get("86个")).toBe("天津经济技术开发区");
    expect(byValue.get("120个")).toBe("天津经济技术开发区");
    expect(byValue.get("45个")).toBe("青岛经济技术开发区");
  });
});

describe("names of one zone learnt from many articles", () => {
  it("become one zone: same place and type, or a regular short form of another name", () => {
    const learnt = gazetteer.withZones([
      { name: "平度经济开发区", aliases: [], articles: 3 },
      { name: "平度开发区", aliases: [], articles: 1 },
      { name: "通济新经济区", aliases: [], articles: 2 },
      { name: "通济新区", aliases: [], articles: 1 },
      { name: "即墨综合保税区", aliases: [], articles: 2 },
      { name: "青岛即墨综合保税区", aliases: [], articles: 1 },
      { name: "天津经济技术开发区", aliases: [], articles: 1 },
    ]);
    expect(learnt.zones.length).toBe(gazetteer.zones.length + 4);
    expect(learnt.canonical("平度开发区")).toBe("平度经济开发区");
    expect(learnt.canonical("平度经开区")).toBe("平度经济开发区");
    expect(learnt.canonical("通济新区")).toBe("通济新经济区");
    expect(learnt.canonical("即墨综保区")).toBe("即墨综合保税区");
    expect(learnt.canonical("青岛即墨综合保税区")).toBe("即墨综合保税区");
    expect(learnt.canonicalZones(["平度开发区", "平度经济开发区", "天津经开区"])).toEqual(["平度经济开发区", "天津经济技术开发区"]);
    // Another place's zone of the same type stays another zone.
    expect(learnt.canonical("莱西开发区")).toBe("莱西开发区");
  });

  it("become one zone whichever is read first: a short form, or the name with its city left out", () => {
    // Made-up names; the fuller name is the one more articles use.
    const learnt = gazetteer.withZones([
      { name: "桐江开发区", aliases: [], articles: 20 },
      { name: "闽州桐江经济技术开发区", aliases: [], articles: 100 },
      { name: "云岭开发区", aliases: [], articles: 5 },
      { name: "云岭经济技术开发区", aliases: [], articles: 50 },
      { name: "闽州经济技术开发区", aliases: [], articles: 30 },
      { name: "临湖新片区", aliases: [], articles: 4 },
      { name: "中国（闽州）自由贸易试验区临湖新片区", aliases: [], articles: 40 },
    ]);
    expect(learnt.canonical("桐江开发区")).toBe("闽州桐江经济技术开发区");
    expect(learnt.canonical("云岭开发区")).toBe("云岭经济技术开发区");
    expect(learnt.canonical("临湖新片区")).toBe("中国（闽州）自由贸易试验区临湖新片区");
    // The city's own zone of that type is another zone.
    expect(learnt.canonical("闽州经济技术开发区")).toBe("闽州经济技术开发区");
  });
});

describe("generic words in a question", () => {
  const asked = (g: Gazetteer, text: string) => g.mentions(text, { includeWeak: true, soleOfType: true }).map((m) => m.zone);

  it("refer to the one zone of their type the corpus holds", () => {
    expect(asked(gazetteer, "经开区新启用的公共服务中心面积多大")).toEqual(["青岛经济技术开发区"]);
    expect(asked(gazetteer, "自贸片区的华大基因谷面积多大")).toEqual(["青岛自贸片区"]);
    expect(gazetteer.soleZoneOfType("开发区")).toBe("青岛经济技术开发区");
  });

  it("refer to none when the corpus holds two of that type, or a zone named before them", () => {
    const two = gazetteer.withZones(["天津经济技术开发区"]);
    expect(asked(two, "经开区新启用的公共服务中心面积多大")).toEqual([]);
    expect(asked(two, "天津经开区和开发区")).toEqual(["天津经济技术开发区", "天津经济技术开发区"]);
    // Without the option a generic word stays unresolved.
    expect(zonesIn("经开区新启用的公共服务中心面积多大")).toEqual([]);
  });
});

describe("a zone's name with the place in front left out", () => {
  it("is that zone when one zone's name ends with it, and its own zone when two do", () => {
    const one = gazetteer.withZones([{ name: "宁波前湾新区", aliases: [], articles: 3 }, { name: "前湾新区", aliases: [], articles: 1 }]);
    expect(one.canonical("前湾新区")).toBe("宁波前湾新区");
    expect(one.mentions("今年，前湾新区签约项目12个").map((m) => m.zone)).toEqual(["宁波前湾新区"]);
    // A sector word alone before the type word is no place: 科教新城 is read inside 鳌山湾科教新城 only.
    expect(gazetteer.mentions("今年，鳌山湾科教新城签约项目12个").map((m) => m.zone)).toEqual(["鳌山湾科教新城"]);
    const two = gazetteer.withZones(["南京江北新区", "重庆江北新区", "江北新区"]);
    expect(two.canonical("江北新区")).toBe("江北新区");
    expect(two.canonical("南京江北新区")).toBe("南京江北新区");
  });
});

describe("a zone's name with a word left out", () => {
  it("is the one zone whose name it shortens", () => {
    const learnt = gazetteer.withZones([{ name: "鳌山湾科教新城", aliases: [], articles: 3 }, { name: "鳌山湾新城", aliases: [], articles: 1 }]);
    expect(learnt.canonical("鳌山湾新城")).toBe("鳌山湾科教新城");
    expect(gazetteer.withZones(["鳌山湾科教新城"]).mentions("同期，鳌山湾新城签约项目3个").map((m) => m.zone)).toEqual(["鳌山湾科教新城"]);
    expect(gazetteer.withZones(["鳌山湾科教新城"]).canonical("青岛新城")).toBe("青岛新城");
  });

  it("is another zone when the word left out is part of the place (a district inside the city)", () => {
    // Made-up zones: a city's own development zone and one named after a district of that city.
    const two = gazetteer.withZones([{ name: "某州西沙经济技术开发区", aliases: [], articles: 3 }, { name: "某州经济技术开发区", aliases: [], articles: 2 }]);
    expect(two.canonical("某州经济技术开发区")).toBe("某州经济技术开发区");
    expect(two.canonical("某州开发区")).toBe("某州经济技术开发区");
    expect(two.canonical("某州西沙经济技术开发区")).toBe("某州西沙经济技术开发区");
  });
});

describe("the tail of a zone's name", () => {
  it("holds a place: a tail inside the type word (技术开发区 of 经济技术开发区) is no zone's name", () => {
    // A made-up zone of another type word (新兴技术开发区): never a listed zone whose type word ends the same way.
    const zones = gazetteer.mentions("上海某江新兴技术开发区2023年税收多少").map((m) => m.zone);
    expect(zones).toEqual(["上海某江新兴技术开发区"]);
    expect(zones).not.toContain("青岛经济技术开发区");
  });
});

describe("a three-character short name", () => {
  it("is the one zone one of whose names opens with its first two characters (云港区 of 云港示范区)", () => {
    // Made-up zones of a corpus.
    const learnt = gazetteer.withZones([{ name: "某州胶东云港经济示范区", aliases: ["云港示范区"], articles: 2 }, "某州高新技术产业开发区"]);
    expect(learnt.abbreviations("云港区去年GDP多少").map((m) => m.zone)).toEqual(["某州胶东云港经济示范区"]);
    // Two zones whose names open so: neither.
    const two = gazetteer.withZones([{ name: "某州胶东云港经济示范区", aliases: ["云港示范区"], articles: 2 }, { name: "某城云港经济技术开发区", aliases: ["云港经开区"], articles: 2 }]);
    expect(two.abbreviations("云港区去年GDP多少").map((m) => m.zone)).toEqual([]);
  });
});

describe("a bare type word joined after a named zone shares its place", () => {
  const known = Gazetteer.load().withZones(["松原高新技术产业开发区", "松原经济技术开发区"]);
  const named = (text: string) => known.mentions(text);

  it.each([
    ["松原高新区和经开区谁增长快", ["松原经济技术开发区"]],
    ["松原高新区、经开区各完成多少", ["松原经济技术开发区"]],
    // No such zone in the corpus, or no joiner right after the name: nothing is added.
    ["松原高新区和综保区谁多", []],
    ["松原高新区的经开区项目", []],
  ])("%s → %j", (text, zones) => {
    expect(known.sharedPlaceMentions(text, named(text)).map((m) => m.zone)).toEqual(zones);
  });
});

describe("China's administrative areas are places whatever the segmenter tags them", () => {
  const gazetteer = Gazetteer.load();
  it.each([
    // The segmenter tags 营口 a verbal noun and 遵义 a verb; both are cities.
    ["营口经济技术开发区统计部门发布一季度经济运行分析", ["营口经济技术开发区"]],
    ["遵义经开区二期标准厂房年内交付", ["遵义经济技术开发区"]],
    ["鲅鱼圈高新区新签约项目", ["鲅鱼圈高新技术产业开发区"]],
    // A verb before a type word is still no place.
    ["推动开发区高质量发展", []],
  ])("%s → %j", (text, zones) => {
    expect(gazetteer.mentions(text).map((m) => m.zone)).toEqual(zones);
  });
});
