import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { SearchArticlesArgs, UnknownZoneError } from "../../src/tools/index.js";
import { seedEngine } from "../support/engine.js";

let engine: Engine;
let cleanup: () => void;
beforeAll(async () => {
  ({ engine, cleanup } = await seedEngine());
});
afterAll(() => cleanup?.());

describe("tools", () => {
  it("search_articles returns passages with their source, title and date, filtered by zone alias", async () => {
    const passages = await engine.tools.searchArticles({ query: "上合示范区 中欧班列", zone: "上合示范区", k: 3 });
    expect(passages.length).toBeGreaterThan(0);
    expect(passages[0]).toMatchObject({ source: "002_4973a8be1e9bc1fe.txt", date: "2023-04-15", title: expect.any(String) });
    expect(passages.some((p) => p.text.includes("中欧班列203列"))).toBe(true);
    expect(passages.every((p) => p.zones.length > 0)).toBe(true);
  });

  it("lookup_metric finds a fact by metric wording, zone alias and year, with verbatim evidence", () => {
    const facts = engine.tools.lookupMetric({ metric: "新签约入驻企业", zone: "黄岛开发区", year: 2022 });
    const fact = facts.find((f) => f.raw.startsWith("100"));
    expect(fact).toBeDefined();
    expect(fact).toMatchObject({ zone: "青岛经济技术开发区", year: 2022, unit: "家", qualifier: "以上", source: "000_2ff4632f0b7735b9.txt" });
    expect(fact!.evidence).toContain("100家以上");
  });

  it("compare_zones ranks zones on one metric", () => {
    const rows = engine.tools.compareZones({ metric: "产业项目", year: 2020, zones: ["董家口经济区", "国际经济合作区"] });
    expect(rows.map((r) => r.zone)).toEqual(expect.arrayContaining(["青岛董家口经济区", "国际经济合作区"]));
    expect(rows[0]!.best.value).toBeGreaterThanOrEqual(rows[1]!.best.value);
  });

  it("list_projects lists project and investment facts of a zone", () => {
    const projects = engine.tools.listProjects({ zone: "青岛经开区", year: 2022 });
    expect(projects.length).toBeGreaterThan(3);
    expect(projects.every((p) => p.zone === "青岛经济技术开发区")).toBe(true);
  });

  it("validates arguments with zod and names unknown zones", async () => {
    expect(() => SearchArticlesArgs.parse({ query: "" })).toThrow();
    expect(() => SearchArticlesArgs.parse({ query: "x", k: 500 })).toThrow();
    await expect(engine.tools.searchArticles({ query: "项目", zone: "火星开发区" })).rejects.toThrow(UnknownZoneError);
  });
});
