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

describe("集中开工 names an event: its batch is no year's count", () => {
  // Written for this test: an autumn event's batch, and the year's count of new starts in a review.
  const autumn = `---
title: 云梦开发区秋季重点项目集中开工
date: 2024-09-28
zone: 云梦经济技术开发区
---
近日，云梦经济技术开发区2024年秋季重点项目集中开工活动举行，集中开工重点项目32个，总投资175.6亿元。
`;
  const year = `---
title: 云梦开发区2024年经济运行综述
date: 2025-01-22
zone: 云梦经济技术开发区
---
2024年，云梦经济技术开发区新开工项目46个，竣工投产项目21个。
`;
  let both: Engine;
  let closeBoth: () => void = () => {};
  beforeAll(async () => {
    ({ engine: both, close: closeBoth } = await articleEngine({ "autumn.md": autumn, "year.md": year }));
  });
  afterAll(() => closeBoth());

  it("answers the year's new starts with the year's count", async () => {
    const answer = await both.ask("云梦开发区2024年实际新开工了多少个项目？");
    expect(answer.answer).toContain("46个");
    expect(answer.answer).not.toContain("32个");
  });

  it("answers the event's batch when the event is asked", async () => {
    const answer = await both.ask("云梦开发区2024年秋季集中开工了多少个项目？");
    expect(answer.answer).toContain("32个");
  });
});

describe("a dated event asked is not answered by the year's total", () => {
  // Written for this test: a year-end piece with the year's count, published in the month asked.
  const review = `---
title: 云梦开发区2022年项目建设跑出加速度
date: 2022-12-16
zone: 云梦经济技术开发区
---
2022年，云梦经济技术开发区开工项目59个，竣工投产项目21个。
`;
  let only: Engine;
  let closeOnly: () => void = () => {};
  beforeAll(async () => {
    ({ engine: only, close: closeOnly } = await articleEngine({ "review.md": review }));
  });
  afterAll(() => closeOnly());

  it("still answers with an event's figure whose sentence leaves the event to the one before", async () => {
    const event = `---
title: 云梦开发区举行重点项目集中签约活动
date: 2022-04-13
zone: 云梦经济技术开发区
---
4月12日，云梦经济技术开发区重点项目集中签约活动举行。共签约项目42个，协议总投资92.8亿元。
`;
    const { engine: one, close: closeOne } = await articleEngine({ "event.md": event });
    const answer = await one.ask("云梦开发区2022年4月集中签约的项目有多少个");
    closeOne();
    expect(answer.answer).toContain("42个");
  });

  it("declines 「12月集中开工了多少个」 rather than give the year's 59", async () => {
    const answer = await only.ask("云梦开发区2022年12月集中开工了多少个重点项目？");
    expect(answer.found).toBe(false);
  });
});

describe("an investment figure of a year already reported is a result", () => {
  // Written for this test: a January review of the year before.
  const review = `---
title: 云梦开发区交出2022年发展答卷
date: 2023-01-22
zone: 云梦经济技术开发区
---
2022年，云梦经济技术开发区重点项目完成投资742.2亿元，签约项目总投资2284.2亿元、比上年增长56.4%。
`;
  let only: Engine;
  let closeOnly: () => void = () => {};
  beforeAll(async () => {
    ({ engine: only, close: closeOnly } = await articleEngine({ "review.md": review }));
  });
  afterAll(() => closeOnly());

  it("does not answer a question about the year's target with it", async () => {
    const answer = await only.ask("云梦开发区22年签约项目总投资的目标值是多少");
    expect(answer.found).toBe(false);
  });
});

describe("a count asked of a kind of thing", () => {
  // Written for this test: a signing's batch with its foreign-funded part.
  const signing = `---
title: 北岭经开区三季度重大项目集中签约
date: 2025-09-26
zone: 北岭经济技术开发区
---
9月25日，北岭经开区三季度重大项目集中签约活动举行。18个项目现场签约，总投资142.6亿元，其中外资项目5个，合同外资1.28亿美元。
`;
  let engine: Engine;
  let close: () => void = () => {};
  beforeAll(async () => {
    ({ engine, close } = await articleEngine({ "signing.md": signing }));
  });
  afterAll(() => close());

  it("is answered by the count that names that kind, not the batch's whole count", async () => {
    const answer = await engine.ask("北岭经开区这次签约里外资项目几个？");
    expect(answer.answer).not.toMatch(/为18个/u);
    expect(answer.answer).toContain("5个");
  });
});
