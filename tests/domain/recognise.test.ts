import { describe, expect, it } from "vitest";
import { Gazetteer, ZoneRecogniser, recogniseZones } from "../../src/domain/index.js";

const recogniser = new ZoneRecogniser();
const namesIn = (text: string) => recogniseZones(text).map((form) => form.name);

/** [text, canonical names of the zones it names by form] — all text written for this test. */
const NAMED: [string, string[]][] = [
  // A place and a zone-type word, many cities; the short type word is read as its long form.
  ["天津经开区前三季度实现地区生产总值", ["天津经济技术开发区"]],
  ["新乡经开区新签约项目", ["新乡经济技术开发区"]],
  ["亦庄经开区", ["亦庄经济技术开发区"]],
  ["北京经济技术开发区", ["北京经济技术开发区"]],
  ["嘉兴经开区", ["嘉兴经济技术开发区"]],
  ["钱塘新区", ["钱塘新区"]],
  ["两江新区", ["两江新区"]],
  ["金普新区", ["金普新区"]],
  ["江北新区", ["江北新区"]],
  ["贵安新区", ["贵安新区"]],
  ["哈尔滨新区", ["哈尔滨新区"]],
  ["前海合作区", ["前海合作区"]],
  ["张江科学城", ["张江科学城"]],
  ["沈阳浑南科技城", ["沈阳浑南科技城"]],
  // A city-like type word right before another type word names it: the new area of the science city.
  ["滨江科技城新区二期开工", ["滨江科技城新区"]],
  ["科技城新区是主阵地", ["科技城新区"]],
  // 生态城, 知识城 and 台商投资区 are zone types of their own (bilateral eco-cities, knowledge cities, investment zones).
  ["曹妃甸生态城新签约项目", ["曹妃甸生态城"]],
  ["中新广州知识城一季度", ["中新广州知识城"]],
  ["漳州台商投资区规上工业产值", ["漳州台商投资区"]],
  // A 旅游度假区 is a zone of its own type.
  ["凤鸣山旅游度假区上半年接待游客", ["凤鸣山旅游度假区"]],
  // A numeral before another character opens a name, it counts nothing.
  ["今年，南宁五象新区坚持项目为王", ["南宁五象新区"]],
  ["广州开发区", ["广州开发区"]],
  ["临沂开发区", ["临沂开发区"]],
  // 年 after a number ends a date: it opens no name.
  ["2025年新站高新区一季度利用外资", ["新站高新技术产业开发区"]],
  ["昆山开发区", ["昆山开发区"]],
  ["长沙经开区", ["长沙经济技术开发区"]],
  ["长沙市经开区", ["长沙经济技术开发区"]],
  ["长沙经济技术开发区", ["长沙经济技术开发区"]],
  ["无锡高新区", ["无锡高新技术产业开发区"]],
  ["武汉东湖高新区", ["武汉东湖高新技术产业开发区"]],
  ["松山湖高新区", ["松山湖高新技术产业开发区"]],
  ["宁波前湾新区", ["宁波前湾新区"]],
  ["苏州工业园区", ["苏州工业园区"]],
  ["洋山保税港区", ["洋山保税港区"]],
  ["郑州新郑综保区", ["郑州新郑综合保税区"]],
  ["南沙自贸片区", ["南沙自贸片区"]],
  ["上海临港新片区", ["上海临港新片区"]],
  ["鳌山湾新城", ["鳌山湾新城"]],
  // A sector word between the place and the type word belongs to the name.
  ["杨凌农业高新区", ["杨凌农业高新技术产业开发区"]],
  ["烟台海洋高新区", ["烟台海洋高新技术产业开发区"]],
  ["城阳轨道交通产业示范区一季度", ["城阳轨道交通产业示范区"]],
  // A rank between the place and the type word is written, not part of the name: one zone either way.
  ["芜湖国家高新技术产业开发区", ["芜湖高新技术产业开发区"]],
  ["襄阳国家高新区", ["襄阳高新技术产业开发区"]],
  ["株洲国家级高新区今年", ["株洲高新技术产业开发区"]],
  ["牢记国家级新区使命", []],
  // A district the dictionary takes for a person's name is still a place.
  ["常州武进国家高新技术产业开发区", ["常州武进高新技术产业开发区"]],
  ["建设国家级新区", []],
  // A ministry before a rank is no place: the zones it ranks are many.
  ["在商务部国家级经济技术开发区综合发展水平考核评价中", []],
  // A free-trade zone's part (片区) is a zone only right after its whole; the part is the one named.
  ["中国（福建）自由贸易试验区福州片区", ["福州自贸片区"]],
  ["浙江自贸试验区舟山片区", ["舟山自贸片区"]],
  ["城市东部片区", []],
  ["推进老城片区改造", []],
  // Boundaries inside sentences: verbs, prepositions, conjunctions and numbers stay outside the name.
  ["推动天津经开区高质量发展", ["天津经济技术开发区"]],
  ["走进新乡经开区", ["新乡经济技术开发区"]],
  ["建设雄安新区", ["雄安新区"]],
  ["落户西安高新区的企业", ["西安高新技术产业开发区"]],
  ["据长沙经开区管委会介绍", ["长沙经济技术开发区"]],
  ["在合肥高新区投资", ["合肥高新技术产业开发区"]],
  ["考察苏州工业园区", ["苏州工业园区"]],
  ["深化与成都天府新区合作", ["成都天府新区"]],
  ["杭州钱塘新区管委会", ["杭州钱塘新区"]],
  ["1至9月，天津经开区实现", ["天津经济技术开发区"]],
  ["以及济南高新区、无锡高新区", ["济南高新技术产业开发区", "无锡高新技术产业开发区"]],
  ["西安高新区和宝鸡高新区", ["西安高新技术产业开发区", "宝鸡高新技术产业开发区"]],
  // Scope words, quantities, ranks, verbs and sector words before a type word name no zone.
  ["各开发区", []],
  ["各开发区新区", []],
  // Without a known place before it, 产业园 is a kind of park (a project, a plan), not one zone.
  ["氢能产业园一期项目开工", []],
  ["推动新能源产业园建设", []],
  ["建设一批特色产业园", []],
  ["活动在海洋装备产业园举行", []],
  ["全市12个产业园", []],
  ["9个经开区", []],
  ["三个开发区", []],
  ["国家级经开区", []],
  ["开发区管委会", []],
  ["全省开发区", []],
  ["全市开发区", []],
  ["省级以上开发区", []],
  ["推动开发区高质量发展", []],
  ["全力做强新区发展引擎", []],
  ["功能区强则新区强", []],
  ["国家级农业高新区", []],
  ["创建窗口示范区", []],
  ["九大重点功能区", []],
  ["主题园区", []],
  // A type word inside another word is none: 创新+区, 新+区域, 城+镇.
  // 化工园区 is a zone type of its own (as 工业园区): a place before it names one.
  ["东滩化工园区危化品车辆实行预约入园", ["东滩化工园区"]],
  ["科技创新区", []],
  ["创新区域", []],
  ["新城镇建设", []],
];

