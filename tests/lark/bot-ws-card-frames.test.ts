import { describe, expect, it } from "vitest";
import { createDigest, FOLLOWUP_ACTION, FOLLOWUP_FIELD } from "../../src/digest/index.js";
import { QUESTION, cardOf, cardText, seedBots } from "../app/harness.js";

// Card callbacks over the long connection work as over the webhook — the feedback buttons and the
// digest's follow-up form, each answered with a toast in the ACK — whether Feishu sends them in
// `event` frames or in `card` frames (which the SDK's WSClient alone would drop unacknowledged).

const bots = seedBots();

describe("card callbacks over the long connection", () => {
  for (const frameType of ["event", "card"] as const) {
    it(`feedback buttons in ${frameType} frames: the vote is stored and the toast comes back in the ACK`, async () => {
      const h = await bots.start(bots.engine, { transport: "ws" });
      const question = h.emulator.events.textMessage({ chatType: "p2p", senderId: "ou_voter", text: QUESTION });
      await h.emulator.pushEvent(question);
      const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === question.event.message.message_id);
      await h.settled();
      const click = h.emulator.events.cardAction({
        chatId: reply!.chat_id, messageId: reply!.message_id, operatorId: "ou_voter",
        value: { action: "feedback", vote: "down", q: question.event.message.message_id },
      });
      const ack = await h.emulator.pushEvent(click, { frameType, ackTimeoutMs: 2000 });
      expect(ack).toEqual({ code: 200, data: { toast: { type: "success", content: "已记录，我们会改进。" } } });
      expect(h.state.votes()).toMatchObject([{ vote: "down", userId: "ou_voter", question: QUESTION }]);
    });
  }

  it("the digest's follow-up form in a card frame: a toast at once, the answer posted under the digest", async () => {
    const digest = createDigest(bots.engine, bots.config);
    try {
      const h = await bots.start(bots.engine, { transport: "ws", commands: digest.commands, cardActions: digest.cardActions, texts: digest.texts });
      const now = h.emulator.events.textMessage({ chatType: "p2p", senderId: "ou_reader", text: "/digest now" });
      await h.emulator.pushEvent(now);
      const [digestCard] = await h.emulator.waitForMessages((m) => m.parent_id === now.event.message.message_id, 1, 10_000);
      const submit = h.emulator.events.cardAction({
        chatId: digestCard!.chat_id, messageId: digestCard!.message_id, operatorId: "ou_reader",
        value: { action: FOLLOWUP_ACTION }, name: "followup_ask", formValue: { [FOLLOWUP_FIELD]: QUESTION },
      });
      const ack = await h.emulator.pushEvent(submit, { frameType: "card", ackTimeoutMs: 2000 });
      expect(ack.code).toBe(200);
      expect(ack.data).toMatchObject({ toast: { type: "info", content: expect.stringContaining(QUESTION) } });
      const [answer] = await h.emulator.waitForMessages((m) => m.parent_id === digestCard!.message_id, 1, 10_000);
      expect(cardText(cardOf(h, answer!))).toContain("20%");
    } finally {
      await bots.close();
      digest.service.close();
    }
  });
});
