import { describe, expect, it } from "vitest";
import { isPrompt } from "../../src/reading/index.js";

// Lines of an interview or broadcast: the asking side's lines prompt and state nothing.
describe("isPrompt", () => {
  it.each([
    ["主持人：最后请您谈谈今年的重点工作。", true],
    ["问：园区有哪些扶持政策", true],
    ["记者：今年一季度的情况如何？", true],
    ["刘主任：主要抓好三件事：一是抓项目落地。", false],
    ["记者从园区获悉，一季度新签约项目12个。", false],
  ])("%s → %s", (line, prompt) => {
    expect(isPrompt(line)).toBe(prompt);
  });
});
