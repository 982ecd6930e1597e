import { describe, expect, it } from "vitest";
import { Gazetteer, recogniseZones } from "../../src/domain/index.js";

const namesIn = (text: string) => recogniseZones(text).map((form) => form.name);

/** [text, zones named by form] — parks named after a town the text itself names as one (written for this test). */
const TOWN_PARKS: [string, string[]][] = [
  ["2018年，松岭镇把散落的鞋企集中起来，挂牌成立松岭制鞋产业园。", ["松岭制鞋产业园"]],
  ["在双河乡，双河茶叶产业园已入驻企业23家。", ["双河茶叶产业园"]],
  ["枫桥街道办事处介绍，枫桥智能家居产业园今年新开工项目5个。", ["枫桥智能家居产业园"]],
  // The same words without the town said anywhere name no place: a park's sector words are not a place.
  ["松岭制鞋产业园已入驻企业23家。", []],
  // A park's name may open with its town and the town's ending.
  ["沽河街道电商产业园位于沽河街道，入驻企业56家。", ["沽河街道电商产业园"]],
  // A town's name makes no place of other words before a park (特色小镇 is no town 特色小).
  ["打造特色小镇，建设智能家居产业园。", []],
];

/** [text, zones] — 工业园 is a type word like 工业园区 after a place of the national list (格尔木, 苏州). */
const INDUSTRIAL_PARKS: [string, string[]][] = [
  ["1—10月，格尔木工业园规上工业产值增长9.8%。", ["格尔木工业园"]],
  ["苏州工业园区实际使用外资", ["苏州工业园区"]],
  ["建设智能制造工业园", []],
];

describe("parks named after a town", () => {
  it.each(TOWN_PARKS)("%s → %j", (text, zones) => {
    expect(namesIn(text)).toEqual(zones);
  });
});

describe("工业园 after a place", () => {
  const gazetteer = Gazetteer.load();
  it.each(INDUSTRIAL_PARKS)("%s → %j", (text, zones) => {
    expect(gazetteer.mentions(text).map((mention) => mention.zone)).toEqual(zones);
  });
});

describe("an address is no park's name", () => {
  const gazetteer = Gazetteer.load();
  it("reads district, town and park as where the park lies (诸暨市枫桥街道智能家居产业园 names no zone)", () => {
    expect(gazetteer.mentions("诸暨市枫桥街道智能家居产业园管理办公室").map((mention) => mention.zone)).not.toContain("枫桥街道智能家居产业园");
  });
});
