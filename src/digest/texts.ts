import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "../config/index.js";
import type { BotTexts } from "../lark/index.js";

const text = z.string().min(1);

const DigestTextsSchema = z.object({
  cardTitle: text, cardTitleQuiet: text, summary: text, scopeAll: text, scopeLine: text,
  overviewTitle: text, overviewTemplate: text, overviewNew: text, overviewNoNew: text, overviewFirst: text,
  overviewTargets: text, overviewTargetsTop: text, overviewProgress: text, overviewDeadlines: text, overviewEnd: text,
  overviewLlmNote: text, overviewOfflineNote: text,
  newArticlesTitle: text, latestArticlesTitle: text, articleLine: text, articlesMore: text, noNewArticles: text,
  targetsTitle: text, targetZoneLine: text, targetLine: text, targetsMore: text, noTargets: text,
  progressTitle: text, progressLine: text, progressRatio: text, noProgress: text,
  deadlinesTitle: text, deadlineLine: text, deadlineAhead: text, deadlinePast: text, noDeadlines: text,
  chartTitle: text, chartCaption: text,
  followupTitle: text, followupPlaceholder: text, followupButton: text, followupExample: text, followupThinking: text, followupEmpty: text,
  footer: text, quiet: text, truncated: text,
  kindTarget: text, kindActual: text, kindPlan: text, kindInvestment: text, unknownDate: text,
  weekdays: z.array(text).length(7),
  commandDescription: text, commandUsage: text, usage: text,
  subscribed: text, resubscribed: text, unsubscribed: text, notSubscribed: text, status: text, statusNever: text, statusLast: text,
  statusSent: text, statusSkipped: text, statusFailed: text, statusClaimed: text,
  notAdmin: text, adminCheckFailed: text, badTime: text, badWeekday: text, unknownZone: text, onTheHour: text, unknownSub: text,
  welcome: text, llmSystem: text, llmUser: text, followupQuestion: text,
});

/** The digest's Chinese texts, from prompts/digest-texts.json (data, not code). */
export type DigestTexts = z.infer<typeof DigestTextsSchema>;

export const DEFAULT_DIGEST_TEXTS_FILE = path.join(PROJECT_ROOT, "prompts", "digest-texts.json");

let cached: DigestTexts | undefined;

/** Reads and validates the texts file; a missing or empty key is an error naming the key. */
export function loadDigestTexts(file: string = DEFAULT_DIGEST_TEXTS_FILE): DigestTexts {
  if (file === DEFAULT_DIGEST_TEXTS_FILE && cached) return cached;
  const parsed = DigestTextsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new Error(`${file} is not a valid digest texts file:\n  - ${problems.join("\n  - ")}`);
  }
  if (file === DEFAULT_DIGEST_TEXTS_FILE) cached = parsed.data;
  return parsed.data;
}

/**
 * The bot's texts with the digest's welcome (explains /help and /digest): pass as `startBot({ texts })`
 * so the App's existing im.chat.member.bot.added_v1 handler posts it.
 */
export function withDigestWelcome(bot: BotTexts, texts: DigestTexts = loadDigestTexts()): BotTexts {
  return { ...bot, welcome: texts.welcome };
}
