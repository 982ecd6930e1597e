import { createRequire } from "node:module";
import path from "node:path";
import { DocumentError } from "../errors.js";
import { message } from "../words.js";
import { joinPieces, tidyText } from "../text.js";
import type { Line, PageText } from "./layout.js";

type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
export type PdfDocument = Awaited<ReturnType<Pdfjs["getDocument"]>["promise"]>;
export type PdfPage = Awaited<ReturnType<PdfDocument["getPage"]>>;

// pdfjs in-process: in Node it runs its "fake worker" on the main thread (no Worker, no browser).
// The CMaps let it read CJK fonts that are not embedded (Adobe-GB1 CID fonts with predefined encodings).
const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

// Loaded on first use: pdfjs is large, and most runs of zonebot never open a PDF.
let loaded: Promise<Pdfjs> | undefined;
export const pdfjsModule = (): Promise<Pdfjs> => (loaded ??= import("pdfjs-dist/legacy/build/pdf.mjs"));

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await pdfjsModule();
  const task = pdfjs.getDocument({
    data: bytes.slice(), // pdfjs may detach the buffer it is given
    cMapUrl: path.join(pdfjsRoot, "cmaps") + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(pdfjsRoot, "standard_fonts") + path.sep,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as { name?: string }).name;
    if (name === "PasswordException") throw new DocumentError("encrypted", message("encryptedPdf"), { cause: error });
    throw new DocumentError("broken", message("brokenPdf", { detail: (error as Error).message ?? String(error) }), { cause: error });
  }
}

interface Piece {
  text: string;
  x0: number;
  x1: number;
  baseline: number;
  size: number;
  /** A whitespace item: pdfjs gives one for the stretched space of a justified line. */
  space?: boolean;
}

// A space item no wider than this (in font sizes) bridges the words on its sides; wider ones are gaps
// between boxes (pdfjs also marks those with a space item) and do not.
const MAX_BRIDGING_SPACE = 1.5;

/** The page's text items, merged into lines (items on one baseline, close together, of one size). */
export async function readPageText(page: PdfPage, pageNumber: number): Promise<PageText> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const pieces: Piece[] = [];
  for (const item of content.items) {
    if (!("str" in item) || item.str === "") continue;
    const [a, b, c, d, e, f] = item.transform as number[];
    // Apply the viewport transform so rotated pages and cropped boxes come out top-down like the others.
    const [x, y] = viewport.convertToViewportPoint(e!, f!) as [number, number];
    const size = Math.hypot(c!, d!) || Math.hypot(a!, b!);
    const width = item.width * (viewport.scale || 1);
    const space = item.str.trim() === "";
    if (space && width > MAX_BRIDGING_SPACE * size) continue;
    pieces.push({ text: space ? " " : item.str, x0: x, x1: x + width, baseline: y, size, space });
  }
  return { page: pageNumber, width: viewport.width, height: viewport.height, lines: mergeIntoLines(pieces, pageNumber) };
}

function mergeIntoLines(pieces: Piece[], page: number): Line[] {
  pieces.sort((p, q) => p.baseline - q.baseline || p.x0 - q.x0);
  // Cluster by baseline, then within a cluster join neighbours left to right.
  const clusters: Piece[][] = [];
  for (const piece of pieces) {
    const last = clusters.at(-1);
    if (last && Math.abs(piece.baseline - last[0]!.baseline) < 0.35 * Math.max(piece.size, last[0]!.size)) last.push(piece);
    else clusters.push([piece]);
  }
  const lines: Line[] = [];
  for (const cluster of clusters) {
    cluster.sort((p, q) => p.x0 - q.x0);
    let current: { pieces: Piece[]; x1: number; size: number } | undefined;
    const flush = () => {
      if (!current) return;
      while (current.pieces.at(-1)?.space) current.pieces.pop();
      if (current.pieces.length === 0) { current = undefined; return; }
      const text = tidyText(current.pieces.reduce((acc, p, i) => {
        const gap = i === 0 ? 0 : p.x0 - current!.pieces[i - 1]!.x1;
        return gap > 0.25 * p.size ? `${acc} ${p.text}` : joinPieces(acc, p.text);
      }, ""));
      const first = current.pieces[0]!;
      const baseline = Math.max(...current.pieces.map((p) => p.baseline));
      const x1 = Math.max(...current.pieces.map((p) => p.x1));
      if (text) lines.push({ text, x0: first.x0, x1, top: baseline - 0.85 * current.size, bottom: baseline + 0.15 * current.size, size: current.size, page });
      current = undefined;
    };
    for (const piece of cluster) {
      const close = current && piece.x0 - current.x1 < 0.6 * piece.size && Math.abs(piece.size - current.size) < 0.2 * current.size;
      if (!close) {
        flush();
        if (piece.space) continue; // a line never starts with a space
        current = { pieces: [piece], x1: piece.x1, size: piece.size };
      } else {
        current!.pieces.push(piece);
        current!.x1 = Math.max(current!.x1, piece.x1);
      }
    }
    flush();
  }
  return lines;
}
