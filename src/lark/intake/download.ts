import type { Readable } from "node:stream";
import type { Sender } from "../sender.js";

export class FileTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the file is larger than ${limitBytes} bytes`);
    this.name = "FileTooLargeError";
  }
}

/**
 * The bytes of a file a user sent (im.v1.messageResource.get, type=file), read from the stream and
 * abandoned as soon as they pass `maxBytes`: the event does not say how large the file is.
 */
export async function downloadMessageFile(sender: Sender, messageId: string, fileKey: string, maxBytes: number): Promise<Uint8Array> {
  // A download answers bytes, not a {code, msg} body: success is the absence of an error (code 0 for call()).
  const { resource } = await sender.call("im.messageResource.get", async () => ({
    code: 0,
    resource: await sender.client.im.messageResource.get({ path: { message_id: messageId, file_key: fileKey }, params: { type: "file" } }),
  }));
  return readLimited(resource.getReadableStream(), maxBytes);
}

async function readLimited(stream: Readable, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) {
      stream.destroy();
      throw new FileTooLargeError(maxBytes);
    }
    chunks.push(buffer);
  }
  // A copy as a plain Uint8Array: readers such as pdfjs refuse a Node Buffer.
  return new Uint8Array(Buffer.concat(chunks));
}
