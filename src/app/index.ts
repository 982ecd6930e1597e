export { startBot, type FeishuSettings, type RunningBot, type StartBotOptions } from "./start-bot.js";
export { startLocalBot, type LocalBot, type LocalBotOptions } from "./local.js";
