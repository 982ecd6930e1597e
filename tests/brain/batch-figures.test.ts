import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: one event's batch and the year's total of one zone, reported separately.
const event = `---
title: 云梦开发区举行重点项目集中签约活动
date: 2019-12-20
zone: 云梦经济技术开发区
---
12月19日上午，云梦经济技术开发区重点项目集中签约活动举行。现场签约项目36个，协议总投资223.7亿元，涵盖半导体、汽车零部件等领域。
`;
const review = `---
title: 云梦开发区2019年经济运行平稳
date: 2020-01-20
zone: 云梦经济技术开发区
---
2019年，云梦经济技术开发区全年新签约项目110个，签约项目总投资512.3亿元。
`;

let engine: Engine;
let close: () => void = () => {};
let eventOnly: Engine;
let closeEventOnly: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "event.md": event, "review.md": review }));
  ({ engine: eventOnly, close: closeEventOnly } = await articleEngine({ "event.md": event }));
});
afterAll(() => {
  close();
  closeEventOnly();
});

describe("one event's batch is no year's total", () => {
  it("answers the year's total, not the batch signed on the day", async () => {
    const answer = await engine.ask("云梦开发区2019年签约项目完成了多少个？");
    expect(answer.answer).toContain("110个");
    expect(answer.answer).not.toContain("36个");
    const money = await engine.ask("云梦开发区2019年签约项目总投资多少？");
    expect(money.answer).toContain("512.3亿元");
    expect(money.answer).not.toContain("223.7亿元");
  });

  it("declines a year's total when only an event's batch is reported", async () => {
    // (A decline may quote the batch as the nearest text; it states no figure as the answer.)
    const count = await eventOnly.ask("云梦开发区2019年签约项目完成了多少个？");
    expect(count.found).toBe(false);
    const money = await eventOnly.ask("云梦开发区2019年签约项目总投资多少？");
    expect(money.found).toBe(false);
  });

  it("answers the batch when the question asks about the event", async () => {
    const answer = await engine.ask("云梦开发区2019年12月集中签约了几个项目？");
    expect(answer.answer).toContain("36个");
  });
});
