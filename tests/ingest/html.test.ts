import { describe, expect, it } from "vitest";
import { extractHtmlArticle, htmlToText } from "../../src/ingest/index.js";
import { parseDocument } from "../../src/ingest/dom.js";
import { htmlWords, stripSiteSuffix } from "../../src/ingest/html-words.js";

const PARAGRAPHS = [
  "3月18日，滨海产业园召开一季度项目推进会。会上通报，园区一季度新签约项目27个，计划总投资164亿元，其中过亿元项目11个。",
  "园区负责人介绍，今年园区将围绕新能源装备、海洋生物两条产业链开展精准招商，力争全年新签约项目100个以上。",
  "截至目前，园区在建重点项目42个，已完成投资38.6亿元，同比增长15.2%。",
];

/** A CMS page: masthead and menu, breadcrumbs, the article with its data line, a pager, a hot list and a footer. */
function cmsPage(head: string, beforeArticle = "", articleTop = ""): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${head}<script>var s = "脚本文字";</script></head><body>
<div class="top"><h1 class="logo">滨海融媒</h1>
<ul class="menu"><li><a href="/">网站首页</a></li><li><a href="/news/">园区动态</a></li><li><a href="/policy/">政策文件</a></li><li><a href="/about/">联系我们</a></li></ul></div>
<div class="crumb">您当前的位置：首页 &gt; 园区动态</div>${beforeArticle}
<div class="article">${articleTop}
<div class="info">发布时间：2024-03-19　来源：滨海融媒　浏览次数：</div>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n")}
<p>责任编辑：周某</p>
</div>
<div class="pager"><a href="/1.html">上一篇：园区举办招聘会</a> <a href="/3.html">下一篇：春季植树活动启动</a></div>
<div class="hot"><h3>热点推荐</h3><ul><li><a href="/9.html">园区道路改造完工</a></li><li><a href="/8.html">企业座谈会召开</a></li></ul></div>
<div class="footer"><p>Copyright © 2018-2024 滨海融媒 版权所有</p><p>备案号：鲁ICP备12345678号-1　公网安备 37021102000001号</p>
<p>友情链接：<a href="#">某某政府网</a> | <a href="#">某某日报</a></p><p>主办：某某区委宣传部　承办：某某区融媒体中心</p></div>
</body></html>`;
}

describe("extractHtmlArticle: main content", () => {
  const article = extractHtmlArticle(cmsPage("<title>滨海产业园一季度新签约项目27个_滨海融媒</title>", "", "<h1>滨海产业园一季度新签约项目27个</h1>"));

  it("keeps the article's paragraphs, one per line, and nothing else", () => {
    expect(article.text.split(/\n+/)).toEqual(PARAGRAPHS);
  });

  it.each(["网站首页", "您当前的位置", "上一篇", "热点推荐", "Copyright", "ICP备", "公网安备", "友情链接", "主办", "浏览次数", "脚本文字", "责任编辑"])(
    "drops 「%s」",
    (furniture) => {
      expect(article.text).not.toContain(furniture);
    },
  );

  it("takes title, date and outlet from the page", () => {
    expect(article).toMatchObject({ title: "滨海产业园一季度新签约项目27个", outlet: "滨海融媒", date: { date: "2024-03-19", evidence: "发布时间：2024-03-19" } });
  });
});

describe("extractHtmlArticle: titles", () => {
  it.each([
    { name: "og:title wins", head: `<meta property="og:title" content="园区新签约项目27个"><title>别的标题 - 滨海新闻网</title>`, title: "园区新签约项目27个" },
    { name: "an underscore always precedes the site", head: "<title>园区新签约项目27个_滨海融媒</title>", title: "园区新签约项目27个" },
    { name: "a government site after a dash", head: "<title>园区新签约项目27个-滨海区人民政府网</title>", title: "园区新签约项目27个" },
    { name: "a news site after a spaced dash", head: "<title>园区一季度“成绩单”：新签约项目27个 - 滨海新闻网</title>", title: "园区一季度“成绩单”：新签约项目27个" },
    { name: "a channel and a site", head: "<title>园区新签约项目27个_园区动态_滨海融媒</title>", title: "园区新签约项目27个" },
    { name: "a dash inside the headline stays", head: "<title>中德合作-新能源项目落地园区</title>", title: "中德合作-新能源项目落地园区" },
    { name: "a title that is only the site falls back to the article's h1, not the logo", head: "<title>滨海融媒</title><meta property=\"og:site_name\" content=\"滨海融媒\">", title: "园区新签约项目27个" },
  ])("$name", ({ head, title }) => {
    const article = extractHtmlArticle(cmsPage(head, "", "<h1>园区新签约项目27个</h1>"));
    expect(article.title).toBe(title);
  });

  it("the footer never gives the title", () => {
    const article = extractHtmlArticle(cmsPage(""));
    expect(article.title ?? "").not.toMatch(/ICP|版权|链接/);
  });

  it.each([
    ["园区新签约项目27个_滨海融媒", { title: "园区新签约项目27个", site: "滨海融媒" }],
    ["园区新签约项目27个 | 滨海资讯", { title: "园区新签约项目27个", site: "滨海资讯" }],
    ["园区新签约项目27个——专访园区负责人", { title: "园区新签约项目27个——专访园区负责人" }],
    ["项目_网", { title: "项目_网" }],
  ])("stripSiteSuffix(%s)", (title, expected) => {
    expect(stripSiteSuffix(title, htmlWords())).toEqual(expected);
  });
});

describe("extractHtmlArticle: publish date and its evidence", () => {
  it.each([
    { head: '<meta name="publishdate" content="2024-03-20">', date: "2024-03-20" },
    { head: '<meta property="article:published_time" content="2024-03-21T09:30:00+08:00">', date: "2024-03-21" },
    { head: '<meta name="pubdate" content="2024/03/22">', date: "2024-03-22" },
    { head: '<meta name="PubDate" content="2024-03-23 10:00">', date: "2024-03-23" },
    { head: '<meta name="keywords" content="园区"><meta name="publishdate" content="未知"><meta name="pubdate" content="20240324">', date: "2024-03-24", evidence: '<meta name="pubdate" content="20240324">' },
    { head: "", date: "2024-03-19", evidence: "发布时间：2024-03-19" },
  ])("$head", ({ head, date, evidence }) => {
    const article = extractHtmlArticle(cmsPage(head));
    expect(article.date).toEqual({ date, evidence: evidence ?? head });
  });

  it("「发表时间：」 outside the article counts too", () => {
    const page = `<html><body><div class="time">发表时间：2023-11-02</div><article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
    expect(extractHtmlArticle(page).date).toEqual({ date: "2023-11-02", evidence: "发表时间：2023-11-02" });
  });

  it("no date anywhere: none", () => {
    expect(extractHtmlArticle(`<html><body><article><p>${PARAGRAPHS[0]}</p></article></body></html>`).date).toBeUndefined();
  });
});

