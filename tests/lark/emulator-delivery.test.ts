import * as lark from '@larksuiteoapi/node-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { decryptPayload, startFeishuEmulator, type FeishuEmulator } from '../../src/lark/emulator/index.js';
import { newAppId, quietLogging, startServer, type LocalServer } from './helpers.js';

const encryptKey = 'encrypt-key-for-tests';
const verificationToken = 'verification-token';

interface Receiver {
  server: LocalServer;
  received: Array<Record<string, unknown>>;
  /** HTTP status the receiver answers with for the next requests (bypassing the SDK). */
  failNext: number;
}

/** A bot webhook built only from the SDK's own pieces: EventDispatcher + adaptDefault. */
async function startReceiver(key: string | undefined): Promise<Receiver> {
  const receiver: Receiver = { server: undefined as unknown as LocalServer, received: [], failNext: 0 };
  const events = new lark.EventDispatcher({ encryptKey: key, verificationToken, ...quietLogging }).register({
    'im.message.receive_v1': async (data) => {
      receiver.received.push(data as unknown as Record<string, unknown>);
      return {};
    },
    'im.chat.member.bot.added_v1': async (data) => {
      receiver.received.push(data as unknown as Record<string, unknown>);
      return {};
    },
  });
  const cards = new lark.EventDispatcher({ encryptKey: key, verificationToken, ...quietLogging }).register<{
    'card.action.trigger': (data: Record<string, unknown>) => Promise<unknown>;
  }>({
    'card.action.trigger': async (data) => {
      receiver.received.push(data);
      return { toast: { type: 'success', content: 'noted' } };
    },
  });
  const eventHandler = lark.adaptDefault('/webhook/event', events, { autoChallenge: true });
  const cardHandler = lark.adaptDefault('/webhook/card', cards, { autoChallenge: true });
  receiver.server = await startServer((req, res) => {
    if (receiver.failNext > 0) {
      receiver.failNext -= 1;
      req.resume();
      res.writeHead(503).end('busy');
      return;
    }
    void (req.url === '/webhook/card' ? cardHandler(req, res) : eventHandler(req, res));
  });
  return receiver;
}

let emulator: FeishuEmulator | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await emulator?.close();
  await receiver?.server.close();
});

async function setup(key: string | undefined = encryptKey, schedule = [50, 50]): Promise<{ emulator: FeishuEmulator; receiver: Receiver }> {
  receiver = await startReceiver(key);
  emulator = await startFeishuEmulator({
    appId: newAppId(),
    appSecret: 's',
    encryptKey: key,
    verificationToken,
    webhookUrl: `${receiver.server.url}/webhook/event`,
    cardWebhookUrl: `${receiver.server.url}/webhook/card`,
    redeliverySchedulesMs: schedule,
    deliveryTimeoutMs: 500,
  });
  return { emulator, receiver };
}

