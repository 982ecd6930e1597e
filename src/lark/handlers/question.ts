import type { Answer, Turn } from "../../brain/types.js";
import { answerCard } from "../cards/index.js";
import type { MessageContext } from "../context.js";
import { startStreamingReply } from "../streaming.js";

/**
 * Answers a question with the engine and replies with the answer card. With the LLM brain the reply
 * is a 「查询中…」 card first, streamed into as the model writes; the offline brain answers in
 * milliseconds, so its card is sent once. The turn is stored for follow-ups (「那2021年呢？」).
 */
export async function answerQuestion(ctx: MessageContext): Promise<void> {
  const { engine, state, texts, tuning, clock } = ctx.services;
  const started = clock();
  let turns = state.recentTurns(ctx.conversationKey, tuning.historyTurns);
  // The first question in a thread continues the turn the thread was opened on (a question or an answer).
  if (turns.length === 0 && ctx.message.threadId && ctx.message.rootId) {
    const root = state.turnAt(ctx.message.rootId);
    if (root) turns = [root];
  }
  // The store keeps the brain's frames as it was given them: they are the brain's again here.
  const history: Turn[] = turns.map(({ question, answer, frame }) => ({ question, answer, frame: frame as Turn["frame"] }));
  const options = { questionMessageId: ctx.message.messageId };
  let answer: Answer;
  let replyId: string;
  if (engine.defaultBrain === "llm") {
    const stream = await startStreamingReply(ctx);
    ctx.streaming = stream;
    ctx.services.inFlight.get(ctx.message.messageId)?.replies.push(stream.messageId);
    answer = await engine.ask(ctx.text, history, { chatId: ctx.message.chatId, onText: (text) => stream.update(text) });
    if (ctx.isRecalled()) {
      await stream.cancel();
      ctx.streaming = undefined;
      return withdrawStreamingCard(ctx, stream.messageId);
    }
    await stream.finish(answerCard(answer, texts, options));
    markAnswered(ctx);
    replyId = stream.messageId;
  } else {
    answer = await engine.ask(ctx.text, history, { chatId: ctx.message.chatId });
    // The user may have recalled the question while it was answered: then the answer is not sent.
    if (ctx.isRecalled()) return ctx.drop("recalled");
    replyId = (await ctx.reply(answerCard(answer, texts, options), "answer")).messageId;
    markAnswered(ctx);
  }
  state.addTurn({
    conversation: ctx.conversationKey, chatId: ctx.message.chatId, messageId: ctx.message.messageId, replyId,
    question: ctx.text, answer: answer.answer, frame: answer.frame,
  });
  const durationMs = clock() - started;
  ctx.log.info("answered", { replyId, durationMs, mode: answer.mode, brain: answer.brain, found: answer.found });
  ctx.services.emit({ type: "answered", messageId: ctx.message.messageId, replyId, durationMs, mode: answer.mode });
}

/** A question recalled while its 「查询中…」 card was streaming: the unfinished card goes too. */
async function withdrawStreamingCard(ctx: MessageContext, messageId: string): Promise<void> {
  ctx.drop("recalled");
  try {
    await ctx.services.sender.recallMessage(messageId);
  } catch (error) {
    ctx.log.warn("could not recall the unfinished answer card", { replyId: messageId, error: String(error) });
  }
}

/** The answer is out: a recall from now on leaves it in place (or recalls it, when configured). */
export function markAnswered(ctx: MessageContext): void {
  const entry = ctx.services.inFlight.get(ctx.message.messageId);
  if (entry) entry.answered = true;
}
