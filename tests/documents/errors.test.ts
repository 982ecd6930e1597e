import { describe, expect, it } from "vitest";
import { DocumentError, type DocumentErrorReason, readDocx, readPdf } from "../../src/documents/index.js";
import { buildDocx, docxParts } from "./docx-builder.js";
import { blankPdf, encryptedPdf, textPdf } from "./minimal-pdf.js";
import { zip } from "./zip-writer.js";

// Bad input: each refused with its reason and a message a person can act on; nothing half-read.

async function failure(read: Promise<unknown>): Promise<DocumentError> {
  try {
    await read;
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentError);
    return error as DocumentError;
  }
  throw new Error("expected a DocumentError");
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const oleFile = (extra: Buffer = Buffer.alloc(0)) => new Uint8Array(Buffer.concat([Buffer.from(OLE), Buffer.alloc(512), extra]));
const docxWith = (documentXml: { name: string; data: string | Uint8Array; declaredSize?: number }) =>
  zip([...docxParts("<w:p><w:r><w:t>x</w:t></w:r></w:p>").filter((p) => p.name !== documentXml.name), documentXml]);
const bigXml = (bytes: number) => new Uint8Array(Buffer.alloc(bytes, 0x20));

const cases: { name: string; read: () => Promise<unknown>; reason: DocumentErrorReason; message: RegExp }[] = [
  { name: "an encrypted PDF", read: () => readPdf(encryptedPdf()), reason: "encrypted", message: /加密/ },
  { name: "bytes that are no PDF", read: () => readPdf(new Uint8Array(Buffer.from("hello, not a pdf at all"))), reason: "broken", message: /损坏|不是 PDF/ },
  { name: "a truncated PDF", read: () => readPdf(textPdf("Hello").slice(0, 40)), reason: "broken", message: /损坏|不是 PDF/ },
  { name: "a PDF over the size limit", read: () => readPdf(new Uint8Array(201 * 1024 * 1024)), reason: "too-large", message: /太大/ },
  { name: "a PDF with no text layer and OCR off", read: () => readPdf(blankPdf(), { ocr: false }), reason: "no-text", message: /没有文字层/ },
  { name: "an old Word .doc", read: () => readDocx(oleFile()), reason: "unsupported", message: /\.doc.*另存为 \.docx/ },
  { name: "a password-protected .docx", read: () => readDocx(oleFile(Buffer.from("EncryptionInfo", "utf16le"))), reason: "encrypted", message: /加密/ },
  { name: "bytes that are no zip", read: () => readDocx(new Uint8Array(Buffer.from("plain text, not a zip"))), reason: "broken", message: /Word/ },
  { name: "a zip that is no Word file", read: () => readDocx(zip([{ name: "xl/workbook.xml", data: "<workbook/>" }])), reason: "unsupported", message: /document\.xml/ },
  { name: "a truncated .docx", read: () => readDocx(buildDocx([{ paragraph: "正文" }]).slice(0, 200)), reason: "broken", message: /Word/ },
  { name: "a .docx over the size limit", read: () => readDocx(new Uint8Array(51 * 1024 * 1024)), reason: "too-large", message: /太大/ },
  {
    name: "a zip bomb (one entry inflating 1000:1 past the ratio limit)",
    read: () => readDocx(docxWith({ name: "word/media/bomb.xml", data: bigXml(20 * 1024 * 1024) })),
    reason: "zip-bomb", message: /压缩炸弹/,
  },
  {
    name: "a zip bomb that lies about its size in the central directory",
    read: () => readDocx(docxWith({ name: "word/document.xml", data: bigXml(3 * 1024 * 1024), declaredSize: 1000 })),
    reason: "zip-bomb", message: /压缩炸弹/,
  },
  {
    name: "a zip bomb by declared total size",
    read: () => readDocx(docxWith({ name: "word/media/huge.bin", data: "x", declaredSize: 300 * 1024 * 1024 })),
    reason: "zip-bomb", message: /压缩炸弹/,
  },
  { name: "a .docx with no text", read: () => readDocx(buildDocx([])), reason: "no-text", message: /没有可读的文字/ },
];

describe("documents that cannot be read", () => {
  it.each(cases)("$name → $reason", async ({ read, reason, message }) => {
    const error = await failure(read());
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(message);
  });

  it("reads a small plain PDF (the happy path needs no browser)", async () => {
    const read = await readPdf(textPdf("Hello zonebot"));
    expect(read.articles).toHaveLength(1);
    expect(read.articles[0]!.text || read.articles[0]!.title).toContain("Hello zonebot");
    expect(read.articles[0]!.pages).toEqual([1]);
  });
});