describe("zones recognised by their form", () => {
  it.each(NAMED)("%s → %j", (text, names) => {
    expect(namesIn(text)).toEqual(names);
  });

  it("keeps the name's span in the text", () => {
    const text = "今年以来，推动天津经开区高质量发展";
    const [form] = recogniseZones(text);
    expect(text.slice(form!.start, form!.end)).toBe("天津经开区");
    expect(form).toMatchObject({ place: "天津", suffix: "经开区", family: "经开" });
  });

  it("reads a whole name, and nothing that is not one zone's", () => {
    expect(recogniser.nameOf("长沙经开区")).toBe("长沙经济技术开发区");
    expect(recogniser.nameOf("长沙经济技术开发区")).toBe("长沙经济技术开发区");
    expect(recogniser.nameOf("临沂开发区")).toBe("临沂开发区");
    expect(recogniser.nameOf("开发区")).toBeUndefined();
    expect(recogniser.nameOf("推动临沂开发区")).toBeUndefined();
    expect(recogniser.familyOf("青岛经济技术开发区")).toBe("经开");
    expect(recogniser.familyOf("两江新区")).toBe("新区");
  });
});

/** [text, the bare type word, whether it names many zones or a kind (never one zone)] */
const BARE: [string, string, boolean][] = [
  ["各开发区", "开发区", true],
  ["9个经开区", "经开区", true],
  ["五大新区", "新区", true],
  ["三个园区", "园区", true],
  ["平度、莱西、胶州三市开发区", "开发区", true],
  ["国家级经开区", "经开区", true],
  ["全省开发区", "开发区", true],
  ["省级以上开发区", "开发区", true],
  ["国家级农业高新区", "高新区", true],
  ["主题园区", "园区", true],
  ["推动开发区高质量发展", "开发区", false],
  ["开发区管委会", "开发区", false],
  ["全面激发园区活力", "园区", false],
  ["据了解，新区今年", "新区", false],
  // A count before 的 counts the zones; a number of a time counts none.
  ["排名前三的开发区", "开发区", true],
  ["会议提出，四季度高新区将全力冲刺", "高新区", false],
];

describe("zone-type words standing alone", () => {
  it.each(BARE)("%s: %s, many or a kind = %s", (text, suffix, collective) => {
    const bare = recogniser.scan(text).filter((form) => form.name === "");
    expect(bare.map((form) => [form.suffix, form.collective])).toEqual([[suffix, collective]]);
  });
});

describe("产业园: a park named by a known place and an open sector", () => {
  // The gazetteer knows the country's areas (潍坊, 寿光); the dictionary's other "places" (中德, 海洋) are not enough.
  const gazetteer = Gazetteer.load();
  const zonesIn = (text: string) => gazetteer.mentions(text).map((mention) => mention.zone);
  it.each([
    // Any words between the place and the type word are its sector; a rank is kept as written.
    ["潍坊国家动漫产业园开园", ["潍坊国家动漫产业园"]],
    ["绍兴制伞产业园", ["绍兴制伞产业园"]],
    // A place in brackets before the sector is the park's own place (the city before it says where it lies).
    ["潍坊（寿光）蔬菜产业园", ["寿光蔬菜产业园"]],
    ["烟台（莱山）动漫产业园建成", ["莱山动漫产业园"]],
    ["中德氢能装备产业园开工", []],
    // An area whose stem is one character (攀枝花's 西区) is a common word: the west part of a zone.
    ["在西区新能源汽车产业园开工", []],
  ])("%s → %j", (text, zones) => {
    expect(zonesIn(text)).toEqual(zones);
  });
});
