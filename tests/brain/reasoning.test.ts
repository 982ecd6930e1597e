import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/index.js";
import { ingestFiles } from "../../src/corpus/index.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { createEngine, type Engine } from "../../src/engine/index.js";
import { unverifiedNumbers } from "../../src/brain/index.js";
import { tempConfig } from "../support/engine.js";

// Articles the engine was not built around (tests/eval/heldout/articles), ingested like any new ones.
const temp = tempConfig();
let engine: Engine;
beforeAll(async () => {
  await ingestFiles([temp.config.seedsDir, path.join(PROJECT_ROOT, "tests/eval/heldout/articles")], { config: temp.config, gazetteer: Gazetteer.load() });
  engine = await createEngine(temp.config, { ensureSeeds: false });
});
afterAll(() => {
  engine?.close();
  temp.cleanup();
});

const verified = (answer: Awaited<ReturnType<Engine["ask"]>>) =>
  unverifiedNumbers(answer.answer, answer.citations, answer.derived, answer.frame.year ? [answer.frame.year] : []);

describe("offline reasoning over several figures", () => {
  it("works out how far a target is from the actual so far, citing both", async () => {
    const answer = await engine.ask("胶东国际机场2023年要完成全年旅客吞吐量目标，下半年还差多少万人次？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("2400万人次");
    expect(answer.answer).toContain("1128.6万人次");
    expect(answer.answer).toContain("1271.4万人次");
    expect(verified(answer)).toEqual([]);
  });

  it("adds one figure from each of two zones, from two articles", async () => {
    const answer = await engine.ask("2024年一季度上合示范区和胶东临空经济示范区的外贸进出口加起来是多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(/186\.4亿元[\s\S]*37\.3亿元|37\.3亿元[\s\S]*186\.4亿元/);
    expect(answer.answer).toContain("223.7亿元");
    expect(verified(answer)).toEqual([]);
  });

  it("compares two zones whose comparison clause follows a time phrase", async () => {
    const answer = await engine.ask("2024年一季度，上合示范区和胶东临空经济示范区谁的外贸进出口额更高？");
    expect(answer.found).toBe(true);
    expect(answer.answer.startsWith("上合示范区")).toBe(true);
  });

  it("answers each part of a two-part question from its own sentence", async () => {
    const answer = await engine.ask("青岛京东方项目一期总投资多少？建成后每年能产多少显示模组？");
    expect(answer.answer).toContain("81.7亿元");
    expect(answer.answer).toContain("1.5亿片");
  });
});
