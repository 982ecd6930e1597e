import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a statistics bulletin's income lines, and a visitor count with its inbound part.
const bulletin = `---
title: 松源新区2025年统计公报
date: 2026-03-18
zone: 松源新区
---
全年城镇居民人均可支配收入51230元，比上年增长5.8%；农村居民人均可支配收入26410元，增长7.1%。全年接待游客412万人次，其中入境游客6.3万人次。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "bulletin.md": bulletin }));
});
afterAll(() => close());

describe("a part that swaps the restriction of the measure before", () => {
  it("asks the swapped measure (农村的呢 after 城镇居民人均可支配收入)", async () => {
    const answer = await engine.ask("松源新区25年城镇居民人均可支配收入多少？农村的呢？");
    expect(answer.answer).toContain("51230元");
    expect(answer.answer).toContain("26410元");
  });

  it("never answers a restricted measure with the whole", async () => {
    const inbound = await engine.ask("松源新区25年接待了多少入境游客？");
    expect(inbound.answer).toContain("6.3万人次");
    expect(inbound.answer).not.toMatch(/为412万人次/u);
  });
});
