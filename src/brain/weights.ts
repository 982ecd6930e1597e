import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "../config/index.js";

const Group = z.record(z.string(), z.number());
const WeightsSchema = z.object({
  sentence: Group,
  evidence: Group,
  fact: Group,
  lookup: Group,
  brief: Group,
});

export type Weights = z.infer<typeof WeightsSchema>;

let cached: Weights | undefined;

/** The scorer's weights from data/answer-weights.json (read once; `setWeights` swaps them for fitting). */
export function weights(): Weights {
  cached ??= WeightsSchema.parse(JSON.parse(readFileSync(path.join(PROJECT_ROOT, "data", "answer-weights.json"), "utf8")));
  return cached;
}

/** One weight, failing loudly when the data file lacks it (a typo must not silently weigh 0). */
export function weight(group: keyof Weights, name: string): number {
  const value = weights()[group][name];
  if (value === undefined) throw new Error(`data/answer-weights.json has no ${group}.${name}`);
  return value;
}

/** For the fitting script: score with other weights than the data file's. */
export function setWeights(next: Weights): void {
  cached = next;
}
