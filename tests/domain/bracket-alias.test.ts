import { describe, expect, it } from "vitest";
import { Gazetteer, zoneEntries } from "../../src/domain/index.js";
import { bracketAliases } from "../../src/domain/learn.js";

const gazetteer = Gazetteer.load();

describe("bracketAliases: a name a text defines for a zone in brackets", () => {
  it.each([
    // Defined with the country before it, the name is said without it too.
    ["7月3日，云梦高新技术产业开发区（中国声谷）召开年中会议。", [["云梦高新技术产业开发区", "中国声谷"], ["云梦高新技术产业开发区", "声谷"]]],
    ["云梦高新技术产业开发区（以下简称声谷）今年新增企业80家。", [["云梦高新技术产业开发区", "声谷"]]],
    // A bracket after no zone, with digits, or holding a zone-type word defines nothing.
    ["推进渝新欧国际铁路（果园港）多式联运枢纽建设。", []],
    ["云梦高新技术产业开发区（2021年版）规划发布。", []],
    ["云梦高新技术产业开发区（开发区）", []],
  ])("%s → %j", (text, expected) => {
    expect(bracketAliases(text, gazetteer)).toEqual(expected);
  });
});

describe("zoneEntries", () => {
  it("learns a bracketed name as the zone's alias, from an iterator of articles too", () => {
    const articles = new Map([["a", { zones: ["云梦高新技术产业开发区"], title: "云梦高新区年中会议", text: "云梦高新技术产业开发区（中国声谷）召开年中会议。" }]]);
    const entries = zoneEntries(articles.values(), gazetteer);
    expect(entries.find((entry) => entry.name === "云梦高新技术产业开发区")?.aliases).toEqual(["中国声谷", "声谷"]);
    expect(gazetteer.withZones(entries).canonical("中国声谷")).toBe("云梦高新技术产业开发区");
    expect(gazetteer.withZones(entries).canonical("声谷")).toBe("云梦高新技术产业开发区");
  });
});

describe("a short name some files give as their zone and others' titles open with", () => {
  it("is one zone under the fuller name", () => {
    // Made-up articles: two about 云梦泽新区 whose titles say 云新区, one whose metadata says 云新区.
    const articles = [
      { zones: ["云梦泽新区"], title: "云新区明确2023年发展目标", text: "云新区召开大会，云梦泽新区明确目标。" },
      { zones: ["云梦泽新区"], title: "云新区一季度实现开门红", text: "一季度，云新区多项指标增长。" },
      { zones: ["云新区"], title: "1—3月多项指标实现正增长", text: "今年1—3月，云新区多项指标增速居前。" },
    ];
    const entries = zoneEntries(articles, Gazetteer.load());
    expect(entries.map((entry) => entry.name)).toEqual(["云梦泽新区"]);
    expect(entries[0]!.aliases).toContain("云新区");
    expect(entries[0]!.articles).toBe(3);
  });
});

describe("a project a title names inside a zone is not the zone's other name", () => {
  it("learns nothing from 「X在云梦高新区签约」", () => {
    // Made-up articles: two pieces about one project, both titled with the project and the zone it is in.
    const articles = [
      { zones: ["云梦高新技术产业开发区"], title: "天捷科高端装备制造基地在云梦高新区签约", text: "云梦高新区天捷科高端装备制造基地正式签约。" },
      { zones: ["云梦高新技术产业开发区"], title: "天捷科高端装备制造基地在云梦高新区开工", text: "云梦高新区天捷科高端装备制造基地开工建设。" },
    ];
    const entries = zoneEntries(articles, Gazetteer.load());
    expect(entries.find((entry) => entry.name === "云梦高新技术产业开发区")?.aliases).toEqual([]);
  });
});

describe("a short name some files give as their zone and another file defines in brackets", () => {
  it("is one zone under the fuller name", () => {
    // Made-up articles: one defines 云梦开发区 for the full name, the others file under the short name.
    const articles = [
      { zones: ["云梦经济技术开发区"], title: "云梦开发区冬季重点项目集中开工", text: "12月17日，云梦经济技术开发区（以下简称云梦开发区）冬季重点项目集中开工。" },
      { zones: ["云梦开发区"], title: "云梦开发区一季度外贸增长", text: "一季度，云梦开发区外贸进出口增长8%。" },
    ];
    const entries = zoneEntries(articles, Gazetteer.load());
    expect(entries.map((entry) => entry.name)).toEqual(["云梦经济技术开发区"]);
    expect(entries[0]!.aliases).toContain("云梦开发区");
    expect(entries[0]!.articles).toBe(2);
  });
});

