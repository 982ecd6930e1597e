import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/index.js";
import { tempConfig } from "../support/engine.js";

const temp = tempConfig("zonebot-cli-");
afterAll(() => temp.cleanup());

function zonebot(args: string[], input?: string) {
  return spawnSync(process.execPath, [path.join(PROJECT_ROOT, "bin/zonebot.mjs"), ...args, "--data-dir", temp.dataDir], {
    input, encoding: "utf8", cwd: PROJECT_ROOT, env: { ...process.env, ZONEBOT_DATA_DIR: "" }, timeout: 120_000,
  });
}

describe("zonebot ask CLI contract", () => {
  it("--jsonl: one JSON object per input line, nothing else on stdout; builds the index first", () => {
    const input = [
      JSON.stringify({ id: "a", question: "青岛开发区2022年外贸进出口总额的增长目标是多少？" }),
      JSON.stringify({ id: 7, question: "青岛开发区2021年的GDP是多少？" }),
      "not json",
    ].join("\n");
    const result = zonebot(["ask", "--jsonl"], input);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    const [first, second, third] = lines.map((line) => JSON.parse(line));
    expect(Object.keys(first).sort()).toEqual(["answer", "citations", "facts", "found", "id", "question"]);
    expect(first).toMatchObject({ id: "a", found: true });
    expect(first.answer).toContain("20%");
    expect(first.citations[0]).toEqual(expect.objectContaining({ source: "000_2ff4632f0b7735b9.txt", title: expect.any(String), date: expect.any(String), quote: expect.any(String) }));
    expect(second).toMatchObject({ id: 7, found: false, citations: expect.any(Array) });
    expect(third.found).toBe(false);
    expect(third.error).toMatch(/JSON/);
  });

  it("--json prints one object; plain ask prints answer and sources", () => {
    const json = zonebot(["ask", "--json", "青岛蓝谷2023年要推动多少个重点项目建设？"]);
    expect(json.status, json.stderr).toBe(0);
    const record = JSON.parse(json.stdout);
    expect(record.found).toBe(true);
    expect(record.answer).toContain("112");
    const plain = zonebot(["ask", "青岛蓝谷2023年要推动多少个重点项目建设？"]);
    expect(plain.stdout).toContain("来源");
    expect(plain.stdout).toContain("002_4973a8be1e9bc1fe.txt");
  });

  it("facts --csv lists the table with a header", () => {
    const result = zonebot(["facts", "--zone", "青岛经开区", "--year", "2022", "--csv"]);
    expect(result.status, result.stderr).toBe(0);
    const [header, ...rows] = result.stdout.trim().split("\n");
    expect(header).toBe("zone,year,kind,metric,subject,raw,qualifier,value,unit,period,source,evidence");
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((row) => row.startsWith("青岛经济技术开发区,2022,"))).toBe(true);
  });
});
