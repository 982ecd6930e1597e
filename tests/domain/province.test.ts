import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/index.js";

// A province written before a zone's city (as reports for outside readers do) is no part of which zone it is.
describe("a province in front of a zone's name", () => {
  const gazetteer = Gazetteer.load();

  it.each([
    // Listed zone: the province form is that zone.
    ["山东省青岛西海岸新区", "青岛西海岸新区"],
    // Zones known only by their form: the same zone as the name without the province.
    ["江苏省苏州工业园区", "苏州工业园区"],
    ["河南省郑州经济技术开发区", "郑州经济技术开发区"],
  ])("%s → %s", (written, zone) => {
    expect(gazetteer.canonical(written)).toBe(zone);
    expect(gazetteer.mentions(`据了解，${written}今年一季度进出口增长。`).map((m) => m.zone)).toEqual([zone]);
  });

  it("leaves a province that names no zone after it alone", () => {
    expect(gazetteer.mentions("山东省统计局发布数据。")).toEqual([]);
  });
});
