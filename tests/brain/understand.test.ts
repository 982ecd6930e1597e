import { describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/brain/lexicon.js";
import { readQuestion } from "../../src/brain/understand.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";

const gazetteer = Gazetteer.load();
const lexicon = loadLexicon();
const read = (question: string) => readQuestion(question, { gazetteer, lexicon, referenceYear: 2024 });

// The question reader uses the recognisers articles are read with: the same spans, no second word list.
const rows: [string, { year?: number; period?: string; month?: number; kind?: "target" | "actual" }][] = [
  ["董家口二〇二三年港口吞吐量多少", { year: 2023 }],
  ["董家口2023年度港口吞吐量多少", { year: 2023 }],
  ["董家口去年港口吞吐量多少", { year: 2023 }],
  ["董家口今年计划港口吞吐量多少", { year: 2024, kind: "target" }],
  ["董家口2023年1—5月港口吞吐量完成多少", { year: 2023, period: "M1-5", kind: "actual" }],
  ["董家口2023年前三季度港口吞吐量多少", { year: 2023, period: "M1-9" }],
  ["2023年10月董家口集中开工了多少个项目", { year: 2023, month: 10 }],
  ["董家口2023年一季度港口吞吐量多少", { year: 2023, period: "M1-3", month: undefined }],
];

describe("readQuestion reads time and kind with the shared recognisers", () => {
  it.each(rows)("%s", (question, expected) => {
    const frame = read(question);
    expect(frame.year).toBe(expected.year);
    if ("period" in expected) expect(frame.period).toBe(expected.period);
    expect(frame.month).toBe(expected.month);
    if ("kind" in expected) expect(frame.kind).toBe(expected.kind);
  });

  it("keeps what is measured free of time words and kind cues", () => {
    const frame = read("董家口2023年1—5月港口吞吐量完成多少");
    expect(frame.metricText).toBe("港口吞吐量");
  });

  it("keeps 增长 in what is measured when it is said as 增长了", () => {
    expect(read("董家口2023年港口吞吐量增长了多少").metricText).toBe("港口吞吐量增长");
  });
});

describe("readQuestion: a place inside a facility's name is no zone asked about", () => {
  it.each([
    // The place sits between other characters of the name and its ending word.
    ["鹤鸣光谷青岛产业园入驻了多少家企业？", []],
    ["云杉科技青岛研究院有多少研发人员？", []],
    // Opening the question, or before a time, it is the zone asked about.
    ["青岛市2023年新签约项目多少个？", ["青岛市"]],
  ])("%s → %j", (question, zones) => {
    expect(read(question).zones).toEqual(zones);
  });
});

describe("chat words that ask nothing", () => {
  it.each([
    // Made-up chat questions: the opener is no part of the zone's name, the closer no content word.
    ["问下董家口2023年港口吞吐量多少", ["青岛董家口经济区"], "董家口2023年港口吞吐量多少"],
    ["请问一下，董家口2023年港口吞吐量多少来着？", ["青岛董家口经济区"], "董家口2023年港口吞吐量多少？"],
    ["帮我查一下董家口去年港口吞吐量", ["青岛董家口经济区"], "董家口去年港口吞吐量"],
    // Nothing to leave out.
    ["董家口2023年港口吞吐量多少", ["青岛董家口经济区"], "董家口2023年港口吞吐量多少"],
  ])("%s", (question, zones, asked) => {
    const frame = read(question);
    expect(frame.zones).toEqual(zones);
    expect(frame.question).toBe(asked);
    expect(frame.terms).not.toContain("来着");
  });
});

describe("a class of projects is no project's name", () => {
  it.each([
    // Made-up questions: how a batch of projects is asked about, and a project asked by its own name.
    ["董家口那批集中开工项目总投资多少", []],
    ["董家口2023年10月集中竣工投产的重点项目有几个", []],
    ["董家口今年外资大项目有几个", []],
    ["董家口海晶化工新材料项目总投资多少", ["海晶化工新材料项目"]],
    // A size class by magnitude; a name that only holds 亿 or 万 (亿通, 万驰) is still a name.
    ["董家口2023年过亿项目有几个", []],
    ["董家口2023年百亿级项目有几个", []],
    ["2019年在董家口开工的亿通冷链物流中心总投资多少", ["亿通冷链物流中心"]],
    ["董家口2022年开工的万驰总部基地项目总投资是多少", ["万驰总部基地项目"]],
  ])("%s → %j", (question, entities) => {
    expect(read(question).entities).toEqual(entities);
  });
});

describe("question words never merge with a neighbour into a content word", () => {
  it.each([
    // Made-up questions: 哪天开 → 天开, 多少家德资 → 家德资 would be read as words.
    ["董家口2024年工作会是哪天开的", "天开"],
    ["董家口落户了多少家德资企业", "家德资"],
    ["董家口2022年GDP的目标值是多少", "目标值"],
    ["董家口2023年开工的鹿鸣产业园达产后能实现多少年产值", "后能"],
    // An amount the question states is no word: 2000亿定 would leave 亿定.
    ["董家口规上产值破2000亿定在哪一年", "亿定"],
  ])("%s has no term %s", (question, junk) => {
    expect(read(question).terms).not.toContain(junk);
  });
});

describe("a metric's short form the segmenter cuts across is read whole", () => {
  it.each([
    // Made-up question: 社零增长 is cut 社|零增长; 社零 is a wording the synonym table knows.
    ["滨江新区上半年社零增长多少", "社零", "零增长"],
  ])("%s: the term %s, not %s", (question, whole, piece) => {
    const terms = read(question).terms;
    expect(terms).toContain(whole);
    expect(terms).not.toContain(piece);
  });
});

describe("了 marks a verb's aspect, the verb is what is asked", () => {
  it.each([
    // Made-up questions: 签了 asks 签 (of 签约), 投了 asks 投 (of 投资).
    ["滨江新区一季度签了几个重大项目", "签了", "签"],
    ["滨江新区这批开工的项目投了多少", "投了", "投"],
  ])("%s: no term %s, the verb %s", (question, withAspect, verb) => {
    const terms = read(question).terms;
    expect(terms).not.toContain(withAspect);
    expect(terms).toContain(verb);
  });
});

describe("one character after 多少 or 几 closing the question is what is measured", () => {
  it.each([
    // Made-up questions: 税 (of 税收, 纳税) and 电 (of 用电量) are asked; units and magnitudes are not.
    ["滨江新区去年交了多少税", "税", true],
    ["松溪园区上个月用了多少电", "电", true],
    ["松溪园区今年投资多少亿", "亿", false],
    ["滨江新区去年签了几个", "个", false],
    ["松溪园区投资多少钱", "钱", false],
  ])("%s: %s is a term: %s", (question, char, asked) => {
    expect(read(question).terms.includes(char)).toBe(asked);
  });
});

describe("a copula glued to a word is not asked", () => {
  it.each([
    // Made-up questions.
    ["滨江新区纳税十强前三是哪几家", "前三", "前三是"],
    ["松溪园区高企数量各是多少", "数量", "各是"],
  ] as const)("%s: %s, not %s", (question, kept, dropped) => {
    const terms = read(question).terms;
    expect(terms).toContain(kept);
    expect(terms).not.toContain(dropped);
  });
});

describe("how something is done asks a description", () => {
  it.each([
    // Made-up questions: a how-word before a verb asks the manner, whatever measure its words name.
    ["松溪园区设备投资补助是怎么规定的", "describe"],
    ["滨江新区对低效企业咋处理", "describe"],
    ["如何申报松溪园区固定资产投资奖励", "describe"],
    // How things stand (怎么样, 咋样) and a count (多少) are not a manner.
    ["松溪园区投资怎么样", "numeric"],
    ["松溪园区怎么吸引了这么多投资，一共多少", "numeric"],
  ] as const)("%s → %s", (question, type) => {
    expect(read(question).type).toBe(type);
  });
});

describe("a price's unit is what it is per (一亩 = 每亩)", () => {
  it.each([
    // Made-up questions: 「9.6万元/亩」「每平方米月租12元」 say the unit without 一 or 每 before it.
    ["松溪园区工业用地多少钱一亩", ["工业用地", "每亩"], ["一亩"]],
    ["滨江新区标准厂房每平方米租金多少", ["标准厂房", "租金", "每平方米"], []],
    ["松溪园区一季度产值多少", ["产值"], []],
    ["松溪园区外贸扶持一家企业一年最多拿多少", ["外贸", "扶持"], ["每家"]],
  ] as const)("%s: terms include %j, not %j", (question, kept, dropped) => {
    const terms = read(question).terms;
    for (const term of kept) expect(terms).toContain(term);
    for (const term of dropped) expect(terms).not.toContain(term);
  });
});

describe("what is measured, in the question's words", () => {
  it.each([
    // Made-up questions: 有/达到 before 多少 ask, they measure nothing.
    ["董家口2023年重点项目完成投资额有多少？", "重点项目投资额"],
    ["董家口2023年港口吞吐量达到了多少", "港口吞吐量"],
    // The unit asked with 多少/几 goes with it: 开工…项目 stays whole.
    ["董家口2022年10月集中开工了多少个重点项目", "集中开工重点项目"],
    ["董家口2022年实际使用外资多少亿美元", "使用外资"],
    ["董家口2022年落户了几家德资企业", "落户德资企业"],
    // 一共/共 before the ask count nothing of their own.
    ["董家口2022年10月重点项目集中开工，一共多少个项目？", "重点项目集中开工项目"],
    ["董家口2022年共有几家德资企业落户", "德资企业落户"],
  ])("%s → %s", (question, metric) => {
    expect(read(question).metricText).toBe(metric);
  });
});

describe("what a comparison measures", () => {
  it.each([
    // The comparison's ask and its adjective are no part of the measure, nor the 和 between the compared zones.
    ["董家口和前湾保税港区2023年港口吞吐量谁多？", "港口吞吐量"],
    ["董家口2023年港口吞吐量和集装箱量哪个更大一些？", "港口吞吐量和集装箱量"],
    ["董家口2023年港口吞吐量增速谁的快", "港口吞吐量增速"],
  ])("%s → %s", (question, measured) => {
    expect(read(question).metricText).toBe(measured);
  });
});

describe("colloquial question words", () => {
  it("reads 啥时候 as asking a time, and as no content word", () => {
    const frame = read("董家口的工作动员大会是啥时候开的？");
    expect(frame.type).toBe("when");
    expect(frame.terms).not.toContain("啥时候");
  });
});

describe("a zone named only by a short form of its own", () => {
  it("is the zone asked about, and its words are no content words", () => {
    const frame = read("青岛高新技术区2023年进出口多少");
    expect(frame.zones).toEqual(["青岛高新区"]);
    expect(frame.terms.join("")).not.toContain("高新技术区");
    expect(frame.metricText).toBe("进出口");
  });
});

describe("a zone's short form inside a project's name", () => {
  it("stays part of the name (only a short form in the subject's place is blanked)", () => {
    // A learnt zone whose short form (化工产业园) ends a made-up project's name.
    const learnt = gazetteer.withZones(["平度新河化工产业园区"]);
    const frame = readQuestion("星海船舶化工产业园项目总投资多少？", { gazetteer: learnt, lexicon, referenceYear: 2024 });
    expect(frame.metricText).toContain("化工产业园");
  });
});

describe("pointing words before a name", () => {
  it.each([
    ["那个职业教育实训基地项目投资多少", ["职业教育实训基地项目"]],
    // After a zone word, a pointing word before a bare type word leaves no name (那条园区…).
    ["经开区那条园区公交专线多长", []],
  ])("%s → %j", (question, entities) => {
    expect(read(question).entities).toEqual(entities);
  });
});

describe("how-words of a chat question are no content", () => {
  it.each([
    ["北岭综保区的保税维修是怎么操作的？", "操作"],
    ["北岭经开区外贸增量奖励咋算？", "咋算"],
    ["什么样的企业能申请北岭经开区这笔资金？", "什么样"],
  ])("%s has no term %s", (question, word) => {
    expect(read(question).terms.some((term) => term.includes(word))).toBe(false);
  });
});
