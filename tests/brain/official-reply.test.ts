import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";
import { paragraphTopic } from "../../src/reading/index.js";

// Written for this test: an official reply to a citizen's message — the question quoted, then numbered sections
// after a lead ending in a colon, each about what its heading names.
const reply = `---
title: 关于“北岭经开区人才公寓何时交付、能否开通班车”的回复
date: 2026-07-20
zone: 北岭经济技术开发区
---
留言标题：人才公寓什么时候能交付？能不能开通班车？

网友您好！感谢您对北岭经济技术开发区的关注。经核实，现将有关情况答复如下：

一、关于人才公寓建设进度。人才公寓项目共建设住宅楼6栋，总投资5.2亿元，于2025年4月开工建设。目前主体结构已全部封顶。按照计划，前4栋将于2026年11月底前交付使用，其余2栋将于2027年5月底前交付。

二、关于通勤班车。经与公交公司对接，拟于2026年9月1日起开通园区通勤班车，线路全长约23公里，设站11个。
`;

// The same kind of reply where no sentence says when the thing will be delivered: only its start is dated.
const undated = `---
title: 关于“南湾经开区标准厂房何时交付”的回复
date: 2026-07-22
zone: 南湾经济技术开发区
---
网友您好！经核实，现将有关情况答复如下：

一、关于标准厂房建设进度。标准厂房项目共建设厂房8栋，于2025年6月开工建设，目前正在进行主体施工。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "reply.txt": reply, "undated.txt": undated }));
});
afterAll(() => close());

describe("an official reply in numbered sections", () => {
  it.each([
    ["一、关于人才公寓建设进度。人才公寓项目共建设住宅楼6栋。", "关于人才公寓建设进度"],
    ["经核实，现将有关情况答复如下：一、关于人才公寓建设进度。", "关于人才公寓建设进度"],
    ["（二）关于通勤班车。经与公交公司对接…", "关于通勤班车"],
    ["经核实，现将有关情况答复如下：", undefined],
  ])("%s has the topic %s", (text, topic) => {
    expect(paragraphTopic(text)).toBe(topic);
  });

  it("dates an event by the sentence that names it, in the section about it — not by the headline's words", async () => {
    const answer = await engine.ask("北岭经开区人才公寓啥时候能交付？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("2026年11月底");
  });

  it("answers a length and a count of the thing its section is about", async () => {
    const length = await engine.ask("北岭经开区那条园区班车线路多长？");
    expect(length.answer).toContain("23公里");
    const stops = await engine.ask("北岭经开区园区通勤班车设几个站？");
    expect(stops.answer).toContain("11个");
  });

  it("does not take a start date for the delivery the headline asks about", async () => {
    const answer = await engine.ask("南湾经开区标准厂房啥时候能交付？");
    expect(answer.found).toBe(false);
  });
});
