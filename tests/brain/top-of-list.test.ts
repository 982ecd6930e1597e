import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// A made-up statistics review that lists industries one clause each (分行业看，A增长x%，占比y%；…).
const review = `---
title: 松岭湾经济开发区2023年工业运行综述
date: 2024-01-25
zone: 松岭湾经济开发区
---
2023年，开发区规模以上工业增加值同比增长6.1%。
分行业看，汽车制造业增加值增长9.4%，占规上工业的比重为18.2%；医药制造业增长15.8%，占比6.1%；化学原料和化学制品制造业增长3.2%，占比9.9%；专用设备制造业增长12.6%，占比7.4%。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "review.md": review }));
});
afterAll(() => close());

describe("the first of the items a passage lists", () => {
  it("ranks the listed items on the asked measure (growth, not share)", async () => {
    const answer = await engine.ask("松岭湾经济开发区2023年哪个行业增速最高？");
    expect(answer.found).toBe(true);
    const head = answer.answer.split("\n")[0]!;
    expect(head.startsWith("医药制造业最高")).toBe(true);
    expect(head.indexOf("15.8%")).toBeLessThan(head.indexOf("12.6%"));
    // Shares (占比) are another measure and are not ranked with the growth rates.
    expect(head).not.toContain("18.2%");
    // The zone's own total is not one of the items.
    expect(head).not.toContain("6.1%");
  });

  it("ranks from the bottom for 最低", async () => {
    const answer = await engine.ask("松岭湾经济开发区2023年哪个行业增速最低？");
    expect(answer.answer.split("\n")[0]!.startsWith("化学原料和化学制品制造业最低")).toBe(true);
  });
});
