import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: two numbered batches of one zone's projects in one year.
const first = `---
title: 云梦高新区2025年第一批重大项目集中开工
date: 2025-03-26
zone: 云梦高新技术产业开发区
---
3月25日，云梦高新区2025年第一批重大项目集中开工活动举行。本批次共有18个项目集中开工，总投资206.4亿元。
`;
const second = `---
title: 云梦高新区2025年第二批重大项目集中开工
date: 2025-06-26
zone: 云梦高新技术产业开发区
---
6月25日，云梦高新区2025年第二批重大项目集中开工活动举行。本批次共有25个项目集中开工，总投资318.2亿元。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "first.md": first, "second.md": second }));
});
afterAll(() => close());

describe("a numbered event", () => {
  it("is answered by the text about that batch", async () => {
    const answer = await engine.ask("云梦高新区2025年第二批集中开工总投资多少？");
    expect(answer.answer).toContain("318.2亿元");
    expect(answer.answer).not.toContain("206.4亿元");
  });

  it("is declined when no text is about that batch", async () => {
    const answer = await engine.ask("云梦高新区2025年第三批集中开工总投资多少？");
    expect(answer.found).toBe(false);
  });
});
