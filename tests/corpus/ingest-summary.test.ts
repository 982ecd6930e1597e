/** `zonebot ingest` prints, per file, what it skipped: warnings of ingested files and rejected files with reasons. */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/index.js";
import { ingestWorkspace, NEW_ARTICLE } from "../support/ingest.js";

const run = promisify(execFile);
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

describe("zonebot ingest summary", () => {
  it("lists each file's warnings (file: warning) and each rejected file with its reason", async () => {
    const { dataDir, inbox } = ingestWorkspace(cleanups);
    const noted = path.join(inbox, "noted.md");
    const empty = path.join(inbox, "empty.txt");
    writeFileSync(noted, NEW_ARTICLE.replace("zone: 上合示范区\n", "zone: 上合示范区\nreviewer: 张三\n"));
    writeFileSync(empty, "");
    const { stderr } = await run(process.execPath, [path.join(PROJECT_ROOT, "bin/zonebot.mjs"), "ingest", inbox, "--data-dir", dataDir, "--workers", "0"], {
      cwd: PROJECT_ROOT,
      // Offline and local whatever the caller's environment says: no LLM pass, the local embedder.
      env: { ...process.env, NO_COLOR: "1", LLM_BASE_URL: "", EMBEDDING_PROVIDER: "local" },
    });
    expect(stderr).toContain("ingested 1 new/changed file(s), 0 unchanged, 1 rejected");
    expect(stderr).toContain(`  ! ${noted}: front-matter-field-ignored — unknown field "reviewer"`);
    expect(stderr).toMatch(new RegExp(`  ✗ ${empty.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: empty — `));
  }, 60_000);
});
