import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a Markdown review whose projects are listed under a heading, no colon anywhere.
const review = `---
title: 云梦园区2025年发展回顾与2026年工作安排
date: 2026-01-20
zone: 云梦经济技术开发区
---
# 云梦园区2025年发展回顾与2026年工作安排

云梦经济技术开发区召开工作会议，部署2026年重点任务。

## 2026年重点项目

- 海洋装备检测平台二期
- 滨海国际人才社区
- 云梦湾旅游度假区提升工程

园区负责人表示，2026年将推动更多实验室成果在区内就地产业化，力争科技成果转化项目落地40个以上。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "review.md": review }));
});
afterAll(() => close());

describe("a heading on a line of its own leads the list below it", () => {
  it("answers with the items under the heading, each kept apart", async () => {
    const answer = await engine.ask("云梦开发区2026年有哪些重点项目？");
    expect(answer.found).toBe(true);
    for (const item of ["海洋装备检测平台二期", "滨海国际人才社区", "云梦湾旅游度假区提升工程"]) expect(answer.answer).toContain(item);
    expect(answer.answer).toContain("二期；滨海");
  });
});