describe("nicknames of other cities' zones (data/zones.json)", () => {
  const base = Gazetteer.load();
  const zone = "长沙经济技术开发区";

  it("become aliases of a zone the corpus has, and merge a file filed under one", () => {
    const nicknames = base.nicknamesOf(zone);
    expect(nicknames.length).toBeGreaterThan(0);
    const articles = [
      { zones: [zone], title: "长沙经开区一季度外贸增长", text: "一季度，长沙经开区外贸进出口增长8%。" },
      { zones: [nicknames[0]!], title: "上半年工业产值增长", text: "上半年工业产值增长6%。" },
    ];
    const entries = zoneEntries(articles, base);
    expect(entries.map((entry) => entry.name)).toEqual([zone]);
    expect(entries[0]!.aliases).toEqual(expect.arrayContaining(nicknames));
    expect(base.withZones(entries).canonical(nicknames[0]!)).toBe(zone);
  });

  it("name the zone when the corpus has it only under a nickname", () => {
    const nickname = base.nicknamesOf(zone)[0]!;
    const entries = zoneEntries([{ zones: [nickname], title: "上半年工业产值增长", text: "上半年工业产值增长6%。" }], base);
    expect(entries.map((entry) => entry.name)).toEqual([zone]);
    expect(base.withZones(entries).canonical(nickname)).toBe(zone);
  });

  it("stay known to a gazetteer that has learnt zones", () => {
    expect(base.withZones(["云梦经济技术开发区"]).nicknamesOf(zone)).toEqual(base.nicknamesOf(zone));
  });

  it("name nothing when the corpus has no article about the zone", () => {
    const entries = zoneEntries([{ zones: ["云梦经济技术开发区"], title: "云梦开发区", text: "云梦经济技术开发区。" }], base);
    expect(entries.flatMap((entry) => entry.aliases)).not.toContain(base.nicknamesOf(zone)[0]);
    expect(base.withZones(entries).canonical(base.nicknamesOf(zone)[0]!)).not.toBe(zone);
  });
});

describe("the common form of an official name the metadata gives", () => {
  // Written for this test: metadata names the zone officially, the text by its common form.
  const article = {
    zones: ["青岛东滩生态化工产业基地"],
    title: "东滩化工园区举行新闻发布会",
    text: "东滩化工园区去年实现规上工业产值86.2亿元。今年，东滩化工园区将新上项目8个。",
  };

  it("is learnt as its alias when the text uses it twice and it opens with the same place", () => {
    // (The article's zones list the common form too, as read from its text: it is merged into the official name.)
    const entries = zoneEntries([{ ...article, zones: [...article.zones, "东滩化工园区"] }], gazetteer);
    expect(entries.map((entry) => entry.name)).not.toContain("东滩化工园区");
    expect(entries.find((entry) => entry.name === "青岛东滩生态化工产业基地")?.aliases).toContain("东滩化工园区");
    const known = gazetteer.withZones(entries);
    expect(known.canonical("东滩化工园区")).toBe("青岛东滩生态化工产业基地");
  });

  it("is not learnt from a zone of another place, nor for a home zone that has a type of its own", () => {
    const other = { ...article, text: "西岭化工园区去年实现规上工业产值86.2亿元。今年，西岭化工园区将新上项目8个。" };
    expect(zoneEntries([other], gazetteer).find((entry) => entry.name === "青岛东滩生态化工产业基地")?.aliases ?? []).not.toContain("西岭化工园区");
    const typed = { ...article, zones: ["东滩经济技术开发区"] };
    expect(zoneEntries([typed], gazetteer).find((entry) => entry.name === "东滩经济技术开发区")?.aliases ?? []).not.toContain("东滩化工园区");
  });

  it("is found behind a district's name (平度东滩化工园区)", () => {
    const known = gazetteer.withZones(zoneEntries([article], gazetteer));
    expect(known.mentions("平度东滩化工园区的情况").map((m) => m.zone)).toEqual(["青岛东滩生态化工产业基地"]);
  });
});

describe("a name the text defines a short name for", () => {
  it.each([
    // A joint name ending like a zone, its short name read out of it in order.
    ["过去的一年，中国—新加坡松原食品区（以下简称中新食品区）坚持“食品+”方向。", [["中国—新加坡松原食品区", "中新食品区"]]],
    ["经批复同意设立北岭生物医药园（以下简称北岭药园），规划面积12平方公里。", [["北岭生物医药园", "北岭药园"]]],
    // Without 以下简称, or a short name that does not end like the name, it defines no zone.
    ["松原市农业科学院（松原农科院）今年新育成品种6个。", []],
    ["北岭生物医药集团（以下简称北岭集团）投资建设新厂。", []],
  ])("%s → %j", (text, expected) => {
    expect(bracketAliases(text, gazetteer)).toEqual(expected);
  });
});
