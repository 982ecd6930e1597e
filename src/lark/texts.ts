import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "../config/index.js";

const text = z.string().min(1);

const BotTextsSchema = z.object({
  cardTitle: text, help: text, helpCommandsTitle: text, helpCommandLine: text, welcome: text,
  unsupportedType: text, tooLong: text, rateLimited: text, busy: text, apology: text, pending: text,
  emptyQuestion: text, unknownCommand: text,
  citationsTitle: text, citationsOmitted: text, citationLine: text, unknownDate: text, truncated: text,
  modeFacts: text, modeSearch: text, modeNone: text, modeLlm: text, brainOffline: text, brainLlm: text, footer: text,
  voteUp: text, voteDown: text, voteThanksUp: text, voteThanksDown: text, voteUnknown: text,
  sourcesTitle: text, sourcesLine: text, sourcesOthers: text, sourcesEmpty: text,
  factsUsage: text, factsUnknownZone: text, factsBadYear: text, factsNone: text, factsTitle: text, factsLine: text, factsMore: text,
  kindTarget: text, kindActual: text, kindPlan: text, kindInvestment: text, kindRanking: text, kindStat: text,
  commandHelp: text, commandSources: text, commandFacts: text, commandAdd: text, addUsage: text,
  intakeNotAdmin: text, intakeCheckFailed: text, intakeUnsupported: text, intakeTooLarge: text, intakeNoFile: text,
  intakeDownloadFailed: text, intakeStarted: text, intakeFailed: text, intakeTitle: text, intakeNothingNew: text,
  intakeArticlesTitle: text, intakeArticleLine: text, intakeArticlesMore: text, intakeUnchangedLine: text,
  intakeRejectedTitle: text, intakeRejectedLine: text, intakeFactsTitle: text, intakeFactLine: text,
  messageTypes: z.record(z.string(), text).refine((types) => "other" in types, "messageTypes needs an \"other\" entry"),
});

/** The bot's Chinese texts, from prompts/bot-texts.json (data, not code). */
export type BotTexts = z.infer<typeof BotTextsSchema>;

export const DEFAULT_TEXTS_FILE = path.join(PROJECT_ROOT, "prompts", "bot-texts.json");

/** Reads and validates the texts file; a missing or empty key is an error naming the key. */
export function loadBotTexts(file: string = DEFAULT_TEXTS_FILE): BotTexts {
  const parsed = BotTextsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new Error(`${file} is not a valid bot texts file:\n  - ${problems.join("\n  - ")}`);
  }
  return parsed.data;
}

/** Fills `{name}` placeholders; unknown names stay as they are so a typo is visible. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
