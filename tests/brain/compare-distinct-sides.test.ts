import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a visit report naming two areas, only one of which has its growth given; and a port
// piece with figures for two named parks side by side.
const visit = `---
title: 市领导到科创城和松岭高新区调研
date: 2026-09-20
zone: 松岭高新技术产业开发区
---
9月19日，市委书记到科创城、松岭高新区调研。今年1—8月，科创城完成规模以上工业总产值486.3亿元，同比增长13.5%。调研中，书记强调，松岭高新区要与科创城错位发展、协同联动。
`;
const hub = `---
title: 海川谷园区营收再创新高
date: 2026-02-10
zone: 北岭新区
---
2025年，北岭新区的海川谷园区实现营业收入386.5亿元，同比增长9.8%。
`;
const valley = `---
title: 北岭云杉谷2025年发展报告
date: 2026-03-02
zone: 北岭云杉谷
---
2025年，云杉谷实现营业收入53.5亿元，同比增长6.1%。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "visit.txt": visit, "hub.txt": hub, "valley.txt": valley }));
});
afterAll(() => close());

describe("a comparison's sides are distinct figures", () => {
  it("declines when only one side has a figure, instead of giving it for both or for the other", async () => {
    const answer = await engine.ask("科创城和松岭高新区1—8月规上工业总产值谁涨得快？");
    expect(answer.found).toBe(false);
  });

  it("compares two named items, one of them a zone and the other's figure filed under the zone it lies in", async () => {
    const answer = await engine.ask("海川谷和云杉谷，25年营收哪个多？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("386.5亿元");
    expect(answer.answer).toContain("53.5亿元");
  });
});
