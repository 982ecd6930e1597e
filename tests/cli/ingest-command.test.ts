import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/index.js";
import { createEngine } from "../../src/engine/index.js";
import { buildDocx, docxParts } from "../documents/docx-builder.js";
import { zip } from "../documents/zip-writer.js";
import { encryptedPdf, textPdf } from "../documents/minimal-pdf.js";
import { tempConfig } from "../support/engine.js";

// `zonebot ingest` over files, a Word file, links and bad input of every kind: each bad one a line in the
// summary, the good ones ingested; when everything fails, the generation that was current stays current.

const temp = tempConfig("zonebot-cli-ingest-");
const inbox = mkdtempSync(path.join(tmpdir(), "zonebot-cli-inbox-"));
const file = (name: string, content: string | Uint8Array) => {
  const at = path.join(inbox, name);
  writeFileSync(at, content);
  return at;
};
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>胶州湾综保区外贸提速</title></head><body><article><h1>胶州湾综保区外贸提速</h1>
<p>今年一季度，青岛胶州湾综合保税区实现进出口总额56.3亿元，同比增长12%，增速居全市前列。</p>
<p>综保区将继续做大保税物流和跨境电商业务，力争全年进出口总额突破230亿元。</p></article></body></html>`;

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/news/1.html") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    else res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  temp.cleanup();
  rmSync(inbox, { recursive: true, force: true });
});

/** The CLI in a child process, without blocking this one (its server answers the child's fetches). */
function zonebot(args: string[]): Promise<{ status: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(PROJECT_ROOT, "bin/zonebot.mjs"), ...args, "--data-dir", temp.dataDir], {
      cwd: PROJECT_ROOT, env: { ...process.env, ZONEBOT_DATA_DIR: "" }, timeout: 120_000, encoding: "utf8",
    }, (error, _stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stderr }));
  });
}
const current = () => readFileSync(path.join(temp.dataDir, "CURRENT"), "utf8").trim();

describe("zonebot ingest with documents, links and bad input", () => {
  it("ingests what it can read and names each thing it could not, with the reason", async () => {
    const inputs = [
      file("蓝谷.txt", "青岛蓝谷2023年新引进海洋科技项目42个，总投资超过300亿元。\n蓝谷全年新增市场主体3200户，同比增长15%。"),
      file("报告.docx", buildDocx([{ heading: "西海岸新区重点项目报告" }, { paragraph: "2023年，青岛西海岸新区新签约过亿元项目156个。" }, { paragraph: "2024年1月15日" }])),
      `${base}/news/1.html`,
      `${base}/gone.html`,
      file("坏的.pdf", textPdf("Hello").slice(0, 40)),
      file("加密.pdf", encryptedPdf()),
      file("表格.xlsx", "not read"),
      file("炸弹.docx", zip([...docxParts("<w:p><w:r><w:t>x</w:t></w:r></w:p>"), { name: "word/media/bomb.xml", data: new Uint8Array(Buffer.alloc(20 * 1024 * 1024, 0x20)) }])),
    ];
    const { status, stderr } = await zonebot(["ingest", ...inputs]);
    expect(status, stderr).toBe(0);
    expect(stderr).toMatch(new RegExp(`✗ ${base}/gone.html: http-status — .*HTTP 404`));
    expect(stderr).toMatch(/✗ .*坏的\.pdf: broken — .*PDF 文件已损坏/);
    expect(stderr).toMatch(/✗ .*加密\.pdf: encrypted — .*PDF 已加密/);
    expect(stderr).toMatch(/✗ .*表格\.xlsx: unsupported-type/);
    expect(stderr).toMatch(/✗ .*炸弹\.docx: zip-bomb — .*压缩炸弹/);
    expect(stderr.match(/✗/g)).toHaveLength(5);

    const engine = await createEngine(temp.config, { ensureSeeds: false });
    try {
      const sources = new Set([...engine.corpus.articles.values()].map((a) => a.source));
      expect([...sources].sort()).toEqual([`${base}/news/1.html`, "报告.docx", "蓝谷.txt"].sort());
      const answer = await engine.ask("胶州湾综保区一季度进出口总额是多少？", [], { brain: "offline" });
      expect(answer.answer).toContain("56.3亿元");
      expect(answer.citations[0]).toMatchObject({ source: `${base}/news/1.html`, title: "胶州湾综保区外贸提速" });
    } finally {
      engine.close();
    }
  });

  it("when every input fails, says so (exit 1) and the current generation stays current", async () => {
    const before = current();
    const oldWord = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(512)]);
    const { status, stderr } = await zonebot(["ingest", `${base}/gone.html`, file("又坏了.pdf", "%PDF-1.7 nothing more"), file("旧版.doc", oldWord)]);
    expect(status).toBe(1);
    expect(stderr.match(/✗/g)).toHaveLength(3);
    expect(stderr).toMatch(/✗ .*旧版\.doc: unsupported-type — .*旧版 Word（\.doc）.*另存为 \.docx/);
    expect(current()).toBe(before);
  });
});