describe('event delivery to an SDK webhook', () => {
  it('delivers an encrypted, signed group mention the SDK decrypts and flattens', async () => {
    const { emulator, receiver } = await setup();
    const event = emulator.events.textMessage({ chatType: 'group', chatId: 'oc_g', text: 'GDP of Jimo?', mentionBot: true, senderId: 'ou_alice' });
    const result = await emulator.deliver(event);
    expect(result.delivered).toBe(true);
    expect(result.attempts).toHaveLength(1);
    const got = receiver.received[0] as { event_id: string; token: string; message: { content: string; mentions: Array<{ key: string; id: { open_id: string } }> }; sender: { sender_id: { open_id: string } } };
    expect(got.event_id).toBe(event.header.event_id);
    expect(got.token).toBe(verificationToken);
    expect(JSON.parse(got.message.content)).toEqual({ text: '@_user_1 GDP of Jimo?' });
    expect(got.message.mentions[0]).toMatchObject({ key: '@_user_1', id: { open_id: emulator.botOpenId } });
    expect(got.sender.sender_id.open_id).toBe('ou_alice');
  });

  it('the body on the wire is {encrypt} and decrypts to the schema 2.0 envelope', async () => {
    const { emulator } = await setup();
    let wireBody = '';
    const spy = await startServer((req, res) => {
      req.on('data', (chunk: Buffer) => { wireBody += chunk.toString(); });
      req.on('end', () => res.end('{}'));
    });
    try {
      await emulator.deliver(emulator.events.botAdded({ chatId: 'oc_new', operatorId: 'ou_bob' }), { url: spy.url });
    } finally {
      await spy.close();
    }
    const { encrypt } = JSON.parse(wireBody) as { encrypt: string };
    const envelope = JSON.parse(decryptPayload(encryptKey, encrypt)) as { schema: string; header: { event_type: string }; event: { chat_id: string } };
    expect(envelope.schema).toBe('2.0');
    expect(envelope.header.event_type).toBe('im.chat.member.bot.added_v1');
    expect(envelope.event.chat_id).toBe('oc_new');
    expect(emulator.chats.get('oc_new')?.owner_id).toBe('ou_bob');
  });

  it('a bad signature is ignored by the SDK (200, empty body, handler not called)', async () => {
    const { emulator, receiver } = await setup();
    const result = await emulator.deliver(emulator.events.textMessage({ text: 'hi' }), { badSignature: true });
    expect(result.response?.status).toBe(200);
    expect(result.response?.text).toBe('');
    expect(receiver.received).toHaveLength(0);
  });

  it('redelivers after non-200 answers following the schedule', async () => {
    const { emulator, receiver } = await setup(encryptKey, [50, 80]);
    receiver.failNext = 2;
    const result = await emulator.deliver(emulator.events.textMessage({ text: 'retry me' }));
    expect(result.attempts.map((a) => a.status)).toEqual([503, 503, 200]);
    expect(result.delivered).toBe(true);
    expect(result.attempts[1]!.at - result.attempts[0]!.at).toBeGreaterThanOrEqual(45);
    expect(receiver.received).toHaveLength(1);
  });

  it('gives up after the schedule and counts timeouts as failures', async () => {
    const { emulator } = await setup(encryptKey, [30]);
    const hanging = await startServer(() => { /* never answers */ });
    try {
      const result = await emulator.deliver(emulator.events.textMessage({ text: 'x' }), { url: hanging.url, timeoutMs: 100 });
      expect(result.delivered).toBe(false);
      expect(result.attempts).toHaveLength(2);
      expect(result.attempts[0]?.error).toMatch(/timeout/);
    } finally {
      await hanging.close();
    }
  });

  it('passes the URL verification challenge (encrypted and plain)', async () => {
    const { emulator } = await setup();
    const encrypted = await emulator.challenge();
    expect(encrypted.ok).toBe(true);
    expect(JSON.parse(encrypted.responseText ?? '{}')).toEqual({ challenge: encrypted.challenge });
    await emulator.close();
    await receiver?.server.close();
    const plain = await setup(undefined);
    expect((await plain.emulator.challenge()).ok).toBe(true);
  });

  it('delivers plaintext events when no encrypt key is configured', async () => {
    const { emulator, receiver } = await setup(undefined);
    const post = emulator.events.postMessage({ chatType: 'group', mentionBot: true, paragraphs: [[{ tag: 'text', text: 'hello' }]] });
    expect((await emulator.deliver(post)).delivered).toBe(true);
    const got = receiver.received[0] as { message: { content: string; message_type: string } };
    expect(got.message.message_type).toBe('post');
    expect(JSON.parse(got.message.content).content[0][0]).toMatchObject({ tag: 'at', user_id: '@_user_1' });
  });

  it('routes card.action.trigger to the card webhook and returns the handler answer', async () => {
    const { emulator, receiver } = await setup();
    const action = emulator.events.cardAction({ chatId: 'oc_g', messageId: 'om_card', value: { action: 'more' } });
    const result = await emulator.deliver(action);
    expect(result.url).toMatch(/\/webhook\/card$/);
    expect(result.response?.json).toEqual({ toast: { type: 'success', content: 'noted' } });
    expect(receiver.received[0]).toMatchObject({ action: { value: { action: 'more' } }, context: { open_message_id: 'om_card' } });
  });

  it('delivers duplicates concurrently with the same event_id', async () => {
    const { emulator, receiver } = await setup();
    const event = emulator.events.textMessage({ text: 'dup' });
    const results = await emulator.deliverDuplicates(event, 3);
    expect(results.every((r) => r.delivered)).toBe(true);
    const ids = receiver.received.map((e) => e.event_id);
    expect(ids).toEqual([event.header.event_id, event.header.event_id, event.header.event_id]);
  });

  it('records delivered inbound messages so the bot can reply to them', async () => {
    const { emulator } = await setup();
    const raw = emulator.events.envelope('im.message.receive_v1', {
      sender: { sender_id: { open_id: 'ou_x' }, sender_type: 'user' },
      message: { message_id: 'om_raw', chat_id: 'oc_raw', chat_type: 'group', message_type: 'text', content: '{"text":"hi"}', create_time: '1' },
    });
    await emulator.deliver(raw);
    expect(emulator.message('om_raw')?.origin).toBe('inbound');
  });
});
