import type { Fact, FactKind } from "../../domain/types.js";
import { escapeMarkdown, markdownCard } from "../cards/index.js";
import type { BotServices, CommandContext } from "../context.js";
import { fill, type BotTexts } from "../texts.js";
import type { BotCommand } from "./registry.js";

const MAX_FACT_LINES = 20;
const MAX_SOURCE_LINES = 40;

async function replyMarkdown(ctx: CommandContext, content: string, purpose = "command"): Promise<void> {
  await ctx.reply(markdownCard(ctx.services.texts, content), purpose);
}

/** 「命令」 and one line per registered (not hidden) command. */
export function commandList(services: Pick<BotServices, "texts" | "commands">): string {
  const { texts, commands } = services;
  const lines = commands.list().map((c) => fill(texts.helpCommandLine, { usage: c.usage, description: c.description }));
  return [texts.helpCommandsTitle, ...lines].join("\n");
}

/** The help text plus the command list. */
export function helpText(services: Pick<BotServices, "texts" | "commands">): string {
  return `${services.texts.help}\n\n${commandList(services)}`;
}

export function builtinCommands(texts: BotTexts): BotCommand[] {
  return [
    {
      name: "help",
      aliases: ["start", "帮助"],
      usage: "/help",
      description: texts.commandHelp,
      run: (ctx) => replyMarkdown(ctx, helpText(ctx.services)),
    },
    {
      name: "sources",
      usage: "/sources",
      description: texts.commandSources,
      run: (ctx) => replyMarkdown(ctx, sourcesText(ctx)),
    },
    {
      name: "facts",
      usage: "/facts 功能区 [年份]",
      description: texts.commandFacts,
      run: (ctx) => replyMarkdown(ctx, factsText(ctx)),
    },
  ];
}

function sourcesText(ctx: CommandContext): string {
  const { texts, engine } = ctx.services;
  const articles = [...engine.corpus.articles.values()]
    .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || a.id.localeCompare(b.id));
  const lines = articles.slice(0, MAX_SOURCE_LINES).map((a) => fill(texts.sourcesLine, {
    title: escapeMarkdown(a.title), date: a.date ?? texts.unknownDate, zones: a.zones.slice(0, 3).join("、") || "—",
  }));
  const more = articles.length > MAX_SOURCE_LINES ? [fill(texts.factsMore, { shown: MAX_SOURCE_LINES, count: articles.length })] : [];
  return [`**${fill(texts.sourcesTitle, { count: articles.length })}**`, ...lines, ...more].join("\n");
}

/** `/facts 青岛开发区 2022`: the zone (any alias) and an optional year as the last word. */
function factsText(ctx: CommandContext): string {
  const { texts, engine } = ctx.services;
  const args = [...ctx.command.args];
  if (args.length === 0) return texts.factsUsage;
  const last = args[args.length - 1]!;
  let year: number | undefined;
  if (args.length > 1) {
    if (!/^(19|20)\d{2}年?$/.test(last)) return fill(texts.factsBadYear, { year: escapeMarkdown(last) });
    year = Number(last.slice(0, 4));
    args.pop();
  }
  const asked = args.join("");
  const zone = engine.corpus.gazetteer.known(asked);
  if (!zone) return fill(texts.factsUnknownZone, { zone: escapeMarkdown(asked) });
  const facts = engine.corpus.store.facts({ zones: [zone], year })
    .sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || a.articleId.localeCompare(b.articleId) || a.start - b.start);
  const yearText = year === undefined ? "" : `${year}年`;
  if (facts.length === 0) return fill(texts.factsNone, { zone, year: yearText });
  const lines = facts.slice(0, MAX_FACT_LINES).map((fact) => factLine(fact, texts, (id) => engine.corpus.articles.get(id)?.title ?? ""));
  const more = facts.length > MAX_FACT_LINES ? [fill(texts.factsMore, { shown: MAX_FACT_LINES, count: facts.length })] : [];
  return [`**${fill(texts.factsTitle, { zone, year: yearText, count: facts.length })}**`, ...lines, ...more].join("\n");
}

function factLine(fact: Fact, texts: BotTexts, titleOf: (articleId: string) => string): string {
  const kinds: Record<FactKind, string> = {
    target: texts.kindTarget, actual: texts.kindActual, plan: texts.kindPlan,
    investment: texts.kindInvestment, ranking: texts.kindRanking, stat: texts.kindStat,
  };
  return fill(texts.factsLine, {
    year: fact.year === null ? "" : `${fact.year} `,
    kind: kinds[fact.kind],
    metric: escapeMarkdown(fact.subject && !fact.metric.includes(fact.subject) ? `${fact.subject}${fact.metric}` : fact.metric),
    raw: escapeMarkdown(`${fact.raw}${fact.qualifier && !fact.raw.includes(fact.qualifier) ? `（${fact.qualifier}）` : ""}`),
    title: escapeMarkdown(titleOf(fact.articleId)),
  });
}
