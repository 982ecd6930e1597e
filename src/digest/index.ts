// The weekly digest (issue 5): subscriptions, ledger, scheduler, card, /digest and the CLI.
export { digestCard, digestText, chartElements, followupForm, FOLLOWUP_ACTION, FOLLOWUP_FIELD } from "./card.js";
export { DigestCliError, runDigestCli, type DigestCliOptions } from "./cli.js";
export { digestCardActions, digestCommand, followupAction, mayManage, parseSubscribeArgs, statusText } from "./commands.js";
export {
  articleKey, buildDigestContent, findDeadlines, rawLabel, readCorpus,
  type BuildOptions, type ChartSeries, type DeadlineItem, type DigestArticle, type DigestContent, type DigestCorpus, type DigestEngine,
  type DigestFact, type ProgressPair,
} from "./content.js";
export { chatModelWriter, templateOverview, writeOverview, type Overview, type OverviewWriter } from "./overview.js";
export {
  DEFAULT_SCHEDULE, DEFAULT_TIMEZONE, formatLocal, lastOccurrence, nextOccurrence, parseTime, parseWeekday, periodKey, type DigestSchedule,
} from "./schedule.js";
export {
  DEFAULT_GRACE_MS, DigestScheduler, DigestService,
  type ComposedDigest, type ComposeOptions, type DigestEvent, type DigestOptions, type DigestSender, type TickResult,
} from "./service.js";
export { DigestStore, type DigestSnapshot, type LedgerEntry, type LedgerStatus, type Subscription } from "./store.js";
export { loadDigestTexts, withDigestWelcome, type DigestTexts } from "./texts.js";

import type { Config } from "../config/index.js";
import type { BotCommand, BotTexts, CardActionHandler } from "../lark/index.js";
import { loadBotTexts } from "../lark/index.js";
import { digestCardActions, digestCommand } from "./commands.js";
import type { DigestEngine } from "./content.js";
import { DigestService, type DigestOptions } from "./service.js";
import { withDigestWelcome } from "./texts.js";

/** Everything `startBot` needs from the digest, plus the service to start the scheduler on. */
export interface DigestBotParts {
  service: DigestService;
  /** `startBot({ commands })`. */
  commands: BotCommand[];
  /** `startBot({ cardActions })`. */
  cardActions: Record<string, CardActionHandler>;
  /** `startBot({ texts })`: the bot's texts with a welcome that explains /help and /digest. */
  texts: BotTexts;
}

/**
 * ```ts
 * const digest = createDigest(engine, config, { logger });
 * const bot = await startBot(config, engine, { state, commands: digest.commands, cardActions: digest.cardActions, texts: digest.texts });
 * const scheduler = digest.service.startScheduler(bot.sender);
 * await bot.stopped; await scheduler.stop(); digest.service.close();
 * ```
 */
export function createDigest(engine: DigestEngine, config: Config, options: DigestOptions & { botTexts?: BotTexts } = {}): DigestBotParts {
  const service = new DigestService(engine, config, options);
  return {
    service,
    commands: [digestCommand(service)],
    cardActions: digestCardActions(service),
    texts: withDigestWelcome(options.botTexts ?? loadBotTexts(), service.texts),
  };
}
