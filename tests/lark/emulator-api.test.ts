import * as lark from '@larksuiteoapi/node-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CARDKIT_CODES, startFeishuEmulator, type FeishuEmulator } from '../../src/lark/emulator/index.js';
import { card2, httpFailure, newAppId, quietLogging, sdkClient } from './helpers.js';

type TokenCache = NonNullable<ConstructorParameters<typeof lark.Client>[0]['cache']>;

const appSecret = 'secret-for-tests';
let emulator: FeishuEmulator;
let client: lark.Client;
let appId: string;

beforeEach(async () => {
  appId = newAppId();
  emulator = await startFeishuEmulator({ appId, appSecret });
  client = sdkClient(appId, appSecret, emulator.url);
});
afterEach(() => emulator.close());

const tokenCalls = (): number => emulator.apiCalls.filter((call) => call.path.endsWith('/tenant_access_token/internal')).length;

async function userMessage(text = 'hello'): Promise<string> {
  const event = emulator.events.textMessage({ chatType: 'group', chatId: 'oc_group_a', text, mentionBot: true });
  return event.event.message.message_id;
}

describe('Open API emulation through the real SDK client', () => {
  it('issues one token for several calls and answers create/reply/patch in SDK shape', async () => {
    const created = await client.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: 'oc_group_a', msg_type: 'interactive', content: JSON.stringify(card2('thinking…')) },
    });
    expect(created.code).toBe(0);
    const messageId = created.data?.message_id ?? '';
    expect(messageId).toMatch(/^om_/);
    expect(created.data?.chat_id).toBe('oc_group_a');

    const root = await userMessage('question');
    const reply = await client.im.message.reply({
      path: { message_id: root },
      data: { msg_type: 'text', content: JSON.stringify({ text: 'answer' }), reply_in_thread: true },
    });
    expect(reply.data?.parent_id).toBe(root);
    expect(reply.data?.root_id).toBe(root);
    expect(reply.data?.thread_id).toMatch(/^omt_/);
    expect(emulator.message(root)?.thread_id).toBe(reply.data?.thread_id);

    const patched = await client.im.message.patch({
      path: { message_id: messageId },
      data: { content: JSON.stringify(card2('final answer')) },
    });
    expect(patched.code).toBe(0);
    expect(emulator.message(messageId)?.revisions).toHaveLength(1);
    expect(JSON.stringify(emulator.message(messageId)?.body)).toContain('final answer');

    expect(tokenCalls()).toBe(1);
    const authed = emulator.apiCalls.filter((call) => call.path.startsWith('/open-apis/im/'));
    expect(authed.every((call) => call.token === emulator.issuedTokens[0])).toBe(true);
    expect(emulator.messages.map((m) => m.origin)).toEqual(['create', 'reply']);
  });

  it('keeps later replies in an existing thread without reply_in_thread', async () => {
    const root = await userMessage();
    const first = await client.im.message.reply({
      path: { message_id: root },
      data: { msg_type: 'text', content: JSON.stringify({ text: 'a' }), reply_in_thread: true },
    });
    const inThread = emulator.events.textMessage({ chatType: 'group', chatId: 'oc_group_a', text: 'follow-up', threadId: first.data?.thread_id });
    expect(inThread.event.message.root_id).toBe(root);
    const second = await client.im.message.reply({
      path: { message_id: inThread.event.message.message_id },
      data: { msg_type: 'text', content: JSON.stringify({ text: 'b' }) },
    });
    expect(second.data?.thread_id).toBe(first.data?.thread_id);
    expect(second.data?.root_id).toBe(root);
  });

  it('returns the first message again for a repeated uuid', async () => {
    const send = () => client.im.message.create({
      params: { receive_id_type: 'open_id' },
      data: { receive_id: 'ou_someone', msg_type: 'text', content: JSON.stringify({ text: 'once' }), uuid: 'u-123' },
    });
    const [a, b] = [await send(), await send()];
    expect(b.data?.message_id).toBe(a.data?.message_id);
    expect(emulator.messages).toHaveLength(1);
    expect(emulator.messages[0]?.chat_type).toBe('p2p');
  });

  it('rejects cards above 30 KB with 230025 and malformed content with 230001', async () => {
    const big = card2('x'.repeat(31 * 1024));
    const tooLong = await httpFailure(client.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: 'oc_group_a', msg_type: 'interactive', content: JSON.stringify(big) },
    }));
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.code).toBe(230025);
    const malformed = await httpFailure(client.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: 'oc_group_a', msg_type: 'text', content: '{not json' },
    }));
    expect(malformed.data.code).toBe(230001);
    const elementsOn2 = await httpFailure(client.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: 'oc_group_a', msg_type: 'interactive', content: JSON.stringify({ schema: '2.0', elements: [] }) },
    }));
    expect(elementsOn2.data.code).toBe(230099);
    expect(emulator.messages).toHaveLength(0);
  });

  it('refuses to patch a non-shared 1.0 card and limits patches to 5 per second per message', async () => {
    const legacy = await client.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: 'oc_group_a', msg_type: 'interactive', content: JSON.stringify({ elements: [{ tag: 'div' }] }) },
    });
    const notShared = await httpFailure(client.im.message.patch({
      path: { message_id: legacy.data?.message_id ?? '' },
      data: { content: JSON.stringify(card2('new')) },
    }));
    expect(notShared.data.code).toBe(230001);

    const shared = await client.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: 'oc_group_a', msg_type: 'interactive', content: JSON.stringify(card2('v0')) },
    });
    const patch = (i: number) => client.im.message.patch({
      path: { message_id: shared.data?.message_id ?? '' },
      data: { content: JSON.stringify(card2(`v${i}`)) },
    });
    const results = await Promise.allSettled([1, 2, 3, 4, 5, 6].map(patch));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const limited = await httpFailure(patch(7));
    expect(limited.data.code).toBe(230020);
  });

  it('surfaces an injected 429 to the SDK with x-ogw-ratelimit-reset, then recovers', async () => {
    emulator.faults.inject({ kind: '429', times: 1, resetSeconds: 3, pathIncludes: '/im/v1/messages' });
    const send = () => client.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: 'oc_group_a', msg_type: 'text', content: JSON.stringify({ text: 'hi' }) },
    });
    const limited = await httpFailure(send());
    expect(limited.status).toBe(429);
    expect(limited.headers['x-ogw-ratelimit-reset']).toBe('3');
    expect(limited.data.code).toBe(99991400);
    expect((await send()).code).toBe(0);
    expect(emulator.apiCalls.find((call) => call.fault === '429')?.status).toBe(429);
  });

  it('answers 500 and slow faults', async () => {
    emulator.faults.inject({ kind: '500' });
    emulator.faults.inject({ kind: 'slow', delayMs: 150 });
    const info = () => client.request<{ bot: { open_id: string } }>({ method: 'GET', url: '/open-apis/bot/v3/info' });
    expect((await httpFailure(info())).status).toBe(500);
    const started = Date.now();
    const bot = await info();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(bot.bot.open_id).toBe(emulator.botOpenId);
  });

  it('answers 99991663 for a revoked token until the client fetches a new one', async () => {
    const send = (c: lark.Client) => c.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: 'oc_group_a', msg_type: 'text', content: JSON.stringify({ text: 'hi' }) },
    });
    await send(client);
    emulator.revokeToken();
    const expired = await httpFailure(send(client));
    expect(expired.data.code).toBe(99991663);
    // The SDK caches tokens per appId process-wide; a client with its own cache refetches.
    const store = new Map<string, unknown>();
    const cache: TokenCache = {
      get: async (key) => store.get(String(key)),
      set: async (key, value) => {
        store.set(String(key), value);
        return true;
      },
    };
    const fresh = new lark.Client({ appId, appSecret, domain: emulator.url, ...quietLogging, cache });
    expect((await send(fresh)).code).toBe(0);
    expect(emulator.issuedTokens).toHaveLength(2);
  });

  it('injects token-expired answers without revoking anything', async () => {
    emulator.faults.inject({ kind: 'token-expired', times: 2 });
    const info = () => client.request({ method: 'GET', url: '/open-apis/bot/v3/info' });
    expect((await httpFailure(info())).data.code).toBe(99991663);
    expect((await httpFailure(info())).data.code).toBe(99991663);
    await expect(info()).resolves.toMatchObject({ code: 0 });
  });

  it('uploads an image and sends it; unknown image keys are rejected', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const uploaded = await client.im.image.create({ data: { image_type: 'message', image: png } });
    const imageKey = uploaded?.image_key ?? '';
    expect(emulator.images.get(imageKey)?.bytes.equals(png)).toBe(true);
    const sent = await client.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: 'oc_group_a', msg_type: 'image', content: JSON.stringify({ image_key: imageKey }) },
    });
    expect(sent.code).toBe(0);
    const unknown = await httpFailure(client.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: 'oc_group_a', msg_type: 'image', content: JSON.stringify({ image_key: 'img_nope' }) },
    }));
    expect(unknown.data.code).toBe(230001);
  });

  it('streams a CardKit entity: create, send once, increasing sequence, close streaming', async () => {
    const created = await client.cardkit.v1.card.create({
      data: { type: 'card_json', data: JSON.stringify(card2('', { streaming_mode: true })) },
    });
    const cardId = created.data?.card_id ?? '';
    const entityContent = JSON.stringify({ type: 'card', data: { card_id: cardId } });
    const root = await userMessage();
    await client.im.message.reply({ path: { message_id: root }, data: { msg_type: 'interactive', content: entityContent } });
    const again = await httpFailure(client.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: 'oc_group_a', msg_type: 'interactive', content: entityContent },
    }));
    expect(again.data.code).toBe(230099);

    const stream = (content: string, sequence: number, uuid = `c_${cardId}_${sequence}`) => client.cardkit.v1.cardElement.content({
      path: { card_id: cardId, element_id: 'answer_md' },
      data: { content, sequence, uuid },
    });
    await stream('Qing', 1);
    await stream('Qingdao', 2);
    // Same uuid is an idempotent replay; a new uuid with an old sequence is rejected.
    expect((await stream('Qingdao', 2)).code).toBe(0);
    expect((await httpFailure(stream('stale', 2, 'other-uuid'))).data.code).toBe(CARDKIT_CODES.sequenceNotIncreasing);
    await client.cardkit.v1.card.settings({
      path: { card_id: cardId },
      data: { settings: JSON.stringify({ config: { streaming_mode: false } }), sequence: 3 },
    });
    expect((await httpFailure(stream('late', 4))).data.code).toBe(CARDKIT_CODES.streamingClosed);

    const card = emulator.cards.get(cardId);
    expect(card?.contentUpdates.map((u) => u.content)).toEqual(['Qing', 'Qingdao']);
    expect(JSON.stringify(card?.card)).toContain('"content":"Qingdao"');
    expect(card?.sent_message_id).toBe(emulator.messages[0]?.message_id);

    await client.cardkit.v1.card.update({
      path: { card_id: cardId },
      data: { card: { type: 'card_json', data: JSON.stringify(card2('replaced')) }, sequence: 5 },
    });
    expect(JSON.stringify(emulator.cards.get(cardId)?.card)).toContain('replaced');
  });

  it('serves bot info, chat info with owner/admins, and paged members', async () => {
    emulator.addChat({ chat_id: 'oc_digest', owner_id: 'ou_owner', user_manager_id_list: ['ou_admin'], member_open_ids: ['ou_owner', 'ou_admin', 'ou_c'] });
    const chat = await client.im.chat.get({ path: { chat_id: 'oc_digest' } });
    expect(chat.data?.owner_id).toBe('ou_owner');
    expect(chat.data?.user_manager_id_list).toEqual(['ou_admin']);
    const page1 = await client.im.chatMembers.get({ path: { chat_id: 'oc_digest' }, params: { page_size: 2 } });
    expect(page1.data?.items?.map((m) => m.member_id)).toEqual(['ou_owner', 'ou_admin']);
    expect(page1.data?.has_more).toBe(true);
    const page2 = await client.im.chatMembers.get({ path: { chat_id: 'oc_digest' }, params: { page_size: 2, page_token: page1.data?.page_token } });
    expect(page2.data?.items?.map((m) => m.member_id)).toEqual(['ou_c']);
    expect((await httpFailure(client.im.chat.get({ path: { chat_id: 'oc_missing' } }))).status).toBe(400);
  });

  it('waits for messages sent asynchronously', async () => {
    const waiting = emulator.waitForMessages((m) => m.msg_type === 'text', 2, 2000);
    setTimeout(() => {
      for (const text of ['a', 'b']) {
        void client.im.message.create({
          params: { receive_id_type: 'chat_id' },
          data: { receive_id: 'oc_group_a', msg_type: 'text', content: JSON.stringify({ text }) },
        });
      }
    }, 20);
    const found = await waiting;
    expect(found.map((m) => (m.body as { text: string }).text).sort()).toEqual(['a', 'b']);
    await expect(emulator.waitForMessages((m) => m.msg_type === 'post', 1, 50)).rejects.toThrow(/timed out/);
  });

  it('rejects API calls without a token and wrong app secrets', async () => {
    const res = await fetch(`${emulator.url}/open-apis/bot/v3/info`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: number }).code).toBe(99991661);
    const wrong = sdkClient(appId, 'wrong-secret', emulator.url);
    await expect(wrong.request({ method: 'GET', url: '/open-apis/bot/v3/info' })).rejects.toThrow();
  });
});
