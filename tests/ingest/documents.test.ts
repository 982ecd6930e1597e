import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gazetteer } from "../../src/domain/gazetteer.js";
import { type IngestFailureReason, IngestFileError, isSupportedArticleFile, listArticleFiles, readArticleFile } from "../../src/ingest/index.js";
import { buildDocx, docxParts } from "../documents/docx-builder.js";
import { encryptedPdf, textPdf } from "../documents/minimal-pdf.js";
import { zip } from "../documents/zip-writer.js";

// PDF and Word files through readArticleFile: what the document reader finds becomes Articles (ids, dates with
// their evidence, pages, zones), and a file it refuses is an IngestFileError with the reader's message.

const gazetteer = Gazetteer.load();
let dir: string;
const write = async (name: string, content: string | Uint8Array): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ingest-documents-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const REPORT = buildDocx([
  { heading: "西海岸新区2023年重点项目推进情况报告" },
  { paragraph: "2023年，青岛西海岸新区全年新签约过亿元项目156个，总投资突破2000亿元。" },
  { table: [["指标", "2023年"], ["规上工业产值", "5100亿元"]] },
  { paragraph: "2024年1月15日" },
]);

describe("Word and PDF files as articles", () => {
  it("reads a .docx: its heading is the title, its date line the date, its table one sentence per cell", async () => {
    const path = await write("报告.docx", REPORT);
    const { articles, warnings } = await readArticleFile(path, { gazetteer });
    expect(warnings).toEqual([]);
    expect(articles).toHaveLength(1);
    const [report] = articles;
    expect(report).toMatchObject({ id: `${path}#0`, source: "报告.docx", part: 0, title: "西海岸新区2023年重点项目推进情况报告", date: "2024-01-15", dateEvidence: "2024年1月15日" });
    // A Word file has no pages a citation could name (the reader's [1] is not a printed page).
    expect(report!.pages).toBeUndefined();
    expect(report!.text).toContain("全年新签约过亿元项目156个");
    expect(report!.text).toMatch(/规上工业产值.*5100亿元/);
    expect(report!.zones[0]).toBe("青岛西海岸新区");
    expect(report!.ocr).toBeUndefined();
  });

  it("a 公文's issuer above its 关于 title is the body of the zone it speaks for: the article's home zone", async () => {
    const minutes = buildDocx([
      { paragraph: "青岛经济技术开发区管理委员会" },
      { paragraph: "专题会议纪要" },
      { paragraph: "〔2026〕第3期" },
      { paragraph: "关于推进智能装备产业项目建设的专题会议纪要" },
      { paragraph: "3月2日，管委会召开专题会议，听取董家口经济区协作项目进展情况汇报。" },
      { paragraph: "董家口经济区港航物流项目完成投资3.2亿元；董家口经济区冷链基地项目进入设备安装阶段。" },
    ]);
    const { articles } = await readArticleFile(await write("纪要.docx", minutes), { gazetteer });
    expect(articles[0]!.title).toBe("关于推进智能装备产业项目建设的专题会议纪要");
    expect(articles[0]!.zones[0]).toBe("青岛经济技术开发区");
  });

  it("reads a PDF: one article per piece, with the pages it came from", async () => {
    const path = await write("plain.pdf", textPdf("Hello zonebot"));
    const { articles } = await readArticleFile(path, { gazetteer });
    expect(articles).toHaveLength(1);
    expect(articles[0]!.pages).toEqual([1]);
    expect(`${articles[0]!.title}\n${articles[0]!.text}`).toContain("Hello zonebot");
    expect(articles[0]!.source).toBe("plain.pdf");
  });

  it("--date outranks the date the document prints", async () => {
    const path = await write("dated.docx", REPORT);
    const [article] = (await readArticleFile(path, { gazetteer, date: "2024-02-01" })).articles;
    expect(article).toMatchObject({ date: "2024-02-01", dateEvidence: "cli" });
  });

  it("lists .pdf, .docx and .doc in directories (a .doc to be refused with its reason, not skipped in silence)", async () => {
    const sub = await mkdtemp(join(dir, "walk-"));
    for (const name of ["a.pdf", "b.docx", "c.doc", "d.xlsx", "e.txt"]) await writeFile(join(sub, name), "x");
    const listed = (await listArticleFiles([sub])).map((file) => file.slice(sub.length + 1));
    expect(listed).toEqual(["a.pdf", "b.docx", "c.doc", "e.txt"]);
    expect(isSupportedArticleFile("x.PDF")).toBe(true);
    expect(isSupportedArticleFile("x.xlsx")).toBe(false);
  });
});

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const bomb = () => zip([
  ...docxParts("<w:p><w:r><w:t>x</w:t></w:r></w:p>"),
  { name: "word/media/bomb.xml", data: new Uint8Array(Buffer.alloc(20 * 1024 * 1024, 0x20)) },
]);

const refused: { name: string; file: string; bytes: () => Uint8Array; reason: IngestFailureReason; message: RegExp; maxBytes?: number }[] = [
  { name: "an old Word .doc", file: "旧版.doc", bytes: () => new Uint8Array([...OLE, ...new Uint8Array(512)]), reason: "unsupported-type", message: /另存为 \.docx/ },
  { name: "an encrypted PDF", file: "locked.pdf", bytes: encryptedPdf, reason: "encrypted", message: /加密/ },
  { name: "a broken PDF", file: "broken.pdf", bytes: () => textPdf("Hello").slice(0, 40), reason: "broken", message: /损坏|不是 PDF/ },
  { name: "a zip bomb named .docx", file: "bomb.docx", bytes: bomb, reason: "zip-bomb", message: /压缩炸弹/ },
  { name: "a .docx that is no zip", file: "fake.docx", bytes: () => new Uint8Array(Buffer.from("just text")), reason: "broken", message: /Word/ },
  { name: "a PDF over the size limit", file: "big.pdf", bytes: () => textPdf("Hello"), reason: "too-large", message: /bytes >/, maxBytes: 100 },
  { name: "a file type we do not read", file: "table.xlsx", bytes: () => new Uint8Array([1, 2, 3]), reason: "unsupported-type", message: /\.xlsx/ },
];

describe("documents that cannot be read", () => {
  it.each(refused)("$name → $reason, with a message that says why", async ({ file, bytes, reason, message, maxBytes }) => {
    const path = await write(file, bytes());
    const error = await readArticleFile(path, { gazetteer, ...(maxBytes ? { maxBytes } : {}) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestFileError);
    expect((error as IngestFileError).reason).toBe(reason);
    expect((error as IngestFileError).file).toBe(path);
    expect((error as IngestFileError).message).toMatch(message);
  });
});
