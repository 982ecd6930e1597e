import { CARD_LIMIT_BYTES, cardBytes, escapeMarkdown, type Card, type CardElement } from "../lark/cards/index.js";
import { fill } from "../lark/texts.js";
import type { DeadlineItem, DigestContent, DigestFact, ProgressPair } from "./content.js";
import type { Overview } from "./overview.js";
import { formatLocalDate } from "./schedule.js";
import type { DigestTexts } from "./texts.js";

/** The value the follow-up form's button sends back (the question comes in `form_value.question`). */
export const FOLLOWUP_ACTION = "digest_ask";
export const FOLLOWUP_FIELD = "question";

interface Budget {
  articles: number;
  zones: number;
  perZone: number;
  progress: number;
  deadlines: number;
  quoteChars: number;
  titleChars: number;
  chart: boolean;
}

const BUDGETS: Budget[] = [
  { articles: 8, zones: 6, perZone: 4, progress: 6, deadlines: 6, quoteChars: 90, titleChars: 24, chart: true },
  { articles: 6, zones: 5, perZone: 3, progress: 5, deadlines: 5, quoteChars: 70, titleChars: 18, chart: true },
  { articles: 4, zones: 4, perZone: 3, progress: 4, deadlines: 4, quoteChars: 50, titleChars: 14, chart: true },
  { articles: 3, zones: 3, perZone: 2, progress: 3, deadlines: 3, quoteChars: 40, titleChars: 10, chart: true },
  { articles: 2, zones: 2, perZone: 1, progress: 2, deadlines: 2, quoteChars: 30, titleChars: 8, chart: false },
];

