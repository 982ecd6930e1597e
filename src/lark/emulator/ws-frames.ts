// Codec for the long-connection frame (proto2 `pbbp2.Frame` in the SDK):
//   1 SeqID uint64, 2 LogID uint64, 3 service int32, 4 method int32,
//   5 headers repeated Header{1 key string, 2 value string},
//   6 payloadEncoding string, 7 payloadType string, 8 payload bytes, 9 LogIDNew string.
// Hand-written because the schema is tiny and it avoids a runtime protobuf import.

export interface FrameHeader {
  key: string;
  value: string;
}

export interface Frame {
  SeqID: number;
  LogID: number;
  service: number;
  /** 0 = control (ping/pong), 1 = data (event/card). */
  method: number;
  headers: FrameHeader[];
  payloadEncoding?: string;
  payloadType?: string;
  payload?: Uint8Array;
  LogIDNew?: string;
}

const VARINT = 0;
const LENGTH_DELIMITED = 2;

function varint(value: number): number[] {
  if (value < 0 || !Number.isSafeInteger(value)) throw new Error(`unsupported varint ${value}`);
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

const tag = (field: number, wireType: number): number[] => varint((field << 3) | wireType);

function bytesField(field: number, data: Uint8Array): Uint8Array {
  return Buffer.concat([Uint8Array.from([...tag(field, LENGTH_DELIMITED), ...varint(data.length)]), data]);
}

const varintField = (field: number, value: number): Uint8Array => Uint8Array.from([...tag(field, VARINT), ...varint(value)]);

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

// Chunks are concatenated once at the end: payloads can be large, so no spreading into arrays.
export function encodeFrame(frame: Frame): Uint8Array {
  const chunks: Uint8Array[] = [
    varintField(1, frame.SeqID),
    varintField(2, frame.LogID),
    varintField(3, frame.service),
    varintField(4, frame.method),
  ];
  for (const header of frame.headers) {
    const inner = Buffer.concat([bytesField(1, encoder.encode(header.key)), bytesField(2, encoder.encode(header.value))]);
    chunks.push(bytesField(5, inner));
  }
  if (frame.payloadEncoding !== undefined) chunks.push(bytesField(6, encoder.encode(frame.payloadEncoding)));
  if (frame.payloadType !== undefined) chunks.push(bytesField(7, encoder.encode(frame.payloadType)));
  if (frame.payload !== undefined) chunks.push(bytesField(8, frame.payload));
  if (frame.LogIDNew !== undefined) chunks.push(bytesField(9, encoder.encode(frame.LogIDNew)));
  return Buffer.concat(chunks);
}

class Reader {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  varint(): number {
    let result = 0;
    let factor = 1;
    for (;;) {
      const byte = this.buf[this.pos++];
      if (byte === undefined) throw new Error('truncated varint');
      result += (byte & 0x7f) * factor;
      if (byte < 0x80) return result;
      factor *= 0x80;
    }
  }

  bytes(): Uint8Array {
    const length = this.varint();
    const slice = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return slice;
  }

  skip(wireType: number): void {
    if (wireType === VARINT) this.varint();
    else if (wireType === LENGTH_DELIMITED) this.bytes();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }
}

function decodeHeader(buf: Uint8Array): FrameHeader {
  const reader = new Reader(buf);
  const header: FrameHeader = { key: '', value: '' };
  while (!reader.done) {
    const key = reader.varint();
    if (key >> 3 === 1) header.key = decoder.decode(reader.bytes());
    else if (key >> 3 === 2) header.value = decoder.decode(reader.bytes());
    else reader.skip(key & 7);
  }
  return header;
}

export function decodeFrame(buf: Uint8Array): Frame {
  const reader = new Reader(buf);
  const frame: Frame = { SeqID: 0, LogID: 0, service: 0, method: 0, headers: [] };
  while (!reader.done) {
    const key = reader.varint();
    const field = key >> 3;
    if (field >= 1 && field <= 4) {
      const value = reader.varint();
      if (field === 1) frame.SeqID = value;
      else if (field === 2) frame.LogID = value;
      else if (field === 3) frame.service = value;
      else frame.method = value;
    } else if (field === 5) frame.headers.push(decodeHeader(reader.bytes()));
    else if (field === 6) frame.payloadEncoding = decoder.decode(reader.bytes());
    else if (field === 7) frame.payloadType = decoder.decode(reader.bytes());
    else if (field === 8) frame.payload = Uint8Array.from(reader.bytes());
    else if (field === 9) frame.LogIDNew = decoder.decode(reader.bytes());
    else reader.skip(key & 7);
  }
  return frame;
}

export const headerValue = (frame: Frame, key: string): string | undefined =>
  frame.headers.find((header) => header.key === key)?.value;
