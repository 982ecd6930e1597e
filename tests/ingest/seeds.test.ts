import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import type { Article } from "../../src/domain/types.js";
import { loadArticleFile, splitArticles } from "../../src/ingest/index.js";

const seedPath = (name: string): string => fileURLToPath(new URL(`../../seeds/${name}`, import.meta.url));
const SEEDS = {
  s000: "000_2ff4632f0b7735b9.txt",
  s001: "001_1b73dbe1eaf2ba15.txt",
  s002: "002_4973a8be1e9bc1fe.txt",
  s003: "003_ea7d24cda00d3fdb.txt",
  s004: "004_f95bffb9c810cf88.txt",
} as const;

const loaded = new Map<string, Article[]>();
beforeAll(async () => {
  const gazetteer = Gazetteer.load();
  for (const name of Object.values(SEEDS)) loaded.set(name, await loadArticleFile(seedPath(name), { gazetteer }));
});
const articles = (name: string): Article[] => loaded.get(name)!;

describe("seed splitting and titles", () => {
  it("000: a headline-less lead piece, then the bylined piece under its headline", () => {
    const pieces = articles(SEEDS.s000);
    expect(pieces.map((a) => a.title)).toEqual(["突破“实、融、活、优”，打造全国标杆", "打造全国开发区高质量发展新标杆"]);
    expect(pieces[0]!.text.startsWith("做好今年经济工作，青岛开发区已经挂起作战图")).toBe(true);
    expect(pieces[1]!.text.startsWith("2022年经济工作怎么干？")).toBe(true);
    // in-body subheads stay in the text; bylines do not
    expect(pieces[1]!.text).toContain("\n着眼四个重点\n");
    expect(pieces[1]!.text).not.toContain("刘腾");
  });

  it("001: one piece titled by its main headline, kicker and trailing byline kept out", () => {
    const [piece, ...rest] = articles(SEEDS.s001);
    expect(rest).toHaveLength(0);
    expect(piece!.title).toBe("青岛经济技术开发区:以链式思维激活发展动力");
    expect(piece!.text).toContain("\n聚焦产业链,精准抓好项目招引\n");
    expect(piece!.text).not.toMatch(/王凯|■|产业链招引、工作链落地、要素链保障,推动/);
  });

  it("002: one piece, masthead furniture dropped", () => {
    const [piece, ...rest] = articles(SEEDS.s002);
    expect(rest).toHaveLength(0);
    expect(piece!.title).toBe("竞逐更快更高更强，青岛九大功能区“打擂”");
    expect(piece!.text.startsWith("擂台赛上，龙争虎斗")).toBe(true);
    expect(piece!.text).not.toMatch(/客户端|主编|青島日報|锡复春/);
  });

  it("003: one long continuation between jump markers", () => {
    const pieces = splitArticles(readFileSync(seedPath(SEEDS.s003), "utf8"));
    expect(pieces).toHaveLength(1);
    expect(pieces[0]!.continuedFrom).toBe("（上接第二版）");
    expect(pieces[0]!.continuesTo).toBe("（下转第四版）");
    expect(pieces[0]!.titleSource).toBe("derived");
    expect(pieces[0]!.title.endsWith("（续）")).toBe(true);
    expect(pieces[0]!.text).not.toMatch(/上接|下转/);
    expect(pieces[0]!.text).toContain("\n三、今年下一阶段工作安排\n");
  });

  it("004: bylined briefs, a headline printed after its body, and page-one continuations", () => {
    const pieces = articles(SEEDS.s004);
    expect(pieces).toHaveLength(8);
    expect(pieces[0]!.title).toBe("“微改革”助推大发展");
    expect(pieces[1]!.text.startsWith("本报8月11日讯")).toBe(true);
    expect(pieces[1]!.text).toContain("城市更新");
    expect(pieces[2]!.text.startsWith("本报讯")).toBe(true);
    expect(pieces[2]!.text).toContain("基层社会治理培训班");
    expect(pieces[3]!.title).toBe("国产商用车“排队”出海");
    expect(pieces[3]!.text).toContain("330辆国产商用车");
    expect(pieces[4]!.title.endsWith("（续）")).toBe(true);
    expect(pieces[4]!.text).toContain("气候投融资");
    expect(pieces[5]!.title).toBe("把“红色引擎”建在产业链上");
    expect(pieces[6]!.title).toContain("奋力完成全年各项目标任务");
    const split = splitArticles(readFileSync(seedPath(SEEDS.s004), "utf8"));
    expect(split.slice(4).every((p) => p.continuedFrom === "（上接第一版）")).toBe(true);
    expect(split[3]!.bylines).toEqual(["□记者 丁晓慧 通讯员 任保龙 报道"]);
  });

  it("gives stable ids, shared content hash and no empty pieces", () => {
    for (const [name, pieces] of loaded) {
      pieces.forEach((article, part) => {
        expect(article.id).toBe(`${seedPath(name)}#${part}`);
        expect(article.source).toBe(name);
        expect(article.text.length).toBeGreaterThanOrEqual(40);
        expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/);
        expect(article.text).not.toMatch(/\u3000|\n\n|^\s|\s$/);
      });
      expect(new Set(pieces.map((a) => a.contentHash)).size).toBe(1);
    }
  });
});

describe("seed dates and zones", () => {
  it("uses the checked-in sidecars", () => {
    expect(articles(SEEDS.s000)[0]!.date).toBe("2022-01-15");
    expect(articles(SEEDS.s001)[0]!.date).toBe("2022-05-15");
    expect(articles(SEEDS.s002)[0]).toMatchObject({ date: "2023-04-15", dateEvidence: "sidecar" });
    expect(articles(SEEDS.s003)[0]!.date?.startsWith("2020-06")).toBe(true);
  });

  it("prefers a dateline in the piece, completing its year from the sidecar", () => {
    const pieces = articles(SEEDS.s004);
    expect(pieces[1]).toMatchObject({ date: "2022-08-11", dateEvidence: "本报8月11日讯" });
    expect(pieces[1]!.text.slice(0, pieces[1]!.dateEvidence!.length)).toBe(pieces[1]!.dateEvidence);
    expect(pieces[0]).toMatchObject({ date: "2022-08-12", dateEvidence: "sidecar" });
  });

  it("sidecar evidence is verbatim in the cleaned text", async () => {
    for (const name of Object.values(SEEDS)) {
      const sidecar = JSON.parse(readFileSync(seedPath(name.replace(/\.txt$/, ".meta.json")), "utf8")) as { evidence: string };
      expect(articles(name).some((a) => a.text.includes(sidecar.evidence)), name).toBe(true);
    }
  });

  it("ranks zones by mentions", () => {
    expect(articles(SEEDS.s001)[0]!.zones[0]).toBe("青岛经济技术开发区");
    expect(articles(SEEDS.s002)[0]!.zones).toEqual(expect.arrayContaining(["上合示范区", "青岛自贸片区", "青岛蓝谷"]));
  });
});
