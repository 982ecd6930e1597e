import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { scoreEvalAnswer } from "../../src/eval/score.js";
import { readEvalQuestions, seedEngine } from "../support/engine.js";

let engine: Engine;
let cleanup: () => void;
beforeAll(async () => {
  ({ engine, cleanup } = await seedEngine());
});
afterAll(() => cleanup?.());

// A regression floor, not the target: `npm run eval` reports the actual figure (README).
describe("public eval", () => {
  it("passes at least 90% of the public questions and declines every unanswerable one", async () => {
    const questions = readEvalQuestions();
    const verdicts = await Promise.all(questions.map(async (q) => ({ q, verdict: scoreEvalAnswer(q, await engine.ask(q.question)) })));
    const passed = verdicts.filter((v) => v.verdict.pass).length;
    expect(passed / questions.length).toBeGreaterThanOrEqual(0.9);
    expect(verdicts.filter((v) => v.q.type === "unanswerable" && !v.verdict.pass).map((v) => v.q.id)).toEqual([]);
  });
});
