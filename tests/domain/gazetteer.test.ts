import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { zoneEntries } from "../../src/domain/learn.js";

const gazetteer = Gazetteer.load();
const zonesIn = (text: string) => gazetteer.mentions(text, { includeWeak: true }).map((m) => m.zone);

describe("gazetteer", () => {
  it("resolves the aliases of the development zone and the new area", () => {
    for (const alias of ["青岛开发区", "青岛经济技术开发区", "黄岛开发区", "青岛经开区"]) expect(gazetteer.canonical(alias)).toBe("青岛经济技术开发区");
    for (const alias of ["西海岸新区", "青岛西海岸新区", "黄岛区"]) expect(gazetteer.canonical(alias)).toBe("青岛西海岸新区");
    // Generic words are no zone's name: 新区 or 经开区 alone could be any city's.
    for (const generic of ["新区", "经开区", "开发区", "高新区"]) expect(gazetteer.canonical(generic)).toBeUndefined();
    expect(gazetteer.groupMembers("九大功能区")).toHaveLength(9);
  });

  it("does not take another place's zone for ours", () => {
    expect(zonesIn("即墨经开区签约项目15个")).toEqual(["即墨经济技术开发区"]);
    expect(zonesIn("城阳高新区")).toEqual(["城阳高新技术产业开发区"]);
    expect(zonesIn("打造全国开发区高质量发展新标杆")).toEqual([]);
    // Without an article's home zone a generic word refers to nothing; with one, to it.
    expect(zonesIn("推动新区高质量发展")).toEqual([]);
    expect(zonesIn("在经开区投资")).toEqual([]);
    expect(gazetteer.mentions("推动新区高质量发展", { includeWeak: true, home: "青岛西海岸新区" }).map((m) => m.zone)).toEqual(["青岛西海岸新区"]);
    expect(gazetteer.mentions("在经开区投资", { includeWeak: true, home: "青岛经济技术开发区" }).map((m) => m.zone)).toEqual(["青岛经济技术开发区"]);
  });

  it("learns zones that articles name in their metadata", () => {
    const extended = gazetteer.withZones(["城阳空港工业园", "青岛开发区"]);
    expect(extended.canonical("城阳空港工业园")).toBe("城阳空港工业园");
    expect(extended.isWithin("城阳空港工业园", "青岛市")).toBe(true);
    expect(extended.zones.length).toBe(gazetteer.zones.length + 1);
  });
});

describe("short forms nobody listed", () => {
  it("finds the one zone a short form abbreviates, and nothing when it is ambiguous", () => {
    const extended = Gazetteer.load().withZones(["崂山湾国际生态健康城", "即墨经济开发区", "即墨综合保税区"]);
    expect(extended.abbreviated("崂山湾健康城")).toBe("崂山湾国际生态健康城");
    expect(extended.abbreviated("即墨经开区")).toBe("即墨经济开发区");
    expect(extended.abbreviated("即墨区")).toBeUndefined();
    expect(extended.abbreviated("火星城")).toBeUndefined();
    // A park's short form may leave out the place and rank its name opens with.
    const parks = Gazetteer.load().withZones(["潍坊国家动漫产业园", "寿光蔬菜产业园"]);
    expect(parks.abbreviated("动漫园")).toBe("潍坊国家动漫产业园");
    expect(parks.abbreviated("动漫产业园")).toBe("潍坊国家动漫产业园");
    expect(parks.abbreviated("蔬菜园")).toBe("寿光蔬菜产业园");
    expect(parks.abbreviated("产业园")).toBeUndefined();
    // A form with a type word of another family shortens no zone of this one: a 新区 is no 高新区.
    const learnt = Gazetteer.load().withZones(["天津滨海高新技术产业开发区"]);
    expect(learnt.abbreviated("天津滨海新区")).toBeUndefined();
    expect(learnt.abbreviated("天津滨海高新区")).toBe("天津滨海高新技术产业开发区");
    // A form named after a city alone is the city's zone, not one of a district in it.
    const district = Gazetteer.load().withZones(["常州武进高新技术产业开发区"]);
    expect(district.abbreviated("常州高新区")).toBeUndefined();
    expect(district.canonical("常州高新区")).not.toBe("常州武进高新技术产业开发区");
    expect(district.canonical("武进高新区")).toBe("常州武进高新技术产业开发区");
    // A programme's brand (火炬) is no district: 威海高新区 is 威海火炬高技术产业开发区.
    expect(Gazetteer.load().withZones(["威海火炬高技术产业开发区"]).canonical("威海高新区")).toBe("威海火炬高技术产业开发区");
  });
});

