import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { joinPieces, tidyText } from "../text.js";
import { type PdfPage, pdfjsModule } from "./load.js";

// Pages without a text layer (scans) are read by Debian's tesseract with its Chinese data, when present.
// The page's largest image is handed over as a PPM file (no image library needed).

const run = promisify(execFile);
const OCR_TIMEOUT_MS = 120_000;
const LANGUAGE = "chi_sim";

let available: boolean | undefined;
export function tesseractAvailable(): boolean {
  if (available !== undefined) return available;
  try {
    const out = execFileSync("tesseract", ["--list-langs"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 10_000 });
    available = out.split(/\s+/).includes(LANGUAGE);
  } catch {
    available = false;
  }
  return available;
}

interface PdfImage {
  width: number;
  height: number;
  kind: number;
  data: Uint8Array | Uint8ClampedArray;
}

const isImage = (value: unknown): value is PdfImage =>
  typeof value === "object" && value !== null && "data" in value && "width" in value && "height" in value && "kind" in value;

async function largestImage(page: PdfPage): Promise<PdfImage | undefined> {
  const { OPS } = await pdfjsModule();
  const ops = await page.getOperatorList();
  let best: PdfImage | undefined;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const arg: unknown = ops.argsArray[i]?.[0];
    let image: unknown;
    if (fn === OPS.paintImageXObject && typeof arg === "string") {
      image = await new Promise((resolve) => page.objs.get(arg, resolve));
    } else if (fn === OPS.paintInlineImageXObject) {
      image = arg;
    }
    if (isImage(image) && (!best || image.width * image.height > best.width * best.height)) best = image;
  }
  return best;
}

/** pdfjs image kinds: 1 one bit grey (rows padded to bytes), 2 RGB, 3 RGBA → binary PPM. */
function toPpm(image: PdfImage): Buffer {
  const { width, height, kind, data } = image;
  const pixels = Buffer.alloc(width * height * 3);
  const rowBytes = Math.ceil(width / 8);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      let rgb: [number, number, number];
      if (kind === 1) {
        const bit = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
        const v = bit ? 255 : 0;
        rgb = [v, v, v];
      } else {
        const ch = kind === 3 ? 4 : 3;
        rgb = [data[p * ch]!, data[p * ch + 1]!, data[p * ch + 2]!];
      }
      pixels[p * 3] = rgb[0];
      pixels[p * 3 + 1] = rgb[1];
      pixels[p * 3 + 2] = rgb[2];
    }
  }
  return Buffer.concat([Buffer.from(`P6\n${width} ${height}\n255\n`), pixels]);
}

// Tesseract often gives Latin punctuation after a Chinese character; the printed page had the full-width one.
const FULL_WIDTH: Record<string, string> = { ",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）" };
const fullWidthPunctuation = (text: string) => text.replace(/(?<=\p{Script=Han})[,:;?!()]/gu, (c) => FULL_WIDTH[c] ?? c);

/** Tesseract's text → paragraphs: blocks are separated by blank lines; the lines of a block are joined. */
export function ocrParagraphs(text: string): string[] {
  return text.split(/\n\s*\n/)
    .map((block) => fullWidthPunctuation(block.split("\n").map(tidyText).filter(Boolean).reduce(joinPieces, "")))
    .filter((p) => p.length > 0);
}

/** The page's paragraphs read by OCR; throws when there is no image or tesseract fails. */
export async function ocrPage(page: PdfPage): Promise<string[]> {
  const image = await largestImage(page);
  if (!image) throw new Error("no image on the page");
  const dir = mkdtempSync(path.join(tmpdir(), "zonebot-ocr-"));
  try {
    const file = path.join(dir, "page.ppm");
    writeFileSync(file, toPpm(image));
    const { stdout } = await run("tesseract", [file, "stdout", "-l", LANGUAGE, "--psm", "3"], { timeout: OCR_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
    return ocrParagraphs(stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
