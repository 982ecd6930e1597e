import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: counts of projects by size, in one sentence.
const review = `---
title: 鹿鸣高新区2024年招商成绩单
date: 2025-01-20
zone: 鹿鸣高新区
---
2024年，鹿鸣高新区全年招引亿元以上重大产业项目145个，其中10亿元以上项目18个，含百亿元以上项目1个。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "review.md": review }));
});
afterAll(() => close());

describe("「多少亿元以上项目」 counts projects of a size", () => {
  it("answers the count, not an amount of money", async () => {
    const answer = await engine.ask("鹿鸣高新区2024年招引了多少亿元以上项目？");
    expect(answer.found).toBe(true);
    expect(answer.answer.split("\n")[0]).toContain("145个");
  });
});
