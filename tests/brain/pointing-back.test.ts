import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/index.js";
import { articleEngine } from "../support/engine.js";

// Written for this test: a list of film titles whose subject is named only by the sentence after it, pointing back.
const films = `---
title: 鹿鸣湾影视区加速崛起
date: 2023-09-28
zone: 鹿鸣湾影视文化产业区
---
鹿鸣湾影视文化产业区今年接待剧组62个。

从《长风》《远航2》到《星河》《刺客笔记》，再到今年杀青的《星河2》《异乡人》，越来越多的科幻大片选择在这里拍摄。这几部影片有一个共同的“出生地”——云港影都影视产业园。

云港影都影视产业园建有40个摄影棚，是重工业大片的重要承载地。
`;

let engine: Engine;
let close: () => void = () => {};
beforeAll(async () => {
  ({ engine, close } = await articleEngine({ "films.md": films }));
});
afterAll(() => close());

describe("a list whose subject the next sentence names by pointing back (这几部影片…)", () => {
  it("answers 「X拍过哪些大片」 with the titles", async () => {
    const answer = await engine.ask("云港影都拍过哪些大片？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("《星河》");
  });
});
