import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a notice in numbered sections; what each gives is said by its heading, not its sentences.
const notice = `---
title: 松溪经济开发区科技局关于组织申报2026年度研发投入奖励资金的通知
date: 2026-05-12
zone: 松溪经济开发区
---
为鼓励企业加大研发投入，根据《松溪经济开发区促进科技创新若干政策》，现就组织申报2026年度研发投入奖励资金有关事项通知如下。

一、扶持标准

对上年度研发费用增长20%以上的企业，按新增研发费用的10%给予奖励，单个企业最高50万元。

二、申报时间

2026年6月1日至6月30日，逾期不予受理。

三、申报材料

1.奖励资金申请表；
2.上年度研发费用专项审计报告；
3.企业信用承诺书。

四、其他事项

申报企业须通过“松溪通”平台在线填报。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "notice.txt": notice }));
});
afterAll(() => close());

describe("a section whose heading the question asks holds the answer", () => {
  it("「啥时候申报」 is answered from 「二、申报时间」", async () => {
    const answer = await engine.ask("松溪经开区研发投入奖励资金啥时候申报？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("2026年6月1日至6月30日");
  });

  it("「要交哪些材料」 lists 「三、申报材料」's items, and stops at the next section", async () => {
    const answer = await engine.ask("申报松溪经开区研发投入奖励资金要交哪些材料？");
    for (const item of ["奖励资金申请表", "专项审计报告", "企业信用承诺书"]) expect(answer.answer).toContain(item);
    expect(answer.answer).not.toContain("其他事项");
  });
});
