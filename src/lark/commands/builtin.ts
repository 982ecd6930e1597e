import type { Article, Fact, FactKind } from "../../domain/types.js";
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

/**
 * `/sources`: one line per source file, the most recently ingested first (then the newest article), with its
 * articles and facts counted; a file of several articles is named by its first title and 「等」.
 */
function sourcesText(ctx: CommandContext): string {
  const { texts, engine } = ctx.services;
  const { store, articles } = engine.corpus;
  if (articles.size === 0) return texts.sourcesEmpty;
  const factsPerArticle = new Map<string, number>();
  for (const fact of store.facts()) factsPerArticle.set(fact.articleId, (factsPerArticle.get(fact.articleId) ?? 0) + 1);
  const ingestedAt = new Map(store.sources().flatMap((record) => [[record.source, record.ingestedAt], [record.path, record.ingestedAt]]));
  const files = new Map<string, Article[]>();
  for (const article of articles.values()) {
    const file = article.id.slice(0, article.id.lastIndexOf("#"));
    files.set(file, [...(files.get(file) ?? []), article]);
  }
  const rows = [...files].map(([file, parts]) => {
    const sorted = parts.sort((a, b) => a.part - b.part);
    const newest = sorted.map((a) => a.date ?? "").sort().at(-1) ?? "";
    return { parts: sorted, newest, ingested: ingestedAt.get(file) ?? ingestedAt.get(sorted[0]!.source) ?? "" };
  }).sort((a, b) => b.ingested.localeCompare(a.ingested) || b.newest.localeCompare(a.newest));
  const factCount = [...factsPerArticle.values()].reduce((sum, n) => sum + n, 0);
  const lines = rows.slice(0, MAX_SOURCE_LINES).map(({ parts, newest, ingested }) => fill(texts.sourcesLine, {
    title: escapeMarkdown(parts[0]!.title),
    others: parts.length > 1 ? texts.sourcesOthers : "",
    date: newest || texts.unknownDate,
    zones: [...new Set(parts.flatMap((a) => a.zones.slice(0, 3)))].slice(0, 3).join("、") || "—",
    articles: parts.length,
    facts: parts.reduce((sum, a) => sum + (factsPerArticle.get(a.id) ?? 0), 0),
    ingested: ingested.slice(0, 10) || texts.unknownDate,
  }));
  const more = rows.length > MAX_SOURCE_LINES ? [fill(texts.factsMore, { shown: MAX_SOURCE_LINES, count: rows.length })] : [];
  const title = fill(texts.sourcesTitle, { files: rows.length, articles: articles.size, facts: factCount });
  return [`**${title}**`, ...lines, ...more].join("\n");
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
