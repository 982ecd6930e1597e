import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { defaultMarkers, dominantYear, earliestWritingDate, findDateline, findHeaderDate, loadArticleFile } from "../../src/ingest/index.js";

const markers = defaultMarkers();

describe("findHeaderDate", () => {
  it.each([
    { text: "滨海晨报　2024年1月29日　星期一　第三版\n\n园区新签约项目27个。", date: "2024-01-29", evidence: "滨海晨报　2024年1月29日　星期一　第三版", masthead: "滨海晨报" },
    { text: "某某日报 2023年3月13日 星期一\n标题\n正文。", date: "2023-03-13", evidence: "某某日报 2023年3月13日 星期一", masthead: "某某日报" },
    { text: "\n\n湾区观察　2025年11月7日　周五\n正文。", date: "2025-11-07", evidence: "湾区观察　2025年11月7日　周五", masthead: "湾区观察" },
    { text: "2022年6月30日　第A2版\n正文。", date: "2022-06-30", evidence: "2022年6月30日　第A2版" },
    { text: "2021-09-15\n标题\n正文。", date: "2021-09-15", evidence: "2021-09-15" },
    // A date and the paper's name alone on a line, in either order (no weekday, no page).
    { text: "2026年3月4日　湖畔日报\n标题\n正文。", date: "2026-03-04", evidence: "2026年3月4日　湖畔日报", masthead: "湖畔日报" },
    { text: "江城晚报 2019年8月2日\n标题\n正文。", date: "2019-08-02", evidence: "江城晚报 2019年8月2日", masthead: "江城晚报" },
    { text: "园区新签约项目27个\n发布时间：2024-02-02　来源：滨海融媒　浏览次数：\n正文。", date: "2024-02-02", evidence: "发布时间：2024-02-02　来源：滨海融媒　浏览次数：" },
  ])("$evidence", ({ text, date, evidence, masthead }) => {
    expect(findHeaderDate(text, markers)).toEqual(masthead ? { date, evidence, masthead } : { date, evidence });
  });

  it.each([
    ["a sentence that names a date is no header", "2023年3月13日星期一，园区召开项目推进会。\n正文。"],
    ["a date far below the top is no header", "标题\n副题\n导语\n正文一\n2023年3月13日 星期一\n"],
    ["an impossible date", "某某日报 2023年2月30日 星期四\n正文。"],
    ["a page header without a date", "某某日报·区市观察　第六版\n正文。"],
    ["a date before words that name no paper is a headline", "2024年3月4日园区签约项目\n正文。"],
  ])("%s", (_name, text) => {
    expect(findHeaderDate(text, markers)).toBeUndefined();
  });
});

describe("findDateline", () => {
  it.each([
    { paragraph: "本报讯（记者 王某 通讯员 李某）10月29日，园区召开推进会。", month: 10, day: 29, evidence: "本报讯（记者 王某 通讯员 李某）10月29日" },
    { paragraph: "本报讯　2月26日上午，全市重点项目集中开工。", month: 2, day: 26, evidence: "本报讯　2月26日" },
    { paragraph: "本报讯(记者 赵某)2023年7月3日，园区发布数据。", month: 7, day: 3, year: 2023, evidence: "本报讯(记者 赵某)2023年7月3日" },
    { paragraph: "本报8月11日讯 园区召开推进会。", month: 8, day: 11, evidence: "本报8月11日讯" },
    { paragraph: "新华社青岛5月6日电 园区发布数据。", month: 5, day: 6, evidence: "新华社青岛5月6日电" },
  ])("$evidence", ({ paragraph, month, day, year, evidence }) => {
    const found = findDateline(paragraph, markers);
    expect(found).toMatchObject({ month, day, evidence });
    expect(found?.year).toBe(year);
  });

  it("本报讯 without a day is no dateline", () => {
    expect(findDateline("本报讯 近日，园区召开推进会。", markers)).toBeUndefined();
  });
});

