import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import type { Article, Fact } from "../../src/domain/types.js";
import { extractFacts } from "../../src/facts/index.js";
import { CorpusStore } from "../../src/store/corpus-store.js";

/** A fact's year: its clause, then its paragraph, then the article's title, then its reported period. */

const gazetteer = Gazetteer.load();

function article(text: string, date: string, title = "t"): Article {
  return { id: "r.txt#0", source: "r.txt", part: 0, title, date, dateEvidence: null, zones: ["青岛蓝谷"], text, contentHash: "x" };
}

function factFor(facts: Fact[], raw: string): Fact {
  const found = facts.find((f) => f.raw === raw);
  if (!found) throw new Error(`no fact ${raw}; have ${facts.map((f) => f.raw).join(" ")}`);
  return found;
}

describe("an annual review published in February", () => {
  const text = [
    "青岛蓝谷召开工作会议，回顾一年来发展成绩，部署今年重点任务。",
    "全年实现地区生产总值512.3亿元，同比增长7.1%。全年新签约过亿元项目48个，完成固定资产投资136亿元。",
    "今年，青岛蓝谷将力争地区生产总值增长8%，新签约过亿元项目55个。",
    "目标是引进高新技术企业120家。",
  ].join("\n");
  const { facts } = extractFacts(article(text, "2024-02-01", "青岛蓝谷召开2024年工作会议"), gazetteer);

  it("files its 全年 results under the year it reviews", () => {
    expect(factFor(facts, "512.3亿元")).toMatchObject({ year: 2023, kind: "actual", periodKey: "Y" });
    expect(factFor(facts, "7.1%")).toMatchObject({ year: 2023, kind: "actual" });
    expect(factFor(facts, "48个").year).toBe(2023);
    expect(factFor(facts, "136亿元").year).toBe(2023);
  });

  it("files its 今年 and 目标 figures under the publication year", () => {
    expect(factFor(facts, "8%")).toMatchObject({ year: 2024, kind: "target" });
    expect(factFor(facts, "55个")).toMatchObject({ year: 2024, kind: "plan" });
    expect(factFor(facts, "120家")).toMatchObject({ year: 2024, kind: "target" });
  });
});

describe("the same sentences published mid-year", () => {
  it("keeps 全年 in the publication year", () => {
    const { facts } = extractFacts(article("全年实现地区生产总值512.3亿元，同比增长7.1%。", "2024-07-01"), gazetteer);
    expect(factFor(facts, "512.3亿元").year).toBe(2024);
  });
});

describe("a February plan", () => {
  it("keeps its 全年 goals in the publication year", () => {
    const text = "青岛蓝谷将着力培育光电产业集群，力争全年新签约过亿元项目36个，全年力争实现外贸进出口总额增长20%以上。";
    const { facts } = extractFacts(article(text, "2024-02-01"), gazetteer);
    expect(factFor(facts, "36个")).toMatchObject({ year: 2024, kind: "plan" });
    expect(factFor(facts, "20%")).toMatchObject({ year: 2024, kind: "target" });
  });

  it("keeps 今年以来 figures in the publication year", () => {
    const { facts } = extractFacts(article("今年以来，青岛蓝谷累计完成固定资产投资5.2亿元。", "2024-02-20"), gazetteer);
    expect(factFor(facts, "5.2亿元")).toMatchObject({ year: 2024, periodKey: "ytd" });
  });
});

describe("a 全年 after a year named earlier in its paragraph", () => {
  it("restates that year", () => {
    const text = "过去一年，青岛蓝谷经济稳中有进。全年新签约过亿元项目30个。";
    const { facts } = extractFacts(article(text, "2024-04-15"), gazetteer);
    expect(factFor(facts, "30个").year).toBe(2023);
  });
});

describe("the title's year", () => {
  it("names the year of figures nothing else dates", () => {
    const text = "青岛蓝谷完成地区生产总值512.3亿元，同比增长7.1%。";
    const { facts } = extractFacts(article(text, "2024-05-10", "青岛蓝谷2023年地区生产总值达512.3亿元"), gazetteer);
    expect(factFor(facts, "512.3亿元").year).toBe(2023);
  });

  it("gives a plan's title year to its goals, not to the results beside them", () => {
    const text = ["1至11月，青岛蓝谷完成固定资产投资120亿元。", "青岛蓝谷将力争新签约过亿元项目40个。"].join("\n");
    const { facts } = extractFacts(article(text, "2023-12-20", "2024年经济工作怎么干？青岛蓝谷这样答"), gazetteer);
    expect(factFor(facts, "120亿元").year).toBe(2023);
    expect(factFor(facts, "40个").year).toBe(2024);
  });

  it("is not used when it names two years", () => {
    const text = "青岛蓝谷完成地区生产总值512.3亿元。";
    const { facts } = extractFacts(article(text, "2024-05-10", "晒出2023年成绩单 部署2024年任务"), gazetteer);
    expect(factFor(facts, "512.3亿元").year).toBe(2024);
  });
});

describe("a fact's month", () => {
  const text = [
    "3月16日，青岛蓝谷春季重点项目集中开工活动举行，18个项目集中开工。",
    "10月29日，青岛蓝谷秋季重点项目集中开工活动举行。共有26个项目集中开工，总投资151.2亿元。",
    "1至5月，青岛蓝谷完成固定资产投资52亿元。",
  ].join("\n");
  const { facts } = extractFacts(article(text, "2023-11-02"), gazetteer);

  it("is the month its sentence or paragraph names, so two events of one year differ", () => {
    expect(factFor(facts, "18个")).toMatchObject({ month: 3, year: 2023 });
    expect(factFor(facts, "26个")).toMatchObject({ month: 10, year: 2023 });
    expect(factFor(facts, "151.2亿元").month).toBe(10);
  });

  it("is null for a month range, which is a period", () => {
    expect(factFor(facts, "52亿元")).toMatchObject({ month: null, periodKey: "M1-5" });
  });

  it("is kept by the fact store", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zonebot-month-"));
    try {
      const store = CorpusStore.open(path.join(dir, "corpus.db"));
      store.putArticles([article(text, "2023-11-02")], facts, (metric) => metric);
      const stored = store.facts();
      store.close();
      expect(stored.find((f) => f.raw === "26个")?.month).toBe(10);
      expect(stored.find((f) => f.raw === "52亿元")?.month).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a statistics bulletin published months after the year it reports", () => {
  const text = ["经统一核算，2022年即墨区完成生产总值1513.33亿元，同比增长2.6%。", "农业生产总体稳定。全年农林牧渔业总产值173.8亿元，增长3.4%。年末生猪存栏29.7万头。"].join("\n");
  const { facts } = extractFacts(article(text, "2023-04-10", "即墨区2022年经济运行情况"), gazetteer);

  it("files 全年 and 年末 figures under the year its title names, not the publication year", () => {
    expect(factFor(facts, "173.8亿元").year).toBe(2022);
    expect(factFor(facts, "29.7万").year).toBe(2022);
  });
});
