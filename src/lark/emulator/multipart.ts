// Minimal multipart/form-data reader: enough for the SDK's image upload
// (axios + form-data), which sends one text field and one file field.

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  return match?.[1] ?? match?.[2]?.trim();
}

export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    // Each part sits between "--boundary\r\n" and "\r\n--boundary".
    const part = parsePart(body.subarray(start + delimiter.length + 2, next - 2));
    if (part) parts.push(part);
    start = next;
  }
  return parts;
}

function parsePart(chunk: Buffer): MultipartPart | undefined {
  const headerEnd = chunk.indexOf('\r\n\r\n');
  if (headerEnd === -1) return undefined;
  const headers = chunk.subarray(0, headerEnd).toString('utf8');
  const name = /name="([^"]*)"/i.exec(headers)?.[1];
  if (name === undefined) return undefined;
  return {
    name,
    filename: /filename="([^"]*)"/i.exec(headers)?.[1],
    contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1],
    data: chunk.subarray(headerEnd + 4),
  };
}
