import { describe, expect, it } from "vitest";
import { asksChange, questionAsksChange, writesPlaceFor, pointsAhead, definesSubject, enumerationStep, givesCause, writesChange, headingYear, sectionHeading, paragraphTopic, partNamedBefore, refersBack, reportsSpeech, saysWhere, titlesDocument, placesSubject, setsScene } from "../../src/reading/index.js";

describe("paragraphTopic: the topic a paragraph names at its head", () => {
  it.each([
    ["综合排名方面，全省共有5家开发区跻身全国30强。", "综合排名方面"],
    ["分行业看，汽车制造业增长9.4%。", "分行业看"],
    ["从三次产业看，第一产业增加值95亿元。", "从三次产业看"],
    ["在招商引资方面，园区新引进项目12个。", "在招商引资方面"],
    // A time, a subject or a whole sentence is no heading.
    ["2023年，园区实现地区生产总值500亿元。", undefined],
    ["过去一年，园区新签约项目45个。", undefined],
    ["园区经济运行稳中向好。", undefined],
  ])("%s → %s", (paragraph, topic) => {
    expect(paragraphTopic(paragraph)).toBe(topic);
  });
});

describe("headingYear: the year a section heading names", () => {
  it.each([
    ["2025年：科创平台加速集聚", 2025],
    ["2026年重点项目", 2026],
    ["一、2023年工作回顾", 2023],
    // A heading with no year ends the section before it.
    ["指标对照", null],
    // Sentences, list items and lines with figures are no headings.
    ["2025年新签约项目32个", undefined],
    ["- 园区配套码头完工", undefined],
    ["过去一年，园区新签约项目45个。", undefined],
  ] as const)("%s → %s", (paragraph, year) => {
    expect(headingYear(paragraph)).toBe(year);
  });
});

describe("definesSubject: a sentence that says what its subject is", () => {
  it.each([
    ["鹿鸣湾新区位于海州市南部沿海，是以先进制造为特色的省级新区。", true],
    ["作为全省首个国家级高新区，栖霞高新区集聚了大批软件企业。", true],
    ["栖霞经开区成立于1992年，规划面积48平方公里。", true],
    ["园区总面积120平方公里，辖4个街道。", true],
    // A cue deep in the sentence, or one with no subject before it, is no definition.
    ["园区有关负责人在接受采访时表示，这是一次难得的机遇。", false],
    ["是日，园区举行项目集中签约仪式。", false],
    ["上半年，园区实现规上工业总产值186亿元。", false],
    // A label before a colon (an editor's note, a speaker) is not the subject.
    ["编者按：芜湖国家高新技术产业开发区是安徽省首批国家级高新区。", true],
  ] as const)("%s → %s", (sentence, defines) => {
    expect(definesSubject(sentence)).toBe(defines);
  });
});

describe("partNamedBefore: the part a figure after 其中 is of", () => {
  it.each([
    ["全区规上企业210家，其中，专精特新企业46家，去年", "营业收入", "专精特新企业"],
    ["今年1—9月完成投资88亿元，其中", "民间投资", ""],
    ["其中，11月", "当月进口", ""],
    // Parts listed side by side are each named by their own measure, or by their item's name.
    ["园区重点企业产值均大幅增长，其中甲芯、乙光电分别增长", "增长", ""],
    // After another figure, a clause with a measure name of its own is the list's next item.
    ["其中，签约项目总投资同比增长1.9%，总量达到302.1亿元，技术合同登记成交额逾", "技术合同登记成交额", ""],
    ["一季度进出口总额58.6亿元，其中，保税加工进出口额21.3亿元，跨境电商进出口额", "跨境电商进出口额", ""],
    ["园区产值增长8%，新签约项目12个", "总投资", ""],
  ])("%s | %s → %s", (before, measure, part) => {
    expect(partNamedBefore(before, measure)).toBe(part);
  });
});

describe("refersBack: a sentence about a subject named before it", () => {
  it.each([
    ["该项目位于城阳区，计划总投资12亿元。", true],
    ["按照计划，项目2024年将完成主体工程。", true],
    // A project named in the sentence is its own subject.
    ["鑫宇项目总投资12亿元。", false],
    ["园区新签约项目24个。", false],
  ])("%s → %s", (sentence, expected) => {
    expect(refersBack(sentence)).toBe(expected);
  });
});

describe("enumerationStep: the point a sentence states in a list of points", () => {
  it.each([
    ["今年重点做好四项工作：一是扩大有效投资，加快项目建设；", 1],
    ["二是培育新兴产业，壮大数字经济；", 2],
    ["三是优化营商环境。", 3],
    ["下一步，一是抓招商，二是抓服务。", 1],
    // 是 after a numeral inside a word or a count is no point.
    ["这是一个统一是非标准的问题。", undefined],
    ["园区共有十家企业，其中三家是外资企业。", undefined],
    ["园区第一季度实现营收50亿元。", undefined],
  ])("%s → %s", (sentence, step) => {
    expect(enumerationStep(sentence)).toBe(step);
  });
});

