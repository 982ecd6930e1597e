export { startBot, type FeishuSettings, type RunningBot, type StartBotOptions } from "./start-bot.js";
export type { WarmUpReport, WarmUpSettings } from "./warm-up.js";
export { startLocalBot, type LocalBot, type LocalBotOptions } from "./local.js";
