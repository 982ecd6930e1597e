import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { tempConfig } from "./engine.js";

/** A fresh data dir and an inbox for articles; both removed by the cleanup pushed onto `cleanups`. */
export function ingestWorkspace(cleanups: (() => void)[]) {
  const temp = tempConfig();
  const inbox = mkdtempSync(path.join(tmpdir(), "zonebot-inbox-"));
  cleanups.push(temp.cleanup, () => rmSync(inbox, { recursive: true, force: true }));
  return { ...temp, inbox };
}

/** A new article in the genre: front matter, narrow columns, a target and an actual. */
export const NEW_ARTICLE = `---
title: 上合示范区一季度招商成绩单
date: 2024-04-20
zone: 上合示范区
---
　　本报讯 今年一季度，上合示范区新签约过亿元项目17个，
总投资达到126.5亿元。上合示范区力争全年新签约过亿元项
目60个以上，实现外贸进出口总额增长15%。
`;
