import { randomBytes } from "node:crypto";
import type { Config } from "../config/index.js";
import type { BotEngine } from "../lark/index.js";
import { startFeishuEmulator, type FeishuEmulator, type FeishuEmulatorOptions } from "../lark/emulator/index.js";
import { startBot, type FeishuSettings, type RunningBot, type StartBotOptions } from "./start-bot.js";

export interface LocalBotOptions extends Omit<StartBotOptions, "feishu"> {
  /** Default `webhook`. */
  transport?: "webhook" | "ws";
  /** Given: webhooks are encrypted and signed with it. */
  encryptKey?: string;
  verificationToken?: string;
  /** Extra emulator settings (redelivery schedule, clock, …). */
  emulator?: Partial<FeishuEmulatorOptions>;
  /** Extra bot settings (long-connection liveness, typing indicator, recalls). */
  feishu?: Partial<FeishuSettings>;
}

export interface LocalBot {
  emulator: FeishuEmulator;
  bot: RunningBot;
  appId: string;
  close(): Promise<void>;
}

/**
 * The bot against the Feishu emulator, in one process on loopback: what the browser playground and
 * the end-to-end tests run. Webhook mode points the emulator's event and card webhooks at the bot;
 * ws mode waits until the bot's WSClient holds the long connection.
 */
export async function startLocalBot(config: Config, engine: BotEngine, options: LocalBotOptions = {}): Promise<LocalBot> {
  const appId = `cli_${randomBytes(8).toString("hex")}`;
  const appSecret = randomBytes(16).toString("hex");
  const transport = options.transport ?? "webhook";
  const emulator = await startFeishuEmulator({
    appId, appSecret, encryptKey: options.encryptKey, verificationToken: options.verificationToken, ...options.emulator,
  });
  let bot: RunningBot;
  try {
    bot = await startBot(config, engine, {
      ...options,
      feishu: {
        appId, appSecret, domain: emulator.url, transport, host: "127.0.0.1", port: 0,
        encryptKey: options.encryptKey, verificationToken: options.verificationToken, ...options.feishu,
      },
    });
    if (bot.webhook) emulator.configureWebhooks({ webhookUrl: bot.webhook.eventUrl, cardWebhookUrl: bot.webhook.cardUrl });
    else await emulator.waitForWsClient(5000);
  } catch (error) {
    await emulator.close();
    throw error;
  }
  return {
    emulator,
    bot,
    appId,
    close: async () => {
      await bot.stop();
      await emulator.close();
    },
  };
}
