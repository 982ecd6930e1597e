import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unverifiedNumbers } from "../../src/brain/index.js";
import type { Engine } from "../../src/engine/index.js";
import { scoreEvalAnswer } from "../../src/eval/score.js";
import { readEvalQuestions, seedEngine } from "../support/engine.js";

let engine: Engine;
let cleanup: () => void;
beforeAll(async () => {
  ({ engine, cleanup } = await seedEngine());
});
afterAll(() => cleanup?.());

describe("offline brain over the seeds", () => {
  it("answers a target question with number, qualifier, zone, year, kind and a citation", async () => {
    const answer = await engine.ask("青岛开发区2022年新签约入驻企业的目标是多少家？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("100家以上");
    expect(answer.answer).toContain("青岛经济技术开发区");
    expect(answer.answer).toContain("2022");
    expect(answer.answer).toContain("目标");
    expect(answer.citations[0]?.source).toBe("000_2ff4632f0b7735b9.txt");
  });

  it("resolves aliases: 黄岛开发区 and 经开区 mean 青岛经济技术开发区", async () => {
    const a = await engine.ask("黄岛开发区2022年外贸进出口总额增长目标是多少？");
    const b = await engine.ask("青岛经济技术开发区2022年外贸进出口总额的增长目标是多少？");
    expect(a.found && b.found).toBe(true);
    expect(a.answer).toContain("20%");
    expect(a.citations[0]?.quote).toBe(b.citations[0]?.quote);
  });

  it("declines when the sources do not say, without stating an uncited number", async () => {
    for (const question of ["青岛开发区2021年的GDP是多少？", "2020年青岛开发区的高新技术企业要达到多少家？", "上合示范区2023年引进了多少只大熊猫？"]) {
      const answer = await engine.ask(question);
      expect(answer.found, question).toBe(false);
      expect(answer.answer).toMatch(/没有找到/);
      expect(unverifiedNumbers(answer.answer, answer.citations, [], answer.frame.year ? [answer.frame.year] : [])).toEqual([]);
    }
  });

  it("uses the year of the question: a figure from another year is not an answer", async () => {
    const answer = await engine.ask("2021年全年黄岛口岸出口商用车多少辆？");
    expect(answer.found).toBe(false);
  });

  it("follows up on the previous turn (那2022年呢？ keeps zone and metric)", async () => {
    const first = await engine.ask("2020年西海岸新区国家高新技术企业要达到多少家？");
    expect(first.found).toBe(true);
    const followUp = await engine.ask("那青岛开发区2022年呢？", [{ question: first.question, frame: first.frame }]);
    expect(followUp.frame.followUp).toBe(true);
    expect(followUp.found).toBe(true);
    expect(followUp.answer).toContain("200家以上");
  });

  it("a follow-up naming another year asks about that year as such, not about its target", async () => {
    const first = await engine.ask("青岛开发区2022年计划新签约过亿元项目多少个？");
    expect(first.answer).toContain("36个");
    const followUp = await engine.ask("那2021年呢？", [{ question: first.question, frame: first.frame }]);
    expect(followUp.found).toBe(true);
    expect(followUp.answer).toContain("30余个");
  });

  it("compares two zones and names the larger", async () => {
    const answer = await engine.ask("2020年董家口经济区和国际经济合作区，哪个计划推进的产业项目更多？");
    expect(answer.found).toBe(true);
    expect(answer.answer.indexOf("国际经济合作区")).toBeLessThan(answer.answer.indexOf("董家口"));
    expect(answer.answer).toContain("57");
    expect(answer.answer).toContain("53");
  });

  it("every number in every answer to the public questions appears in a cited source", async () => {
    for (const q of readEvalQuestions()) {
      const answer = await engine.ask(q.question);
      const verdict = scoreEvalAnswer(q, answer);
      expect(verdict.unverified, `${q.id}: ${answer.answer}`).toEqual([]);
    }
  });

  it("gives a clear message for an empty question", async () => {
    const answer = await engine.ask("   ");
    expect(answer.found).toBe(false);
    expect(answer.answer).toMatch(/请输入/);
  });
});

describe("zone overview", () => {
  it("lists a zone's targets for a year from the fact table, each number cited", async () => {
    const { engine, cleanup } = await seedEngine();
    try {
      const answer = await engine.ask("青岛开发区2022年有哪些目标？");
      expect(answer.found).toBe(true);
      expect(answer.facts.length).toBeGreaterThanOrEqual(5);
      expect(answer.facts.every((f) => f.zone === "青岛经济技术开发区" && f.year === 2022 && (f.kind === "target" || f.kind === "plan"))).toBe(true);
      expect(answer.answer).toContain("36个");
      expect(unverifiedNumbers(answer.answer, answer.citations, [], [2022])).toEqual([]);
    } finally {
      cleanup();
    }
  });
});

describe("questions over two years", () => {
  it("answers each year named, target and actual side by side", async () => {
    const { engine, cleanup } = await seedEngine();
    try {
      const answer = await engine.ask("青岛开发区2022年和2021年的新签约过亿元项目分别是多少？");
      expect(answer.found).toBe(true);
      expect(answer.answer).toContain("36个");
      expect(answer.answer).toContain("30余个");
      expect(answer.answer.indexOf("2022年")).toBeLessThan(answer.answer.indexOf("2021年"));
      expect(unverifiedNumbers(answer.answer, answer.citations, [], [2021, 2022])).toEqual([]);
    } finally {
      cleanup();
    }
  });
});