describe("extractHtmlArticle: structure", () => {
  it("<br>, <li> and data tables keep their line breaks; tables read as one sentence per cell", () => {
    const page = `<html><head><title>园区主要指标</title></head><body><article>
      <p>${PARAGRAPHS[0]}</p>
      <p>一季度，园区实现：<br>规上工业产值增长9.1%；<br>固定资产投资增长12.4%。</p>
      <ul><li>新能源装备产业链项目12个；</li><li>海洋生物产业链项目8个。</li></ul>
      <table><thead><tr><th>指标</th><th>2023年</th><th>2024年目标</th></tr></thead>
      <tbody><tr><td>新签约项目</td><td>96个</td><td>100个</td></tr><tr><td>到账外资</td><td>1.2亿美元</td><td></td></tr></tbody></table>
      <p>${PARAGRAPHS[1]}</p></article></body></html>`;
    const lines = extractHtmlArticle(page).text.split(/\n+/);
    expect(lines).toEqual([
      PARAGRAPHS[0],
      "一季度，园区实现：",
      "规上工业产值增长9.1%；",
      "固定资产投资增长12.4%。",
      "新能源装备产业链项目12个；",
      "海洋生物产业链项目8个。",
      "2023年 新签约项目 96个。",
      "2024年目标 新签约项目 100个。",
      "2023年 到账外资 1.2亿美元。",
      PARAGRAPHS[1],
    ]);
  });

  it("falls back to the page without navigation and footer when the extractor finds nothing, with a warning", () => {
    const article = extractHtmlArticle(cmsPage("<title>园区新签约项目27个_滨海融媒</title>"), { findContent: () => undefined });
    expect(article.warnings.map((w) => w.reason)).toEqual(["html-extraction-fallback"]);
    for (const paragraph of PARAGRAPHS) expect(article.text).toContain(paragraph);
    expect(article.text).not.toMatch(/ICP备|友情链接|上一篇|您当前的位置/);
  });

  it("content that is only furniture counts as nothing found", () => {
    const footerOnly = () => parseDocument("<html><body><p>Copyright © 2024 滨海融媒 版权所有</p></body></html>").body!;
    const article = extractHtmlArticle(cmsPage(""), { findContent: footerOnly });
    expect(article.warnings.map((w) => w.reason)).toEqual(["html-extraction-fallback"]);
    expect(article.text).toContain(PARAGRAPHS[0]);
  });

  it("htmlToText keeps the raw <title> and the page's text without scripts", () => {
    const { text, title } = htmlToText(cmsPage("<title>园区新签约项目27个_滨海融媒</title>"));
    expect(title).toBe("园区新签约项目27个_滨海融媒");
    expect(text).toContain(PARAGRAPHS[2]);
    expect(text).not.toContain("脚本文字");
  });
});
