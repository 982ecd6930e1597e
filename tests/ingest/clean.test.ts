import { describe, expect, it } from "vitest";
import { cleanText, parseBlocks } from "../../src/ingest/index.js";

describe("cleanText: line joins", () => {
  it("joins words and numbers broken across column lines", () => {
    const raw = "　　做好今年经济工作，青岛开发\n区已经挂起作战图，全年新签约注册过亿元重点产业项目30\n余个。";
    expect(cleanText(raw)).toBe("做好今年经济工作，青岛开发区已经挂起作战图，全年新签约注册过亿元重点产业项目30余个。");
  });

  it("removes stray OCR spaces between Chinese characters and digits", () => {
    const raw = "　　加快推进总投 资\n2000亿元的88个项目。1至7\n月份 ，黄岛口岸共出口商用车。要 坚 持“策 划 带 动 ，规 划 引\n领”。";
    expect(cleanText(raw)).toBe("加快推进总投资2000亿元的88个项目。1至7月份，黄岛口岸共出口商用车。要坚持“策划带动，规划引领”。");
  });

  it("keeps spaces around Latin words", () => {
    const raw = "总投资110亿元的3D车载盖板 and 兴泰高端智能光电连接器等4个项目开工。";
    expect(cleanText(raw)).toBe(raw);
  });

  it("joins a flat paragraph broken by a blank line inside a word", () => {
    const raw = "聚焦工作链,精准推进项目建设\n\n塔吊林立,机器轰鸣,运输车辆往来穿\n\n梭,施工工人争分夺秒。";
    expect(cleanText(raw)).toBe("聚焦工作链,精准推进项目建设\n塔吊林立,机器轰鸣,运输车辆往来穿梭,施工工人争分夺秒。");
  });
});

describe("cleanText: paragraphs", () => {
  it("a numbered section heading on its own line ends its paragraph (a notice's 「三、申报时间」)", () => {
    const raw = ["三、申报时间", "2024年4月1日至4月30日，逾期不予受理。", "（二）支持标准", "对新认定企业奖励20万元。"].join("\n");
    expect(cleanText(raw).split("\n")).toEqual(["三、申报时间", "2024年4月1日至4月30日，逾期不予受理。", "（二）支持标准", "对新认定企业奖励20万元。"]);
  });


  it("starts paragraphs at indentation and ignores column breaks inside them", () => {
    const raw = [
      "　　“融”就是持续创新驱动发展",
      "要素耦合。紧盯独角兽、专精特新",
      "",
      "小巨人等品牌建设。",
      "　　“活”就是持续扩大对外开放",
      "平台效应。",
      "　　“优”就是持续提升营商环境。",
      "",
      "青岛开发区将抓牢抓实王台街道",
      "老工业片区改造提升。",
    ].join("\n");
    expect(cleanText(raw).split("\n")).toEqual([
      "“融”就是持续创新驱动发展要素耦合。紧盯独角兽、专精特新小巨人等品牌建设。",
      "“活”就是持续扩大对外开放平台效应。",
      "“优”就是持续提升营商环境。青岛开发区将抓牢抓实王台街道老工业片区改造提升。",
    ]);
  });

  it("treats one line per paragraph as paragraphs in flat text", () => {
    const raw = "第一段说完了。\n\n第二段也说完了。\n第三段，还有内容。";
    expect(cleanText(raw).split("\n")).toEqual(["第一段说完了。", "第二段也说完了。", "第三段，还有内容。"]);
  });

  it("keeps subheads as their own line and recognises headline groups", () => {
    const raw = "　　上一段结束了。\n 产业集聚效应凸显\n\n着眼四个重点\n\n　　过去一年，项目30\n余个。\n　　另一段。";
    const blocks = parseBlocks(raw);
    expect(blocks.map((b) => b.kind)).toEqual(["paragraph", "headline", "headline", "paragraph", "paragraph"]);
    expect(cleanText(raw).split("\n")).toEqual(["上一段结束了。", "产业集聚效应凸显", "着眼四个重点", "过去一年，项目30余个。", "另一段。"]);
  });

  it("does not take an unfinished paragraph line for a headline", () => {
    const raw = "　　上一段结束了。\n　　作为京东方项目服务保障的\n\n主要成员单位之一，青岛开发区一\n直顶格推进。\n　　下一段。";
    expect(parseBlocks(raw).every((b) => b.kind === "paragraph")).toBe(true);
    expect(cleanText(raw)).toContain("作为京东方项目服务保障的主要成员单位之一，青岛开发区一直顶格推进。");
  });
});

describe("cleanText: page furniture", () => {
  it("drops captions, client lines, editor lines, paper names, bylines and jump markers", () => {
    const raw = [
      "客户端: 青岛观 客户端: 观海新闻",
      "青島日報 聚焦",
      "主编 马晓月 美编 李晓萌 审读 王 岩 排版 戚晓明",
      "□本报记者 刘腾",
      "（上接第一版）新区顺利通过了评审。",
      "■青岛经济技术开发区。",
      "发挥行业商协会作用，（下转第四版）",
      "(王凯 朱书依)",
    ].join("\n");
    expect(cleanText(raw)).toBe("新区顺利通过了评审。\n发挥行业商协会作用，");
  });

  it.each(["本报记者　黄　敏", "本报记者 王晓 通讯员 赵磊", "记者　高　峰　通讯员　李　娜"])("drops a byline whose names are spaced out character by character: %s", (byline) => {
    expect(cleanText(`${byline}\n　　园区前10月主要指标保持较快增长。`)).toBe("园区前10月主要指标保持较快增长。");
  });

  it("strips full-width indentation everywhere", () => {
    const cleaned = cleanText("　　第一段。\n　　第二段。\n 　　第三段。");
    expect(cleaned).not.toMatch(/[\u3000]/);
    expect(cleaned.split("\n")).toHaveLength(3);
  });
});
