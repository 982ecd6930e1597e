import * as lark from '@larksuiteoapi/node-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, startFeishuEmulator, type FeishuEmulator } from '../../src/lark/emulator/index.js';
import { newAppId, quietLogging } from './helpers.js';

let emulator: FeishuEmulator | undefined;
let wsClient: lark.WSClient | undefined;
afterEach(async () => {
  wsClient?.close({ force: true });
  await emulator?.close();
});

async function connect(handlers: {
  message?: (data: Record<string, unknown>) => Promise<unknown>;
  card?: (data: Record<string, unknown>) => Promise<unknown>;
}): Promise<FeishuEmulator> {
  const appId = newAppId();
  emulator = await startFeishuEmulator({ appId, appSecret: 'ws-secret' });
  const dispatcher = new lark.EventDispatcher({ ...quietLogging }).register<{
    'im.message.receive_v1': (data: Record<string, unknown>) => Promise<unknown>;
    'card.action.trigger': (data: Record<string, unknown>) => Promise<unknown>;
  }>({
    'im.message.receive_v1': handlers.message ?? (async () => undefined),
    'card.action.trigger': handlers.card ?? (async () => undefined),
  });
  wsClient = new lark.WSClient({ appId, appSecret: 'ws-secret', domain: emulator.url, ...quietLogging });
  void wsClient.start({ eventDispatcher: dispatcher });
  await emulator.waitForWsClient(5000);
  return emulator;
}

describe('long-connection (WSClient) emulation', () => {
  it('frame codec round-trips', () => {
    const frame = {
      SeqID: 300, LogID: 2 ** 40, service: 1, method: 1,
      headers: [{ key: 'type', value: 'event' }, { key: 'sum', value: '1' }],
      payload: new TextEncoder().encode('{"ok":true}'),
    };
    expect(decodeFrame(encodeFrame(frame))).toEqual(frame);
  });

  it('the SDK WSClient connects, receives a pushed event and ACKs it', async () => {
    const received: Array<Record<string, unknown>> = [];
    const emu = await connect({ message: async (data) => { received.push(data); } });
    expect(emu.apiCalls.some((call) => call.path === '/callback/ws/endpoint' && call.status === 200)).toBe(true);
    const event = emu.events.textMessage({ chatType: 'p2p', text: 'over ws' });
    const ack = await emu.pushEvent(event);
    expect(ack.code).toBe(200);
    expect(received[0]).toMatchObject({ event_id: event.header.event_id, message: { message_type: 'text' } });
  });

  it('reassembles fragmented payloads and returns card callback answers in the ACK', async () => {
    const emu = await connect({ card: async () => ({ toast: { type: 'info', content: 'ok' } }) });
    const action = emu.events.cardAction({ chatId: 'oc_x', messageId: 'om_x', value: { big: 'y'.repeat(5000) } });
    const ack = await emu.pushEvent(action, { fragments: 3 });
    expect(ack).toEqual({ code: 200, data: { toast: { type: 'info', content: 'ok' } } });
  });

  it('reports handler failures as ACK code 500', async () => {
    const emu = await connect({ message: async () => { throw new Error('boom'); } });
    const ack = await emu.pushEvent(emu.events.textMessage({ text: 'fail' }));
    expect(ack.code).toBe(500);
  });

  it('the client reconnects after the emulator drops the connection', async () => {
    const emu = await connect({});
    emu.dropWsClients();
    expect(emu.wsClientCount).toBe(0);
    await emu.waitForWsClient(5000);
    const endpointCalls = emu.apiCalls.filter((call) => call.path === '/callback/ws/endpoint');
    expect(endpointCalls.length).toBeGreaterThanOrEqual(2);
    expect((await emu.pushEvent(emu.events.textMessage({ text: 'after reconnect' }))).code).toBe(200);
  });
});
