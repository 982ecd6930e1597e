import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: an interview whose counted classes (三件事, 四大业态) are named away from the question's
// other words, and a paragraph that names the class word without listing it.
const interview = `---
title: 访谈｜滨湖综保区负责人谈下半年工作
date: 2024-08-05
zone: 滨湖综合保税区
---
新业态成为重要增长点。上半年，综保区跨境电商进出口单量同比增长35%。

综保区依托“保税+”功能，重点发展保税加工、保税物流、跨境电商和保税维修四大业态。

问：下半年打算重点抓哪些工作？
答：下半年我们重点抓好三件事：一是抓招商，新引进外贸企业30家；二是抓通关，压缩转关时间；三是抓平台，建成跨境电商公共服务中心。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "interview.md": interview }));
});
afterAll(() => close());

describe("an interviewer's question answers nothing", () => {
  it("「重点发展哪几个业态」 is answered by the sentence naming four of them", async () => {
    const answer = await engine.ask("滨湖综保区重点发展哪几个业态");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("保税维修四大业态");
  });

  it("「下半年重点抓哪几件事」 is answered by 「三件事：一是…」", async () => {
    const answer = await engine.ask("滨湖综保区下半年重点抓哪几件事？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("抓招商");
  });
});
