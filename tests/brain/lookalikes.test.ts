import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unverifiedNumbers } from "../../src/brain/index.js";
import { ingestFiles } from "../../src/corpus/index.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { createEngine, type Engine } from "../../src/engine/index.js";
import { tempConfig } from "../support/engine.js";

/**
 * One zone, one metric, many look-alikes: other years, target vs actual, part of a year vs the whole,
 * another zone in the same sentence, and a zone only this archive's metadata knows (with a short form).
 */
const temp = tempConfig();
const inbox = mkdtempSync(path.join(tmpdir(), "zonebot-lookalike-"));
let engine: Engine;

const article = (name: string, title: string, date: string, zone: string, body: string) =>
  writeFileSync(path.join(inbox, name), `---\ntitle: ${title}\ndate: ${date}\nzone: ${zone}\n---\n${body}\n`);

beforeAll(async () => {
  article("plan-2022.md", "蓝谷锚定2022年目标", "2022-01-20", "青岛蓝谷",
    "本报讯 2022年，青岛蓝谷将聚焦招大引强，力争实际使用外资2.5亿美元，新签约过亿元项目20个。");
  article("q1-2022.md", "蓝谷一季度经济运行", "2022-04-18", "青岛蓝谷",
    "本报讯 今年一季度，青岛蓝谷实现到账外资6200万美元，同比增长12%，去年同期为5540万美元。同期，青岛高新区实现到账外资9100万美元。");
  article("review-2022.md", "蓝谷交出2022年成绩单", "2023-01-16", "青岛蓝谷",
    "本报讯 2022年，青岛蓝谷实际利用外资2.31亿美元，同比增长6.5%；新签约亿元以上项目18个。2021年，青岛蓝谷实际利用外资为2.17亿美元。");
  article("months-2023.md", "全市功能区1至5月比学赶超", "2023-06-12", "青岛国际院士港",
    "本报讯 1至5月，全市功能区招商引资稳中有进。其中，青岛国际院士港新签约过亿元项目7个；青岛蓝谷新签约过亿元项目9个。");
  article("ip-2022.md", "蓝谷知识产权工作成效", "2023-01-20", "青岛蓝谷",
    "本报讯 2022年，青岛蓝谷实现专利质押融资额3.6亿元。2023年，青岛蓝谷力争专利质押融资额达到4.5亿元。2021年，青岛蓝谷专利质押融资额为2.8亿元。");
  article("batch-2023.md", "蓝谷四季度重大项目集中开工", "2023-10-12", "青岛蓝谷",
    "本报讯 10月11日，青岛蓝谷第四季度重大项目集中开工活动在海纳智能制造基地项目现场举行。\n记者了解到，此次集中开工海纳智能制造基地项目、云帆新材料产业园项目等12个重点项目，总投资96.5亿元。\n其中，总投资18.2亿元的云帆新材料产业园项目是此次开工的龙头项目。");
  await ingestFiles([temp.config.seedsDir, inbox], { config: temp.config, gazetteer: Gazetteer.load() });
  engine = await createEngine(temp.config, { ensureSeeds: false });
});

afterAll(() => {
  engine?.close();
  temp.cleanup();
  rmSync(inbox, { recursive: true, force: true });
});

async function ask(question: string) {
  const answer = await engine.ask(question);
  // Whatever the answer, every number in it is in a cited source.
  expect(unverifiedNumbers(answer.answer, answer.citations, answer.derived, answer.frame.years)).toEqual([]);
  return answer;
}

describe("picking the right figure among look-alikes", () => {
  it("takes the target when the question says 目标 and the result when it says 完成, whatever the wording", async () => {
    const target = await ask("青岛蓝谷2022年实际利用外资的目标是多少？");
    expect(target.answer).toContain("2.5亿美元");
    expect(target.answer).not.toContain("2.31亿美元");
    const actual = await ask("青岛蓝谷2022年完成外资到账额多少？");
    expect(actual.answer).toContain("2.31亿美元");
    expect(actual.answer).not.toContain("2.5亿美元");
  });

  it("keeps years apart, including a year named only to compare (去年同期, 2021年为)", async () => {
    const earlier = await ask("青岛蓝谷2021年实际使用外资是多少？");
    expect(earlier.answer).toContain("2.17亿美元");
    const lastQ1 = await ask("青岛蓝谷2021年一季度到账外资多少？");
    expect(lastQ1.answer).toContain("5540万美元");
  });

  it("answers part of a year only with that part, and the whole year only with the whole", async () => {
    const q1 = await ask("青岛蓝谷2022年一季度实际使用外资多少？");
    expect(q1.answer).toContain("6200万美元");
    expect(q1.answer).not.toContain("2.31亿美元");
    const q1ByMonths = await ask("青岛蓝谷2022年1至3月利用外资多少？");
    expect(q1ByMonths.answer).toContain("6200万美元");
  });

  it("gives each zone its own figure from one sentence, and reads the period from the paragraph's lead", async () => {
    const other = await ask("青岛高新区2022年一季度到账外资是多少？");
    expect(other.answer).toContain("9100万美元");
    const learnt = await ask("院士港2023年1至5月新签约亿元以上项目多少个？");
    expect(learnt.answer).toContain("7个");
    expect(learnt.answer).not.toContain("9个");
  });

  it("declines a figure the archive does not have, showing the nearest it does", async () => {
    const missing = await ask("青岛蓝谷2022年上半年实际利用外资多少？");
    expect(missing.found).toBe(false);
    expect(missing.answer).toMatch(/没有找到/);
    const unreported = await ask("青岛蓝谷2020年新签约过亿元项目的目标是多少？");
    expect(unreported.found).toBe(false);
  });

  it("keeps look-alikes apart for a metric no synonym group knows, matched on its words", async () => {
    const actual = await ask("青岛蓝谷2022年专利质押融资额是多少？");
    expect(actual.answer).toContain("3.6亿元");
    expect(actual.answer).not.toMatch(/4\.5亿元|2\.8亿元/);
    const target = await ask("青岛蓝谷2023年专利质押融资额的目标是多少？");
    expect(target.answer).toContain("4.5亿元");
  });

  it("gives a named project's own investment, never the total of a list it is in", async () => {
    const own = await ask("云帆新材料产业园项目的总投资是多少？");
    expect(own.answer).toContain("18.2亿元");
    expect(own.answer).not.toContain("96.5亿元");
    const listed = await ask("海纳智能制造基地项目的总投资是多少？");
    expect(listed.answer).not.toMatch(/为96\.5亿元/);
    const unknown = await ask("远洋跨境电商创新中心项目总投资是多少？");
    expect(unknown.found).toBe(false);
  });

  it("answers a batch's count and total, and lists its projects from the sentence after the lead", async () => {
    const batch = await ask("青岛蓝谷2023年四季度集中开工了多少个项目？总投资多少？");
    expect(batch.answer).toContain("12个");
    expect(batch.answer).toContain("96.5亿元");
    const list = await ask("2023年四季度青岛蓝谷集中开工的是哪几个项目？");
    expect(list.answer).toContain("云帆新材料产业园项目");
  });

  it("compares zones on one metric, period and year from the fact table", async () => {
    const answer = await ask("2023年1至5月，院士港和青岛蓝谷哪个新签约过亿元项目更多？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(/^青岛蓝谷更多/);
    expect(answer.answer).toContain("7个");
    expect(answer.answer).toContain("9个");
  });
});
