import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";

const gazetteer = Gazetteer.load();
const zonesIn = (text: string) => gazetteer.mentions(text, { includeWeak: true }).map((m) => m.zone);

describe("gazetteer", () => {
  it("resolves the aliases of the development zone and the new area", () => {
    for (const alias of ["青岛开发区", "青岛经济技术开发区", "黄岛开发区", "经开区"]) expect(gazetteer.canonical(alias)).toBe("青岛经济技术开发区");
    for (const alias of ["西海岸新区", "青岛西海岸新区", "黄岛区"]) expect(gazetteer.canonical(alias)).toBe("青岛西海岸新区");
    expect(gazetteer.canonical("新区")).toBe("青岛西海岸新区");
    expect(gazetteer.groupMembers("九大功能区")).toHaveLength(9);
  });

  it("does not take another place's zone for ours", () => {
    expect(zonesIn("即墨经开区签约项目15个")).toEqual([]);
    expect(zonesIn("城阳高新区")).toEqual([]);
    expect(zonesIn("打造全国开发区高质量发展新标杆")).toEqual([]);
    expect(zonesIn("推动新区高质量发展")).toEqual(["青岛西海岸新区"]);
    expect(zonesIn("在经开区投资")).toEqual(["青岛经济技术开发区"]);
  });

  it("learns zones that articles name in their metadata", () => {
    const extended = gazetteer.withZones(["城阳空港工业园", "青岛开发区"]);
    expect(extended.canonical("城阳空港工业园")).toBe("城阳空港工业园");
    expect(extended.isWithin("城阳空港工业园", "青岛市")).toBe(true);
    expect(extended.zones.length).toBe(gazetteer.zones.length + 1);
  });
});

describe("short forms nobody listed", () => {
  it("finds the one zone a short form abbreviates, and nothing when it is ambiguous", () => {
    const extended = Gazetteer.load().withZones(["崂山湾国际生态健康城", "即墨经济开发区", "即墨综合保税区"]);
    expect(extended.abbreviated("崂山湾健康城")).toBe("崂山湾国际生态健康城");
    expect(extended.abbreviated("即墨经开区")).toBe("即墨经济开发区");
    expect(extended.abbreviated("即墨区")).toBeUndefined();
    expect(extended.abbreviated("火星城")).toBeUndefined();
  });
});