describe("earliestWritingDate", () => {
  it.each([
    ["2022年以来，园区落地项目247个。", "2022-01-01"],
    ["截至2023年底，园区企业达2100家。", "2023-12-01"],
    ["2020年以来……截至2021年末……", "2021-12-01"],
    ["根据最新公布的2022年各区县数据，园区全年实现产值1081亿元。", "2022-12-01"],
    ["2023年，园区全年力争新签约项目100个。", undefined],
    ["2019年，园区产值增长。", undefined],
  ])("%s", (text, expected) => {
    expect(earliestWritingDate(text, markers)).toBe(expected);
  });
});

describe("dominantYear", () => {
  it.each([
    ["2021年园区产值增长。2022年园区新签约项目80个，2022年新开工项目40个。", 2022],
    ["园区2024年上半年新开工项目12个，其中智造产业园计划2026年6月建成。", 2024],
    ["园区2023年签约项目30个，力争2025年全部投产。", 2023],
    ["港区二期工程预计2026年底建成投用。", 2026],
    ["园区今年新开工项目12个。", undefined],
    // The end of a plan's span is its horizon, not the year of writing.
    ["《示范区国土空间规划（2024—2040年）》提出，规划期为2024年至2040年，远期至2040年；2023年示范区实现产值310亿元，2023年新签约项目52个。", 2023],
  ])("%s", (text, expected) => {
    expect(dominantYear(text, markers)).toBe(expected);
  });
});

