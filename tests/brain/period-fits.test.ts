import { describe, expect, it } from "vitest";
import { periodFits } from "../../src/brain/scoring.js";

// Made-up sentences: the period a sentence can answer for.
describe("periodFits", () => {
  it.each([
    ["上半年，园区新形成制度创新成果12项。", "M1-6", true],
    ["上半年，园区新形成制度创新成果12项。", "Y", false],
    // A sentence about the second half that also names the whole year may hold the year's figure.
    ["下半年，园区将深化改革，力争全年新形成制度创新成果25项以上。", "Y", true],
    ["下半年，园区将深化改革，新形成制度创新成果10项以上。", "Y", false],
    ["园区新形成制度创新成果25项。", "Y", true],
    // A sentence opening with 今年以来 that names the asked quarter after it may hold that quarter's figure.
    ["今年以来，园区狠抓招商，一季度新签约项目14个。", "M1-3", true],
    ["今年以来，园区狠抓招商，新签约项目14个。", "M1-3", false],
  ])("%s asked %s → %s", (text, asked, fits) => {
    expect(periodFits(asked, text, undefined, undefined)).toBe(fits);
  });
});
