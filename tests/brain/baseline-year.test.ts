import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a review published in January whose sentence names the year before only as a baseline (较…).
const review = `---
title: 松江经开区去年外资回升
date: 2025-01-20
zone: 松江经开区
---
1月18日，松江经开区召开工作会议。会上通报，全年完成进出口总额412.5亿元，实际使用外资5.6亿美元，较2023年的4.9亿美元明显回升。

园区新落户外资项目18个。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "review.md": review }));
});
afterAll(() => close());

describe("a year named after 较/比 is a baseline, not the sentence's year", () => {
  it("briefs the reviewed year (全年) with the sentence that compares it with the year before", async () => {
    const answer = await engine.ask("松江经开区2024年都干了些什么");
    expect(answer.answer).toContain("412.5亿元");
  });
});