describe("date precedence through the loader", () => {
  const gazetteer = Gazetteer.load();
  let dir: string;
  const load = async (name: string, content: string) => {
    const path = join(dir, name);
    await writeFile(path, content);
    const [article] = await loadArticleFile(path, { gazetteer });
    return article!;
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ingest-dates-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const BODY = "　　本报讯（记者 王某）10月29日，记者从园区获悉，园区前三季度新签约项目58个，同比增长12%。\n";

  it.each([
    {
      name: "front matter first",
      file: "fm.txt",
      content: `---\ndate: 2023-10-30\n---\n滨海晨报　2023年10月31日　星期二\n\n园区前三季度成绩单\n\n${BODY}`,
      date: "2023-10-30",
      evidence: "front-matter",
    },
    {
      name: "html meta before a dated header line in the page",
      file: "page.html",
      content: `<html><head><meta name="publishdate" content="2023-11-01"></head><body><article><p>滨海晨报　2023年10月31日　星期二</p><p>${BODY.trim()}</p></article></body></html>`,
      date: "2023-11-01",
      evidence: '<meta name="publishdate" content="2023-11-01">',
    },
    {
      name: "a page header before the dateline",
      file: "header.txt",
      content: `滨海晨报　2023年10月31日　星期二　第二版\n\n园区前三季度成绩单\n\n${BODY}`,
      date: "2023-10-31",
      evidence: "滨海晨报　2023年10月31日　星期二　第二版",
    },
    {
      name: "a dateline with the body's year",
      file: "dateline.txt",
      content: `园区前三季度成绩单\n\n${BODY}　　2023年前三季度，园区实现规上工业产值386亿元。\n`,
      date: "2023-10-29",
      evidence: "本报讯（记者王某）10月29日",
    },
    {
      name: "a dateline never before 「…年以来」",
      file: "floor.txt",
      content: `园区三十年\n\n${BODY}　　2022年以来，园区落地项目247个。2020年，园区产值突破两千亿元；2020年园区获批综合保税区。\n`,
      date: "2022-10-29",
      evidence: "本报讯（记者王某）10月29日",
    },
    {
      name: "a page's dateline is never dated after its copyright year",
      file: "copyright.html",
      content: `<html><head><title>园区规划公开征求意见</title></head><body><article><p>　　本报讯（记者 王某）6月3日，园区发布《园区发展规划（2025—2040年）（征求意见稿）》，规划期为2025年至2040年，近期至2030年，远期至2040年。2040年园区产值力争突破3000亿元，2040年建成……</p></article><footer><p>Copyright © 2009-2025 某某网 版权所有</p></footer></body></html>`,
      date: "2025-06-03",
      evidence: "本报讯（记者王某）6月3日",
    },
    {
      name: "a dateline's year is never a plan's deadline",
      file: "deadline.txt",
      content: `园区项目集中开工\n\n　　本报讯（记者 王某）3月20日，园区2024年一季度重点项目集中开工。其中新能源装备产业园项目计划2026年6月建成。\n`,
      date: "2024-03-20",
      evidence: "本报讯（记者王某）3月20日",
    },
  ])("$name", async ({ file, content, date, evidence }) => {
    const article = await load(file, content);
    expect(article).toMatchObject({ date, dateEvidence: evidence });
  });

  it("a notice signed off with its issuer and a date: the date is the notice's, the sign-off is no title", async () => {
    const notice = [
      "滨海高新区管理委员会",
      "关于申报2024年度科技创新奖励资金的通知",
      "",
      "各有关企业：",
      "",
      "为鼓励企业加大研发投入，现将2024年度科技创新奖励资金申报事项通知如下。对新认定的高新技术企业给予一次性奖励20万元。",
      "",
      "申报截止时间为2024年6月30日。",
      "",
      "滨海高新区管理委员会",
      "2024年5月8日",
    ].join("\n");
    const article = await load("notice.txt", notice);
    expect(article).toMatchObject({ date: "2024-05-08", dateEvidence: "2024年5月8日" });
    expect(article.title).toBe("关于申报2024年度科技创新奖励资金的通知");
    expect(article.text.trim().endsWith("2024年5月8日")).toBe(true);
  });

  it("a circular titled with its issuer before 关于, numbered, addressed, signed off and noted 此件主动公开", async () => {
    const circular = [
      "江南省科学技术厅关于2025年度省级高新区创新能力评价结果的通报",
      "",
      "江科高字〔2026〕5号",
      "",
      "各设区市科技局，各省级以上高新区管委会：",
      "　　根据评价办法，省科技厅对全省省级以上高新区2025年度创新能力进行了评价。现将结果通报如下。",
      "　　一、评价结果",
      "　　临湖高新区、松溪高新区、石门高新区分列前三名，得分分别为92.1分、90.4分、88.7分。",
      "",
      "　　　　江南省科学技术厅",
      "　　　　2026年2月27日",
      "",
      "（此件主动公开）",
    ].join("\n");
    const article = await load("circular.txt", circular);
    expect(article.title).toBe("江南省科学技术厅关于2025年度省级高新区创新能力评价结果的通报");
    expect(article).toMatchObject({ date: "2026-02-27", dateEvidence: "2026年2月27日" });
  });

  it("a narrow column wrapped inside the dateline's brackets, at a name's spacing, is still one paragraph", async () => {
    const column = [
      "园区春季项目开工",
      "",
      "　　本报讯（记者　张　明　通讯员",
      "　王　芳）3月6日上午，园区",
      "2024年春季重点项目集中开工",
      "仪式举行。此次集中开工项目",
      "共18个，总投资96.5亿元。",
      "　　园区将加快项目建设进度，",
      "确保早日投产见效。",
      "　　一季度，园区实现规上工业",
      "产值52亿元。",
      "　　据介绍，园区今年计划开工",
      "项目60个。",
    ].join("\n");
    expect(await load("column.txt", `${column}\n`)).toMatchObject({ date: "2024-03-06" });
  });

  it("a year's results reported in a spring dateline are last year's", async () => {
    const text = "　　本报讯（记者 王某）2月6日，记者从园区获悉，根据最新公布的2022年各区县数据，园区全年实现产值1081亿元，2022年增速居全市第一。\n";
    expect(await load("results.txt", `园区去年增速第一\n\n${text}`)).toMatchObject({ date: "2023-02-06" });
  });

  it("the dated header line is kept out of the text; its masthead is the outlet", async () => {
    const article = await load("header-text.txt", `滨海晨报　2023年10月31日　星期二　第二版\n\n园区前三季度成绩单\n\n${BODY}`);
    expect(article.text).not.toContain("星期二");
    expect(article.title).toBe("园区前三季度成绩单");
    expect(article.outlet).toBe("滨海晨报");
  });

  it("a dateline's evidence is verbatim in the article's text", async () => {
    const article = await load("verbatim.txt", `园区前三季度成绩单\n\n${BODY}　　2023年前三季度，园区实现规上工业产值386亿元。\n`);
    expect(article.text).toContain(article.dateEvidence!);
  });
});
