import { describe, expect, it } from "vitest";
import { planQuestion, type Operation } from "../../src/brain/index.js";
import { loadLexicon } from "../../src/brain/lexicon.js";
import { readQuestion } from "../../src/brain/understand.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";

const gazetteer = Gazetteer.load();
const lexicon = loadLexicon();
const plan = (question: string) => planQuestion(readQuestion(question, { gazetteer, lexicon, referenceYear: 2024 }), lexicon);

// Questions written for this test, the way people type in a work chat.
const rows: [string, Operation][] = [
  ["中德生态园今年都干了些什么？", "brief"],
  ["介绍一下董家口", "brief"],
  ["灵山湾影视文化产业区是做什么的", "brief"],
  ["西海岸新区2023年经济整体咋样", "brief"],
  ["董家口2023年港口吞吐量多少", "value"],
  ["西海岸新区2022年GDP增速是多少", "value"],
  ["青岛开发区2022年有哪些目标？", "overview"],
  ["青岛开发区2022年和2021年新签约项目分别是多少", "perYear"],
  ["2022年即墨区和崂山区谁的GDP增速高？", "compare"],
  ["天津经开区和青岛开发区2023年哪个新签约项目多", "compare"],
  ["青岛开发区实际使用外资24年比23年多了多少", "gap"],
  ["青岛开发区2024年外贸增速和工业增速差多少", "gap"],
  ["", "empty"],
];

describe("planQuestion", () => {
  it.each(rows)("%s → %s", (question, op) => {
    expect(plan(question).op).toBe(op);
  });

  it("keeps the words of an open question beyond its zone as the brief's topic", () => {
    const brief = plan("西海岸新区2023年经济整体咋样");
    expect(brief.topic).toContain("经济");
    expect(brief.requests[0]).toMatchObject({ zone: "青岛西海岸新区", year: 2023 });
  });

  it("reads 「讲了啥」 and 「有啥安排」 as open questions, the latter about plans", () => {
    expect(plan("中德生态园2023年成绩单讲了啥").op).toBe("brief");
    const plans = plan("中德生态园四季度有啥安排");
    expect(plans.op).toBe("brief");
    expect(plans.requests[0]).toMatchObject({ kind: "target", period: "Q4" });
  });

  it("asks one request per year of a per-year question", () => {
    expect(plan("青岛开发区2022年和2021年新签约项目分别是多少").requests.map((r) => r.year)).toEqual([2022, 2021]);
  });
});

describe("per-year requests take the kind of their own clause", () => {
  it.each([
    // Made-up chat questions.
    ["董家口港口吞吐量23年完成多少，24年目标多少", [["actual", 2023], ["target", 2024]]],
    ["董家口港口吞吐量23年多少，24年计划多少", [[undefined, 2023], ["target", 2024]]],
    // One kind for the whole question: every year asks it.
    ["董家口2023年和2024年港口吞吐量目标分别多少", [["target", 2023], ["target", 2024]]],
  ] as const)("%s", (question, expected) => {
    const { op, requests } = plan(question);
    expect(op).toBe("perYear");
    expect(requests.map((request) => [request.kind, request.year])).toEqual(expected);
  });
});
