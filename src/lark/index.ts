// The Feishu bot: receivers (webhook, long connection) → App (intake chain, queue) → handlers → Sender.
export { AckGate } from "./ack-gate.js";
export { App, HANDLED_EVENTS, mergeTuning, type AppOptions, type HealthSource } from "./app.js";
export {
  answerCard, apologyCard, cardBytes, CARD_LIMIT_BYTES, markdownCard, pendingCard, type Card, type CardElement, type FeedbackValue,
} from "./cards/index.js";
export { builtinCommands, commandList, helpText } from "./commands/builtin.js";
export { CommandRegistry, type BotCommand } from "./commands/registry.js";
export { DEFAULT_TUNING, type BotServices, type BotTuning, type CommandContext, type MessageContext } from "./context.js";
export { BotError, LarkApiError, ReceiverAuthenticityError, type BotErrorCode } from "./errors.js";
export { toast, type CardActionContext, type CardActionHandler } from "./handlers/card-action.js";
export { createJsonLogger, silentLogger, type BotLogger, type LogLevel } from "./logger.js";
export { parseCommand, type InboundMessage, type ParsedCommand } from "./message.js";
export { compose, type Middleware } from "./middleware/compose.js";
export { mayManage, type OneToOneRule, type Permission } from "./permission.js";
export { LeanHttp, type LeanHttpOptions } from "./outbound/index.js";
export { HttpReceiver, type HttpReceiverOptions } from "./receivers/http-receiver.js";
export type { Receiver } from "./receivers/receiver.js";
export { startHealthServer, type HealthServer } from "./receivers/health-server.js";
export { DEFAULT_PING_TIMEOUT_MS, DEFAULT_SILENCE_ALERT_MS, WsReceiver, type WsReceiverOptions } from "./receivers/ws-receiver.js";
export { expectedSignature, type WebhookSecurity } from "./security.js";
export {
  createLarkClient, DEFAULT_RETRY, deriveUuid, Sender, TokenCache, type LarkClientSettings, type RetryPolicy, type SentMessage,
} from "./sender.js";
export { fill, loadBotTexts, type BotTexts } from "./texts.js";
export type { AckBody, BotActivity, BotEngine, DropReason, IncomingEvent, Transport } from "./types.js";
