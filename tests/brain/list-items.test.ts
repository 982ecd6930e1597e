import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a list of counted things in one sentence, each noun after its number.
const park = `---
title: 云梦影视产业园加速崛起
date: 2022-09-28
zone: 云梦影视产业区
---
硬件是吸引大片的关键。云梦影视产业园建有40个国际一流的高科技摄影棚、32个置景车间，配套水下制作中心。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "park.md": park }));
});
afterAll(() => close());

describe("a figure in a list counts the words of its own item", () => {
  it("answers the studios with 40, not the workshops listed after them", async () => {
    const studios = await engine.ask("云梦影视产业园有多少个摄影棚？");
    expect(studios.answer).toContain("40个");
    expect(studios.answer).not.toMatch(/为32个/);
    const workshops = await engine.ask("云梦影视产业园有多少个置景车间？");
    expect(workshops.answer).toContain("32个");
    expect(workshops.answer).not.toMatch(/为40个/);
  });
});
