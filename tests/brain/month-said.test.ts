import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: two summer events of one zone, one dated 「日前」 in an August report, one by its July day.
const august = `---
title: 鹿鸣高新区夏季重点项目集中开工
date: 2020-08-05
zone: 鹿鸣高新区
---
日前，鹿鸣高新区2020年夏季重点项目集中开工活动举行，集中开工重点项目14个，总投资66亿元。
`;
const july = `---
title: 鹿鸣高新区24个重点项目集中开工
date: 2020-07-20
zone: 鹿鸣高新区
---
7月18日，鹿鸣高新区2020年夏季重点项目集中开工活动举行，24个重点项目集中开工，总投资205.2亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "a-august.md": august, "b-july.md": july }));
});
afterAll(() => close());

describe("an event asked by its month", () => {
  it("is the one dated by that month in words before one dated 日前 in the next month's report", async () => {
    const answer = await engine.ask("鹿鸣高新区2020年7月集中开工的重点项目总投资多少？");
    expect(answer.answer).toContain("205.2亿元");
  });
});
