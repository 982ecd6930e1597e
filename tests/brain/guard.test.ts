import { describe, expect, it } from "vitest";
import { containsWholeNumber, unverifiedNumbers } from "../../src/brain/index.js";

const cite = (quote: string) => [{ source: "a.txt", title: "t", date: "2022-01-01", quote }];

describe("number guard", () => {
  it("accepts numbers the cited quote contains", () => {
    expect(unverifiedNumbers("目标为100家以上", cite("力争全年新签约入驻企业100家以上"))).toEqual([]);
  });

  it("flags a number that no quote contains", () => {
    expect(unverifiedNumbers("目标为120家", cite("力争全年新签约入驻企业100家以上"))).toEqual(["120"]);
  });

  it("does not accept a number that only appears inside a longer one", () => {
    expect(containsWholeNumber("总投资2000亿元", "200")).toBe(false);
    expect(containsWholeNumber("总投资2000亿元", "2000")).toBe(true);
    expect(containsWholeNumber("增长46.73万人", "46")).toBe(false);
    expect(unverifiedNumbers("共20个", cite("投资200亿元"))).toEqual(["20"]);
  });

  it("lets years and declared sums through", () => {
    expect(unverifiedNumbers("2022年：41+35+22，合计98", cite("41个续建、35个开工、22个竣工"), ["98"], [2022])).toEqual([]);
  });
});
