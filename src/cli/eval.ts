import type { Engine } from "../engine/index.js";
import { brainOf } from "./ask.js";
import { readEvalQuestions, scoreEvalAnswer, type EvalQuestion } from "../eval/score.js";


export async function runEval(engine: Engine, options: { file: string; json?: boolean; brain: string }): Promise<void> {
  const questions: EvalQuestion[] = readEvalQuestions(options.file);
  const byType = new Map<string, { pass: number; total: number }>();
  const failures: string[] = [];
  for (const question of questions) {
    const answer = await engine.ask(question.question, [], { brain: brainOf(options.brain) });
    const verdict = scoreEvalAnswer(question, answer);
    const tally = byType.get(question.type) ?? { pass: 0, total: 0 };
    tally.total++;
    if (verdict.pass) tally.pass++;
    else failures.push(`✗ ${question.id} [${question.type}] ${question.question}\n    why: ${verdict.reasons.join("; ")}\n    got: ${answer.answer.replace(/\n/g, " ⏎ ").slice(0, 300)}`);
    byType.set(question.type, tally);
  }
  const pass = [...byType.values()].reduce((a, t) => a + t.pass, 0);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ pass, total: questions.length, byType: Object.fromEntries(byType), failures })}\n`);
    return;
  }
  for (const [type, tally] of [...byType.entries()].sort()) {
    process.stdout.write(`${type.padEnd(14)} ${tally.pass}/${tally.total}  ${((100 * tally.pass) / tally.total).toFixed(0)}%\n`);
  }
  process.stdout.write(`${"overall".padEnd(14)} ${pass}/${questions.length}  ${((100 * pass) / questions.length).toFixed(1)}%\n`);
  if (failures.length) process.stdout.write(`\n${failures.join("\n")}\n`);
}