describe("regular forms of zone names", () => {
  const gazetteer = Gazetteer.load().withZones(["平度经济开发区", "即墨综合保税区", "青岛保税区", "平度新河化工产业园区", "中日（青岛）地方发展合作示范区", "西海岸交通商务区"]);
  const zoneOf = (text: string) => gazetteer.mentions(text).map((m) => m.zone);

  it("reads short suffixes, the city in front, brackets left out and a district's name dropped", () => {
    expect(zoneOf("平度经开区累计实现")).toEqual(["平度经济开发区"]);
    expect(zoneOf("青岛即墨综合保税区完成")).toEqual(["即墨综合保税区"]);
    expect(zoneOf("同期青岛市保税区累计")).toEqual(["青岛保税区"]);
    expect(zoneOf("新河化工产业园区一般预算收入")).toEqual(["平度新河化工产业园区"]);
    expect(zoneOf("低于中日地方发展合作示范区同期")).toEqual(["中日（青岛）地方发展合作示范区"]);
  });

  it("takes a zone named right after its parent as the zone meant", () => {
    expect(zoneOf("青岛西海岸新区交通商务区新引进人才")).toEqual(["西海岸交通商务区"]);
  });

  it("never makes a category word into a zone", () => {
    expect(zoneOf("全市各综合保税区进出口")).toEqual([]);
    expect(gazetteer.abbreviations("全市各综合保税区进出口")).toEqual([]);
  });

  it("finds abbreviations in running text: a shortened name, a tail, a long shared stem", () => {
    expect(gazetteer.abbreviations("新河化工园全社会固定资产投资").map((m) => m.zone)).toEqual(["平度新河化工产业园区"]);
    expect(Gazetteer.load().withZones(["青岛国际院士港"]).abbreviations("院士港计划").map((m) => m.zone)).toEqual(["青岛国际院士港"]);
    expect(Gazetteer.load().withZones(["城阳空港工业园"]).abbreviations("城阳空港工业聚集区工业增加值").map((m) => m.zone)).toEqual(["城阳空港工业园"]);
  });
});

describe("aliases learnt from titles", () => {
  const article = (title: string, zone: string, text: string) => ({ title, zones: [zone], text });

  it("learns a name that opens the titles of one zone's articles and is used in them", () => {
    const entries = zoneEntries([
      article("市北CBD上半年经济运行稳中有进", "青岛中央商务区", "本报讯 市北CBD实现服务业营业收入16.2亿元。"),
      article("市北CBD项目建设跑出加速度", "青岛中央商务区", "本报讯 市北CBD集中开工项目9个。"),
      article("青岛中央商务区吹响冲锋号", "青岛中央商务区", "本报讯 …"),
    ], Gazetteer.load());
    expect(entries).toContainEqual({ name: "青岛中央商务区", aliases: ["市北CBD"], articles: 3 });
    const gazetteer = Gazetteer.load().withZones(entries);
    expect(gazetteer.mentions("市北CBD服务业营业收入").map((m) => m.zone)).toEqual(["青岛中央商务区"]);
  });

  it("learns nothing from one title, from a category word after a district's name, or from a city's articles", () => {
    const once = zoneEntries([article("市北CBD上半年经济运行稳中有进", "青岛中央商务区", "市北CBD…")], Gazetteer.load());
    expect(once.flatMap((e) => e.aliases)).toEqual([]);
    const generic = zoneEntries([
      article("即墨经开区吹响冲锋号", "青岛经济技术开发区", "即墨经开区…"),
      article("即墨经开区项目建设提速", "青岛经济技术开发区", "即墨经开区…"),
    ], Gazetteer.load());
    expect(generic.flatMap((e) => e.aliases)).toEqual([]);
    const city = zoneEntries([
      article("空港工业园集中开工", "青岛市", "空港工业园…"),
      article("空港工业园经济运行", "青岛市", "空港工业园…"),
    ], Gazetteer.load());
    expect(city.flatMap((e) => e.aliases)).toEqual([]);
  });
});

describe("a city written before a zone the corpus knows", () => {
  // Made-up corpus zones: one named by a type word (科技城新区), one by an area (江北).
  const gazetteer = Gazetteer.load().withZones(["科技城新区", "江北新区"]);
  it("is where a zone named by no area lies: the same zone", () => {
    expect(gazetteer.canonical("绵阳科技城新区")).toBe("科技城新区");
    expect(gazetteer.mentions("绵阳科技城新区1—8月产值").map((m) => [m.zone, m.alias])).toEqual([["科技城新区", "绵阳科技城新区"]]);
  });
  it("tells apart zones named by an area that many cities have", () => {
    expect(gazetteer.canonical("南京江北新区")).not.toBe("江北新区");
  });
});
