import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { unverifiedNumbers } from "../../src/brain/index.js";
import { ingestFiles } from "../../src/corpus/index.js";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { createEngine } from "../../src/engine/index.js";
import { tempConfig } from "../support/engine.js";

const temp = tempConfig();
const inbox = mkdtempSync(path.join(tmpdir(), "zonebot-conflict-"));
afterAll(() => {
  temp.cleanup();
  rmSync(inbox, { recursive: true, force: true });
});

const article = (title: string, date: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\nzone: 青岛蓝谷\n---\n${body}\n`;

describe("two articles that disagree", () => {
  it("shows both figures with their sources instead of silently picking one", async () => {
    writeFileSync(path.join(inbox, "a.md"), article("蓝谷前三季度成绩单", "2024-10-20", "本报讯 今年前三季度，青岛蓝谷实现外贸进出口总额45.6亿元，同比增长8%。"));
    writeFileSync(path.join(inbox, "b.md"), article("蓝谷经济运行稳中向好", "2024-10-28", "本报讯 据统计，今年前三季度，青岛蓝谷实现外贸进出口总额46.2亿元，同比增长9%。"));
    await ingestFiles([temp.config.seedsDir, inbox], { config: temp.config, gazetteer: Gazetteer.load() });
    const engine = await createEngine(temp.config, { ensureSeeds: false });
    try {
      const answer = await engine.ask("青岛蓝谷2024年前三季度外贸进出口总额是多少？");
      expect(answer.found).toBe(true);
      expect(answer.answer).toContain("45.6亿元");
      expect(answer.answer).toContain("46.2亿元");
      expect(answer.answer).toMatch(/不一致/);
      expect(answer.citations.map((c) => c.source).sort()).toEqual(["a.md", "b.md"]);
      expect(unverifiedNumbers(answer.answer, answer.citations, [], [2024])).toEqual([]);
    } finally {
      engine.close();
    }
  });
});
