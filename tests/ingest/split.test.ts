import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { articlesFromText, splitArticles } from "../../src/ingest/index.js";

const LONG = "青岛西海岸新区今年以来新签约项目100个，总投资500亿元，同比增长20%以上，项目建设持续提速。";

describe("splitArticles (synthetic pages)", () => {
  it("splits at bylines and datelines and titles a piece by the headline above its byline", () => {
    const raw = [`新区项目建设提速`, `□记者 王明 报道`, `　　${LONG}`, ``, `　　本报讯 ${LONG}`].join("\n");
    const pieces = splitArticles(raw);
    expect(pieces.map((p) => [p.title, p.titleSource])).toEqual([
      ["新区项目建设提速", "headline"],
      ["青岛西海岸新区今年以来新签约项目100个", "derived"],
    ]);
    expect(pieces[1]!.text.startsWith("本报讯")).toBe(true);
  });

  it("folds a piece with almost no body into the previous one", () => {
    const raw = [`□记者 王明 报道`, `　　${LONG}`, `□记者 李强 报道`, `　　短讯一则。`].join("\n");
    const pieces = splitArticles(raw);
    expect(pieces).toHaveLength(1);
    expect(pieces[0]!.text.endsWith("短讯一则。")).toBe(true);
    expect(pieces[0]!.bylines).toEqual(["□记者 王明 报道", "□记者 李强 报道"]);
  });

  it("starts a new piece after a jump-out marker", () => {
    const raw = `　　${LONG}（下转第四版）\n　　${LONG}`;
    const pieces = splitArticles(raw);
    expect(pieces).toHaveLength(2);
    expect(pieces[0]!.continuesTo).toBe("（下转第四版）");
  });

  it("lends a sibling's dateline date to pieces of the same page with no other date", () => {
    const raw = [`□记者 王明 报道`, `　　本报2022年5月6日讯 ${LONG}`, `□记者 李强 报道`, `　　${LONG}`].join("\n");
    const articles = articlesFromText(raw, { source: "page.txt", contentHash: "x" }, Gazetteer.load());
    expect(articles.map((a) => a.date)).toEqual(["2022-05-06", "2022-05-06"]);
    expect(articles.map((a) => a.dateEvidence)).toEqual(["本报2022年5月6日讯", "本报2022年5月6日讯"]);
  });
});

describe("a headline of two lines", () => {
  // Written for this test: a factual kicker naming the zone above a slogan headline, then the body in columns.
  const raw = ["锦溪科技城党工委召开工作会议", "凝心聚力　奋力开创新局面", "", "　　本报讯（记者　王明）3月3日，", "会议回顾去年工作，部署今年任务。", "　　过去一年，园区企业营业收入增长", "13.2%，新认定高新技术企业39家。"].join("\n");

  it("keeps every line as the piece's headline", () => {
    expect(splitArticles(raw)[0]!.headline).toBe("锦溪科技城党工委召开工作会议 凝心聚力 奋力开创新局面");
  });

  it("takes the zone a kicker names as the article's home zone", () => {
    const [article] = articlesFromText(raw, { source: "page.txt", contentHash: "x" }, Gazetteer.load());
    expect(article!.zones[0]).toBe("锦溪科技城");
  });
});

describe("splitArticles (structured pages: Markdown, web)", () => {
  it("keeps short lines after the last paragraph as text — a list without sentence ends loses nothing", () => {
    const raw = ["园区召开工作会议部署全年任务。", "", "2025年：科创平台加速集聚", "", "海洋产业增加值312亿元，同比增长8.7%", "", "高新技术企业达到268家"].join("\n");
    const [piece, ...rest] = splitArticles(raw, undefined, "structured");
    expect(rest).toEqual([]);
    expect(piece!.text).toContain("海洋产业增加值312亿元");
    expect(piece!.text).toContain("高新技术企业达到268家");
  });
});

