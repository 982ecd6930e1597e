import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// A made-up report about a park inside a district (the gazetteer's 即墨区 holds 青岛汽车产业新城) and one
// about a project there.
const park = `---
title: 汽车产业新城上半年成绩单
date: 2023-08-24
zone: 青岛汽车产业新城
---
2023年1至6月，青岛汽车产业新城累计签约亿元以上项目13个，去年同期为10个。
`;
const project = `---
title: 即墨区鹤鸣智造园开工
date: 2023-05-10
zone: 青岛汽车产业新城
---
日前，青岛汽车产业新城总投资32亿元的鹤鸣智造园项目开工。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "park.md": park, "project.md": project }));
});
afterAll(() => close());

describe("a zone's figure is its own", () => {
  it("does not give a park's figure for the district around it", async () => {
    const answer = await engine.ask("即墨区2023年1—6月签约亿元以上项目多少个？");
    expect(answer.found).toBe(false);
  });

  it("gives it for the park", async () => {
    const answer = await engine.ask("汽车产业新城2023年1—6月签约亿元以上项目多少个？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("13个");
  });

  it("answers a named project's figure wherever it is filed", async () => {
    const answer = await engine.ask("即墨区鹤鸣智造园项目总投资多少？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("32亿元");
  });
});
