import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a work meeting's piece whose lead announces a count of tasks and closes its paragraph
// with a full stop, not a colon; the tasks follow, one numbered paragraph each (一是…).
const article = `---
title: 石湾高新区部署2026年重点工作
date: 2026-02-12
zone: 石湾高新区
---
2月11日，石湾高新区召开工作会议，部署今年重点工作。会议明确，今年高新区地区生产总值力争增长7%以上。
为实现上述目标，高新区今年将重点抓好四方面工作。
一是壮大新材料产业。推进碳纤维产业园建设，新引进产业链项目20个以上。
二是提升科创能力。新建省级以上研发平台8家。
三是优化营商环境。推行企业开办“一日办结”。
四是加强人才引育。全年引进高层次人才150名。
会议要求，各部门要抓好任务落实。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "shiwan.txt": article }));
});
afterAll(() => close());

describe("a list announced by a sentence that closes its paragraph", () => {
  it("answers 「抓哪几方面」 with the numbered items below it, not the announcement alone", async () => {
    const answer = await engine.ask("石湾高新区今年重点抓哪几方面工作？");
    expect(answer.found).toBe(true);
    for (const item of ["壮大新材料产业", "提升科创能力", "优化营商环境", "加强人才引育"]) expect(answer.answer).toContain(item);
  });
});
