import { inflateRawSync } from "node:zlib";

// The central directory of a zip (a .docx is one), read without extracting anything, and a check that
// every entry really inflates to no more than the size the directory declares — so a zip bomb is turned
// away before mammoth (through jszip) unpacks it into memory.

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  maxTotalSize: number;
  /** Entries larger than this must not exceed maxRatio (uncompressed / compressed). */
  ratioCheckFrom: number;
  maxRatio: number;
}

export class ZipFormatError extends Error {}
export class ZipBombError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(dv: DataView, at: number): number {
  const value = dv.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError("zip64 value out of range");
  return Number(value);
}

function findEndRecord(dv: DataView): number {
  const lowest = Math.max(0, dv.byteLength - 22 - 0xffff);
  for (let at = dv.byteLength - 22; at >= lowest; at--) if (dv.getUint32(at, true) === EOCD) return at;
  throw new ZipFormatError("no end of central directory record");
}

export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  if (dv.byteLength < 22) throw new ZipFormatError("too short for a zip");
  const end = findEndRecord(dv);
  let count = dv.getUint16(end + 10, true);
  let offset = dv.getUint32(end + 16, true);
  if ((count === 0xffff || offset === MAX32) && end >= 20 && dv.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const at = u64(dv, end - 20 + 8);
    if (at + 56 > dv.byteLength || dv.getUint32(at, true) !== ZIP64_EOCD) throw new ZipFormatError("bad zip64 end record");
    count = u64(dv, at + 32);
    offset = u64(dv, at + 48);
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dv.byteLength || dv.getUint32(at, true) !== CENTRAL) throw new ZipFormatError("bad central directory entry");
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: dv.getUint16(at + 10, true),
      compressedSize: dv.getUint32(at + 20, true),
      size: dv.getUint32(at + 24, true),
      localOffset: dv.getUint32(at + 42, true),
    };
    readZip64Extra(dv, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets that did not fit 32 bits are in the zip64 extra field, in this order. */
function readZip64Extra(dv: DataView, start: number, length: number, entry: ZipEntry): void {
  let at = start;
  while (at + 4 <= start + length) {
    const id = dv.getUint16(at, true);
    const size = dv.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      if (entry.size === MAX32) { entry.size = u64(dv, field); field += 8; }
      if (entry.compressedSize === MAX32) { entry.compressedSize = u64(dv, field); field += 8; }
      if (entry.localOffset === MAX32) entry.localOffset = u64(dv, field);
    }
    at += 4 + size;
  }
}

/**
 * Throws ZipBombError when the directory declares too much, or an entry inflates past what it declares;
 * returns the contents of the `wanted` entries (inflated once, here).
 */
export function unzipChecked(bytes: Uint8Array, entries: ZipEntry[], limits: ZipLimits, wanted: string[]): Map<string, Buffer> {
  const contents = new Map<string, Buffer>();
  if (entries.length > limits.maxEntries) throw new ZipBombError(`${entries.length} entries (limit ${limits.maxEntries})`);
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxTotalSize) throw new ZipBombError(`${total} bytes uncompressed (limit ${limits.maxTotalSize})`);
  const dv = view(bytes);
  for (const entry of entries) {
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (entry.size > limits.ratioCheckFrom && ratio > limits.maxRatio) {
      throw new ZipBombError(`${entry.name}: compression ratio ${Math.round(ratio)} (limit ${limits.maxRatio})`);
    }
    const at = entry.localOffset;
    if (at + 30 > dv.byteLength || dv.getUint32(at, true) !== LOCAL) throw new ZipFormatError(`${entry.name}: bad local header`);
    const dataStart = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
    if (dataStart + entry.compressedSize > dv.byteLength) throw new ZipFormatError(`${entry.name}: truncated`);
    const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
    if (entry.method === 0) {
      if (wanted.includes(entry.name)) contents.set(entry.name, Buffer.from(data));
      continue;
    }
    if (entry.method !== 8) throw new ZipFormatError(`${entry.name}: compression method ${entry.method}`);
    // The directory can lie: inflate with a hard cap at the declared size and see.
    try {
      const inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
      if (wanted.includes(entry.name)) contents.set(entry.name, inflated);
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new ZipBombError(`${entry.name} inflates past its declared ${entry.size} bytes`);
      throw new ZipFormatError(`${entry.name}: ${(error as Error).message}`);
    }
  }
  return contents;
}