const md = (content: string, extra: Record<string, unknown> = {}): CardElement => ({ tag: "markdown", content, ...extra });
const cut = (text: string, chars: number): string => (text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`);

/**
 * The digest as a JSON 2.0 card under Feishu's 30 KB: overview, new articles, key targets by zone,
 * progress (target vs actual), a VChart bar chart of one metric across zones, project deadlines, and a
 * follow-up question form. Shrinks (fewer items, shorter quotes, then no chart) until it fits.
 */
export function digestCard(content: DigestContent, overview: Overview, texts: DigestTexts, options: { limitBytes?: number } = {}): Card {
  const limit = options.limitBytes ?? CARD_LIMIT_BYTES;
  if (content.quiet) return quietCard(content, texts);
  let card: Card | undefined;
  for (const [i, budget] of BUDGETS.entries()) {
    card = buildCard(content, overview, texts, budget, i > 0);
    if (cardBytes(card) <= limit) return card;
  }
  let chars = overview.text.length;
  while (card && cardBytes(card) > limit && chars > 10) {
    chars = Math.floor(chars / 2);
    card = buildCard(content, { ...overview, text: cut(overview.text, chars) }, texts, BUDGETS[BUDGETS.length - 1]!, true);
  }
  return card!;
}

function header(content: DigestContent, texts: DigestTexts, quiet: boolean): Card["header"] {
  const date = formatLocalDate(content.now);
  return { title: { tag: "plain_text", content: fill(quiet ? texts.cardTitleQuiet : texts.cardTitle, { date }) }, template: quiet ? "grey" : "indigo" };
}

function scopeText(content: DigestContent, texts: DigestTexts): string {
  return content.scope.length > 0 ? content.scope.join("、") : texts.scopeAll;
}

function quietCard(content: DigestContent, texts: DigestTexts): Card {
  return {
    schema: "2.0",
    config: { update_multi: true, summary: { content: texts.quiet.slice(0, 60) } },
    header: header(content, texts, true),
    body: {
      elements: [
        md(texts.quiet),
        md(fill(texts.scopeLine, { zones: scopeText(content, texts), date: formatLocalDate(content.now) }), { text_size: "notation" }),
        followupForm(content, texts),
      ],
    },
  };
}

function buildCard(content: DigestContent, overview: Overview, texts: DigestTexts, budget: Budget, truncated: boolean): Card {
  const elements: CardElement[] = [];
  const note = overview.by === "llm" ? texts.overviewLlmNote : texts.overviewOfflineNote;
  elements.push(md(`${texts.overviewTitle}\n${escapeMarkdown(overview.text)} ${note}`, { element_id: "digest_overview" }));
  elements.push(md(fill(texts.scopeLine, { zones: scopeText(content, texts), date: formatLocalDate(content.now) }), { text_size: "notation" }));
  elements.push({ tag: "hr" });
  elements.push(md(articlesMarkdown(content, texts, budget), { element_id: "digest_articles" }));
  elements.push(md(targetsMarkdown(content, texts, budget), { element_id: "digest_targets" }));
  elements.push(md(progressMarkdown(content.progress, texts, budget), { element_id: "digest_progress" }));
  if (budget.chart && content.chart) elements.push(...chartElements(content, texts));
  elements.push(md(deadlinesMarkdown(content.deadlines, texts, budget), { element_id: "digest_deadlines" }));
  elements.push({ tag: "hr" });
  elements.push(followupForm(content, texts));
  elements.push(md(truncated ? `${texts.footer}\n${texts.truncated}` : texts.footer, { text_size: "notation" }));
  return {
    schema: "2.0",
    config: { update_multi: true, summary: { content: cut(fill(texts.summary, { zones: scopeText(content, texts) }), 60) } },
    header: header(content, texts, false),
    body: { elements },
  };
}

function articleLines(content: DigestContent, texts: DigestTexts, budget: Budget): string[] {
  const shown = content.newArticles.slice(0, budget.articles);
  const lines = shown.map((a) => fill(texts.articleLine, {
    title: escapeMarkdown(cut(a.title, budget.titleChars + 10)), date: a.date ?? texts.unknownDate, line: escapeMarkdown(cut(a.line, budget.quoteChars)),
  }));
  if (content.newArticles.length > shown.length) lines.push(fill(texts.articlesMore, { count: content.newArticles.length - shown.length }));
  return lines;
}

function articlesMarkdown(content: DigestContent, texts: DigestTexts, budget: Budget): string {
  if (content.newArticles.length === 0) return `${fill(texts.newArticlesTitle, { count: 0 })}\n${texts.noNewArticles}`;
  const title = content.firstDigest ? texts.latestArticlesTitle : texts.newArticlesTitle;
  return [fill(title, { count: content.newArticles.length }), ...articleLines(content, texts, budget)].join("\n");
}

function kindLabel(fact: DigestFact, texts: DigestTexts): string {
  return { target: texts.kindTarget, plan: texts.kindPlan, actual: texts.kindActual, investment: texts.kindInvestment }[fact.kind as "target"] ?? texts.kindTarget;
}

function targetLine(fact: DigestFact, texts: DigestTexts, budget: Budget): string {
  return fill(texts.targetLine, {
    year: fact.year === null ? "" : `${fact.year} `, kind: kindLabel(fact, texts), metric: escapeMarkdown(cut(fact.metric, 24)),
    raw: escapeMarkdown(fact.raw), title: escapeMarkdown(cut(fact.title, budget.titleChars)),
  });
}

function targetsMarkdown(content: DigestContent, texts: DigestTexts, budget: Budget): string {
  if (content.targets.length === 0) return `${texts.targetsTitle}\n${texts.noTargets}`;
  const lines = [texts.targetsTitle];
  for (const group of content.targets.slice(0, budget.zones)) {
    lines.push(fill(texts.targetZoneLine, { zone: group.zone }));
    for (const fact of group.facts.slice(0, budget.perZone)) lines.push(targetLine(fact, texts, budget));
  }
  const hidden = content.targets.slice(budget.zones);
  if (hidden.length > 0) lines.push(fill(texts.targetsMore, { zone: hidden.map((g) => g.zone).slice(0, 6).join("、"), count: hidden.reduce((n, g) => n + g.facts.length, 0) }));
  return lines.join("\n");
}

function progressLine(pair: ProgressPair, texts: DigestTexts, budget: Budget): string {
  const titles = [...new Set([pair.actual.title, pair.target.title])].map((t) => `《${escapeMarkdown(cut(t, budget.titleChars))}》`);
  return fill(texts.progressLine, {
    sources: titles.join("、"),
    zone: pair.zone, metric: escapeMarkdown(cut(pair.metric, 24)),
    actualYear: pair.actual.year === null ? "" : `${pair.actual.year}年`, actual: escapeMarkdown(pair.actual.raw),
    targetYear: pair.target.year === null ? "" : `${pair.target.year}年`, target: escapeMarkdown(pair.target.raw),
    ratio: pair.percent === undefined ? "" : fill(texts.progressRatio, { percent: pair.percent }),
  });
}

function progressMarkdown(progress: ProgressPair[], texts: DigestTexts, budget: Budget): string {
  if (progress.length === 0) return `${texts.progressTitle}\n${texts.noProgress}`;
  return [texts.progressTitle, ...progress.slice(0, budget.progress).map((p) => progressLine(p, texts, budget))].join("\n");
}

function deadlineLine(item: DeadlineItem, texts: DigestTexts, budget: Budget): string {
  const status = item.ahead ? fill(texts.deadlineAhead, { due: item.due, days: item.daysLeft }) : fill(texts.deadlinePast, { due: item.due });
  return fill(texts.deadlineLine, {
    status, zone: item.zone, quote: escapeMarkdown(cut(item.quote, budget.quoteChars)),
    title: escapeMarkdown(cut(item.title, budget.titleChars)), date: item.date ?? texts.unknownDate,
  });
}

function deadlinesMarkdown(deadlines: DeadlineItem[], texts: DigestTexts, budget: Budget): string {
  if (deadlines.length === 0) return `${texts.deadlinesTitle}\n${texts.noDeadlines}`;
  return [texts.deadlinesTitle, ...deadlines.slice(0, budget.deadlines).map((d) => deadlineLine(d, texts, budget))].join("\n");
}

const shortZone = (zone: string): string => (zone.length > 5 ? zone.replace(/^青岛/u, "") : zone);

/** A VChart bar chart (Feishu's `chart` component) of the chosen metric across zones, with a caption. */
export function chartElements(content: DigestContent, texts: DigestTexts): CardElement[] {
  const chart = content.chart;
  if (!chart) return [];
  const kind = chart.kind === "actual" ? texts.kindActual : texts.kindTarget;
  const title = fill(texts.chartTitle, { year: chart.year, metric: chart.metric, unit: chart.displayUnit });
  return [
    {
      tag: "chart",
      element_id: "digest_chart",
      aspect_ratio: "16:9",
      color_theme: "brand",
      chart_spec: {
        type: "bar",
        title: { text: title },
        data: [{ id: "digest", values: chart.points.map((p) => ({ zone: shortZone(p.zone), value: p.value, raw: p.raw })) }],
        xField: "zone",
        yField: "value",
        label: { visible: true },
        tooltip: { visible: true },
      },
    },
    md(fill(texts.chartCaption, { year: chart.year, metric: escapeMarkdown(chart.metric), kind, unit: chart.displayUnit }), { text_size: "notation" }),
  ];
}

/** A question box and 「提问」 button: the answer is posted to the chat by the `digest_ask` card action. */
export function followupForm(content: DigestContent, texts: DigestTexts): CardElement {
  const top = content.targets[0]?.facts[0];
  const example = top && top.year ? fill(texts.followupQuestion, { zone: top.zone, year: top.year, metric: top.metric }) : texts.followupExample;
  return {
    tag: "form",
    name: "digest_followup",
    element_id: "digest_followup",
    elements: [
      md(texts.followupTitle),
      {
        tag: "input", name: FOLLOWUP_FIELD, element_id: "followup_input", width: "fill", max_length: 200,
        placeholder: { tag: "plain_text", content: cut(fill(texts.followupPlaceholder, { example }), 80) },
        default_value: example,
      },
      {
        tag: "button", name: "followup_ask", element_id: "followup_ask", type: "primary", form_action_type: "submit",
        text: { tag: "plain_text", content: texts.followupButton },
        behaviors: [{ type: "callback", value: { action: FOLLOWUP_ACTION } }],
      },
    ],
  };
}

/** The same digest as plain text (the CLI's readable output, the LLM's input). */
export function digestText(content: DigestContent, overview: Overview | undefined, texts: DigestTexts): string {
  const budget: Budget = { articles: 50, zones: 50, perZone: 10, progress: 50, deadlines: 50, quoteChars: 200, titleChars: 60, chart: true };
  const plain = (s: string): string => s.replace(/\*\*/g, "");
  const parts: string[] = [fill(content.quiet ? texts.cardTitleQuiet : texts.cardTitle, { date: formatLocalDate(content.now) })];
  parts.push(fill(texts.scopeLine, { zones: scopeText(content, texts), date: formatLocalDate(content.now) }));
  if (content.quiet) return [...parts, texts.quiet].join("\n\n");
  if (overview) parts.push(`${plain(texts.overviewTitle)}\n${overview.text}`);
  parts.push(plain(articlesMarkdown(content, texts, budget)));
  parts.push(plain(targetsMarkdown(content, texts, budget)));
  parts.push(plain(progressMarkdown(content.progress, texts, budget)));
  if (content.chart) {
    const c = content.chart;
    parts.push([fill(texts.chartTitle, { year: c.year, metric: c.metric, unit: c.displayUnit }), ...c.points.map((p) => `- ${p.zone}：${p.raw}`)].join("\n"));
  }
  parts.push(plain(deadlinesMarkdown(content.deadlines, texts, budget)));
  return parts.join("\n\n");
}
