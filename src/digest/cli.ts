import type { Config } from "../config/index.js";
import { createJsonLogger, createLarkClient, Sender, TokenCache, type BotLogger } from "../lark/index.js";
import type { DigestEngine } from "./content.js";
import { DigestService, type ComposedDigest, type DigestSender } from "./service.js";
import { DigestStore } from "./store.js";

export interface DigestCliOptions {
  /** Print the card (or text) without sending (the default when --send is absent). */
  dryRun?: boolean;
  /** Send one digest now to `chat`. */
  send?: boolean;
  chat?: string;
  /** Zone names or aliases: an array, or one string split on commas/spaces. */
  zones?: string[] | string;
  /** YYYY-MM-DD: articles ingested since then count as new (default: the chat's last digest, else the latest articles). */
  since?: string;
  /** Print the card JSON instead of the readable text. */
  json?: boolean;
  /** Where output goes (default process.stdout). */
  write?: (text: string) => void;
  /** Tests: a sender instead of one built from config.feishu. */
  sender?: DigestSender;
  now?: number;
  logger?: BotLogger;
}

export class DigestCliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DigestCliError";
  }
}

/**
 * `zonebot digest --dry-run [--zones …] [--since DATE] [--json]` prints the card JSON or a readable text;
 * `zonebot digest --send --chat <chat_id>` sends one now through the Feishu API (config.feishu).
 * Throws DigestCliError on bad arguments (the CLI prints it and exits 2).
 */
export async function runDigestCli(engine: DigestEngine, config: Config, options: DigestCliOptions = {}): Promise<ComposedDigest & { messageId?: string }> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const zones = resolveZones(engine, options.zones);
  if (options.since !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(options.since) || Number.isNaN(Date.parse(options.since)))) {
    throw new DigestCliError(`--since must be YYYY-MM-DD, got "${options.since}"`);
  }
  if (options.send && !options.chat) throw new DigestCliError("--send needs --chat <chat_id>");
  if (options.send && options.dryRun) throw new DigestCliError("use either --dry-run or --send");
  const store = DigestStore.open(config.dataDir);
  const service = new DigestService(engine, config, { store, logger: options.logger, clock: options.now === undefined ? undefined : () => options.now! });
  try {
    if (options.send) {
      const sender = options.sender ?? cliSender(config, options.logger);
      const sent = await service.sendNow(sender, options.chat!, { zones, since: options.since });
      write(`digest sent to ${options.chat}: message ${sent.messageId} (${sent.digest.bytes} bytes)\n`);
      return { ...sent.digest, messageId: sent.messageId };
    }
    const digest = await service.compose({ zones, since: options.since, chatId: options.since ? undefined : options.chat, full: true });
    write(options.json ? `${JSON.stringify(digest.card, null, 2)}\n` : `${digest.text}\n\n(${digest.bytes} bytes as a card)\n`);
    return digest;
  } finally {
    service.close();
    store.close();
  }
}

function resolveZones(engine: DigestEngine, zones: string[] | string | undefined): string[] {
  const names = (Array.isArray(zones) ? zones : zones ? [zones] : []).flatMap((z) => z.split(/[,，、\s]+/u)).filter(Boolean);
  return names.map((name) => {
    const zone = engine.corpus.gazetteer.known(name);
    if (!zone) throw new DigestCliError(`unknown zone "${name}"`);
    return zone;
  });
}

function cliSender(config: Config, logger: BotLogger = createJsonLogger("warn")): Sender {
  if (!config.feishu) throw new DigestCliError("--send needs FEISHU_APP_ID and FEISHU_APP_SECRET");
  const tokens = new TokenCache();
  return new Sender(createLarkClient(config.feishu, tokens, logger), tokens, { logger });
}
