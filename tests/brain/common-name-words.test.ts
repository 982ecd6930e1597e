import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: an archive where every word of the asked project's name is common (国能 names a group
// with many projects, 预制菜 a busy sector), and the one project with a figure this year is another one.
const files: Record<string, string> = {};
const others = ["国能新材料产业园", "国能智能家电产业园", "国能冷链物流中心", "国能氢能产业园", "华联预制菜产业园", "天禾预制菜产业园", "明德预制菜基地", "宏远预制菜产业园"];
others.forEach((name, i) => {
  files[`other${i}.md`] = `---\ntitle: ${name}开工\ndate: 2020-0${(i % 8) + 1}-10\nzone: 石桥经济技术开发区\n---\n石桥经开区${name}开工建设。\n`;
});
files["asked.md"] = `---
title: 星宇生物医药产业园竣工投产
date: 2019-01-08
zone: 石桥经济技术开发区
---
1月5日，石桥经开区星宇生物医药产业园建成投产，总投资3.8亿元，达产后可实现年产值5亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine(files));
});
afterAll(() => close());

describe("a project whose every name word is common", () => {
  it("is not answered by another project's figure: its least common word must be there", async () => {
    const answer = await engine.ask("2019年石桥经开区竣工投产的国能预制菜产业园达产后能实现多少年产值？");
    expect(answer.answer).not.toContain("5亿元");
  });
});
