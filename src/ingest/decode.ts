import { IngestFileError } from "./errors.js";

const SAMPLE_BYTES = 64 * 1024;
const MAX_CONTROL_SHARE = 0.1;

/**
 * Bytes → text: UTF-16 when it has a BOM, else strict UTF-8, else GB18030 (Chinese files
 * are often GBK). Throws IngestFileError for empty, binary or undecodable input.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new IngestFileError(file, "empty");
  const utf16 = utf16Encoding(bytes);
  if (!utf16 && looksBinary(bytes)) throw new IngestFileError(file, "binary");
  const text = utf16 ? strictDecode(bytes, utf16) : (strictDecode(bytes, "utf-8") ?? strictDecode(bytes, "gb18030"));
  if (text === undefined) throw new IngestFileError(file, "undecodable", "neither UTF-8 nor GB18030");
  const stripped = text.replace(/^\ufeff/, "");
  if (!stripped.trim()) throw new IngestFileError(file, "empty");
  return stripped;
}

function utf16Encoding(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

function strictDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** NUL bytes, or many C0 control bytes other than whitespace, mean this is not a text file. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    const whitespace = byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c || byte === 0x0b;
    if (byte < 0x20 && !whitespace) controls++;
  }
  return controls / sample.length > MAX_CONTROL_SHARE;
}