describe("reportsSpeech: a sentence that reports or quotes what someone said", () => {
  it.each([
    ["两江新区相关负责人表示，这也是新区继续推动高质量发展的底气所在。", true],
    ["“这张成绩单说明，新区经济韧性强、长期向好的基本面没有改变。”", true],
    // A name in quotation marks is no quote.
    ["“四新”经济是崂山跑出加速度的重要原因。", false],
    ["上半年，园区实现规上工业总产值186亿元。", false],
  ])("%s → %s", (sentence, expected) => {
    expect(reportsSpeech(sentence)).toBe(expected);
  });
});

describe("givesCause: a sentence that gives a cause", () => {
  it.each([
    ["“四新”经济是崂山跑出加速度的重要原因。", true],
    ["这主要得益于新能源汽车产业的快速增长。", true],
    ["上半年，园区实现规上工业总产值186亿元。", false],
  ])("%s → %s", (sentence, expected) => {
    expect(givesCause(sentence)).toBe(expected);
  });
});

describe("writesChange: a sentence that says how something changed", () => {
  it.each([
    // Made-up sentences: from where it started to where it got, or a verb reaching a new level.
    ["十年间，园区面积从6平方公里扩展到58平方公里。", true],
    ["松溪园区的位次由上年的第5名升至第3名。", true],
    ["二季度增速跃升至全省第一。", true],
    ["企业数量由120家增加到186家，翻了一番。", true],
    // 从 and 到 in different clauses say no change; nor does a figure alone.
    ["从企业反映的情况看，到位资金仍然偏少。", false],
    ["上半年，园区实现规上工业总产值186亿元。", false],
  ])("%s → %s", (sentence, expected) => {
    expect(writesChange(sentence)).toBe(expected);
  });

  it("is what a change-asking question word asks", () => {
    expect(asksChange("变化")).toBe(true);
    expect(asksChange("面积")).toBe(false);
    expect(questionAsksChange("松溪园区的排名跟上一年度比咋变了")).toBe(true);
    expect(questionAsksChange("松溪园区变电站建成了吗")).toBe(false);
  });

  it.each([
    ["排名", "松溪园区由上年的第5名升至第3名", true],
    ["名次", "位列全国第17位", true],
    ["排名", "园区实现营收120亿元", false],
    ["面积", "位列全国第17位", false],
  ])("a place in a ranking: %s in %s → %s", (term, text, expected) => {
    expect(writesPlaceFor(term, text)).toBe(expected);
  });
});

describe("pointsAhead: a sentence that points at what follows", () => {
  it.each([
    ["一起来看要点👇", true],
    ["现将有关情况通报如下：", true],
    ["上半年，园区实现规上工业总产值186亿元。", false],
  ])("%s → %s", (sentence, expected) => {
    expect(pointsAhead(sentence)).toBe(expected);
  });
});

describe("saysWhere: a sentence that says where something is", () => {
  it.each([
    ["位于即墨城区北部的汽车产业新城规划面积93平方公里。", true],
    ["园区地处胶州湾北岸。", true],
    ["上半年，园区实现规上工业总产值186亿元。", false],
  ])("%s → %s", (sentence, expected) => {
    expect(saysWhere(sentence)).toBe(expected);
  });
});

describe("titlesDocument: an official document's title speaks for its sections", () => {
  it.each([
    ["关于组织申报2024年度科技创新奖励资金的通知", true],
    ["关于印发《滨江高新区支持科技创新若干措施》的通知", true],
    ["《滨江开发区招商引资奖励办法》", true],
    ["滨江高新区上半年经济运行稳中向好", false],
    ["滨江开发区2024年大事记", false],
    // A piece reading a document is titled by it.
    ["《滨江经开区支持新材料产业发展若干政策》解读", true],
    ["一图读懂滨江高新区人才新政", false],
  ] as const)("%s → %s", (title, document) => {
    expect(titlesDocument(title)).toBe(document);
  });
});

describe("placesSubject: a place after a location cue says where the subject is", () => {
  it.each([
    ["位于滨江新区西部的凤栖岭度假区游人如织", "滨江新区", true],
    ["园区地处滨江新区北部", "滨江新区", true],
    ["滨江新区西部的凤栖岭度假区游人如织", "滨江新区", false],
    ["位于滨江新区西部的凤栖岭度假区游人如织", "凤栖岭度假区", false],
  ] as const)("%s: %s → %s", (text, place, where) => {
    expect(placesSubject(text, text.indexOf(place))).toBe(where);
  });
});

describe("setsScene", () => {
  it.each([
    ["北岭新区管委会主任王明、副主任李强出席，介绍新区去年发展情况", true],
    ["市委宣传部副部长赵丽主持", true],
    ["各位记者朋友，大家上午好！", true],
    ["全年完成规模以上工业总产值486.3亿元，同比增长9.4%", false],
    ["新区新引进外资项目29个", false],
  ])("%s → %s", (sentence, scene) => {
    expect(setsScene(sentence)).toBe(scene);
  });
});

describe("sectionHeading: what the paragraphs below a heading give", () => {
  it.each([
    ["三、申报时间", "申报时间"],
    ["（二）重点任务", "重点任务"],
    ["## 招商引资", "招商引资"],
    ["2026年重点项目", "2026年重点项目"],
    // A sentence is no heading, nor a list item.
    ["申报时间为2026年6月1日至6月30日。", undefined],
    ["- 大洋钻探船配套码头完工", undefined],
  ])("%s → %s", (paragraph, heading) => {
    expect(sectionHeading(paragraph)).toBe(heading);
  });
});
