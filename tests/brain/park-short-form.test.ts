import { describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/brain/lexicon.js";
import { readQuestion } from "../../src/brain/understand.js";
import { Gazetteer } from "../../src/domain/index.js";

// A made-up park: a user shortens its long name, keeping the listed place it opens with and a word of its sector.
describe("a short form of a park that opens with a listed place", () => {
  const gazetteer = Gazetteer.load().withZones(["西海岸高端智能装备产业园"]);
  const zonesOf = (question: string) => readQuestion(question, { gazetteer, lexicon: loadLexicon(), referenceYear: 2026 }).zones;
  it.each([
    // The longer word is meant: the park, not the new area its name opens with.
    ["西海岸装备园1至8月产值多少", ["西海岸高端智能装备产业园"]],
    // The place alone is still the place's zone.
    ["西海岸1至8月产值多少", ["青岛西海岸新区"]],
  ])("%s → %j", (question, zones) => {
    expect(zonesOf(question)).toEqual(zones);
  });
});

describe("two zones joined in a question", () => {
  const gazetteer = Gazetteer.load().withZones(["宁远能源化工基地", "科技城新区"]);
  const frameOf = (question: string) => readQuestion(question, { gazetteer, lexicon: loadLexicon(), referenceYear: 2026 });
  it("a short form joined by 和 is a zone asked about; each 各多少 with the gap between them compares", () => {
    const frame = frameOf("1—8月规上工业总产值，宁远基地和绵阳科技城新区各多少，差多少");
    expect(frame.type).toBe("compare");
    expect([...frame.zones].sort()).toEqual(["宁远能源化工基地", "科技城新区"].sort());
    expect(frame.terms).not.toContain("基地");
    expect(frame.terms).not.toContain("绵阳");
  });
});
