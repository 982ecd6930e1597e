import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as lark from '@larksuiteoapi/node-sdk';
import { startFeishuEmulator, type FeishuEmulator } from '../../src/lark/emulator/index.js';
import { httpFailure, newAppId, sdkClient } from './helpers.js';

// File messages and resource downloads: what the Feishu intake reads through the real SDK client.

let emulator: FeishuEmulator;
let client: lark.Client;

beforeEach(async () => {
  const appId = newAppId();
  emulator = await startFeishuEmulator({ appId, appSecret: 'secret-for-tests' });
  client = sdkClient(appId, 'secret-for-tests', emulator.url);
});
afterEach(() => emulator.close());

async function download(messageId: string, fileKey: string, type = 'file'): Promise<Buffer> {
  const resource = await client.im.messageResource.get({ path: { message_id: messageId, file_key: fileKey }, params: { type } });
  const chunks: Buffer[] = [];
  for await (const chunk of resource.getReadableStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('file messages and message resources', () => {
  it('a sent file is a file message whose key serves the registered bytes', async () => {
    const bytes = new TextEncoder().encode('# 标题\n\n正文。');
    const event = emulator.sendFile({ fileName: '报告.md', bytes, chatType: 'p2p', senderId: 'ou_files' });
    const message = event.event.message;
    expect(message.message_type).toBe('file');
    const content = JSON.parse(message.content) as { file_key: string; file_name: string };
    expect(content.file_name).toBe('报告.md');
    expect(content.file_key).toMatch(/^file_v3_emu_/);
    expect(new Uint8Array(await download(message.message_id, content.file_key))).toEqual(bytes);
  });

  it('refuses a missing type, a key of another message and an unknown message, as Feishu does', async () => {
    const first = emulator.sendFile({ fileName: 'a.txt', bytes: new TextEncoder().encode('甲') }).event.message;
    const second = emulator.sendFile({ fileName: 'b.txt', bytes: new TextEncoder().encode('乙') }).event.message;
    const keyOf = (content: string): string => (JSON.parse(content) as { file_key: string }).file_key;
    const cases: Array<{ messageId: string; fileKey: string; type: string; code: number }> = [
      { messageId: first.message_id, fileKey: keyOf(first.content), type: 'video', code: 234001 },
      { messageId: first.message_id, fileKey: keyOf(second.content), type: 'file', code: 234004 },
      { messageId: 'om_nowhere', fileKey: keyOf(first.content), type: 'file', code: 234003 },
    ];
    for (const { messageId, fileKey, type, code } of cases) {
      const failure = await httpFailure(download(messageId, fileKey, type));
      expect(failure.status).toBe(400);
      expect(emulator.apiCalls.at(-1)?.code).toBe(code);
    }
  });
});
