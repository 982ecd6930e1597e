import type * as lark from '@larksuiteoapi/node-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFeishuEmulator, type FeishuEmulator } from '../../src/lark/emulator/index.js';
import { card2, httpFailure, newAppId, sdkClient } from './helpers.js';

// The emulator's reactions and recall APIs through the real SDK client, and the recall/menu/@all events.

const appSecret = 'secret-for-tests';
let emulator: FeishuEmulator;
let client: lark.Client;

beforeEach(async () => {
  const appId = newAppId();
  emulator = await startFeishuEmulator({ appId, appSecret });
  client = sdkClient(appId, appSecret, emulator.url);
});
afterEach(() => emulator.close());

const userMessage = (): string => emulator.events.textMessage({ chatType: 'p2p', text: 'hello' }).event.message.message_id;

describe('message reactions', () => {
  it('adds, lists and deletes a reaction; deleted ones stay visible to tests', async () => {
    const messageId = userMessage();
    const added = await client.im.messageReaction.create({ path: { message_id: messageId }, data: { reaction_type: { emoji_type: 'Typing' } } });
    const reactionId = added.data?.reaction_id ?? '';
    expect(reactionId).not.toBe('');
    expect(added.data?.reaction_type?.emoji_type).toBe('Typing');
    const listed = await client.im.messageReaction.list({ path: { message_id: messageId } });
    expect(listed.data?.items?.map((item) => item.reaction_id)).toEqual([reactionId]);

    await client.im.messageReaction.delete({ path: { message_id: messageId, reaction_id: reactionId } });
    expect((await client.im.messageReaction.list({ path: { message_id: messageId } })).data?.items).toEqual([]);
    expect(emulator.reactions).toMatchObject([{ reaction_id: reactionId, removed_at: expect.any(Number) }]);
    const again = await httpFailure(client.im.messageReaction.delete({ path: { message_id: messageId, reaction_id: reactionId } }));
    expect(again.data.code).toBe(231005);
  });

  const refusals: Array<{ name: string; setup: () => string; emoji: string; code: number }> = [
    { name: 'an unknown emoji type', setup: userMessage, emoji: 'NotAnEmoji', code: 231001 },
    { name: 'a recalled message', setup: () => { const id = userMessage(); emulator.recall(id); return id; }, emoji: 'Typing', code: 230011 },
    { name: 'a message that does not exist', setup: () => 'om_missing', emoji: 'Typing', code: 230001 },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.name} (${refusal.code})`, async () => {
      const failure = await httpFailure(client.im.messageReaction.create({ path: { message_id: refusal.setup() }, data: { reaction_type: { emoji_type: refusal.emoji } } }));
      expect(failure.status).toBe(400);
      expect(failure.data.code).toBe(refusal.code);
    });
  }
});

describe('recalls', () => {
  it('a user recall marks the message, gives the event, and replies to it fail with 230011', async () => {
    const messageId = userMessage();
    const event = emulator.recall(messageId) as { header: { event_type: string }; event: { message_id: string; chat_id: string; recall_type: string } };
    expect(event.header.event_type).toBe('im.message.recalled_v1');
    expect(event.event).toMatchObject({ message_id: messageId, chat_id: emulator.message(messageId)!.chat_id, recall_type: 'message_owner' });
    const failure = await httpFailure(client.im.message.reply({ path: { message_id: messageId }, data: { msg_type: 'interactive', content: JSON.stringify(card2('hi')) } }));
    expect(failure.data.code).toBe(230011);
  });

  it('the bot recalls its own message (DELETE), not a user\'s', async () => {
    const sent = await client.im.message.reply({ path: { message_id: userMessage() }, data: { msg_type: 'interactive', content: JSON.stringify(card2('answer')) } });
    const replyId = sent.data?.message_id ?? '';
    await client.im.message.delete({ path: { message_id: replyId } });
    expect(emulator.message(replyId)?.deleted).toBe(true);
    expect((await client.im.message.get({ path: { message_id: replyId } })).data?.items?.[0]?.deleted).toBe(true);
    expect((await httpFailure(client.im.message.delete({ path: { message_id: replyId } }))).data.code).toBe(230011);
    expect((await httpFailure(client.im.message.delete({ path: { message_id: userMessage() } }))).data.code).toBe(230026);
  });
});

describe('events', () => {
  it('builds @所有人 messages and bot menu clicks as Feishu sends them', () => {
    const atAll = emulator.events.textMessage({ chatType: 'group', mentionAll: true, text: '开会' });
    expect(JSON.parse(atAll.event.message.content)).toEqual({ text: '@_all 开会' });
    expect(atAll.event.message.mentions).toMatchObject([{ key: '@_all', name: '所有人' }]);
    const menu = emulator.events.botMenu({ eventKey: 'digest_now', operatorId: 'ou_clicker' }) as unknown as { header: { event_type: string }; event: { event_key: string; operator: { operator_id: { open_id: string } } } };
    expect(menu.header.event_type).toBe('application.bot.menu_v6');
    expect(menu.event).toMatchObject({ event_key: 'digest_now', operator: { operator_id: { open_id: 'ou_clicker' } } });
  });
});
