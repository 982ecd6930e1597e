/**
 * The engine's four tools as the model sees them: strict zod schemas (unknown keys rejected), Chinese
 * descriptions, results rendered as numbered, delimited data blocks. Every item handed to the model is
 * remembered (its label, source and the injection-free text) so the answer can only cite what was retrieved.
 */
import { z } from "zod";
import {
  CompareZonesArgs, ListProjectsArgs, LookupMetricArgs, SearchArticlesArgs, UnknownZoneError,
  type FactResult, type PassageResult, type Toolbox,
} from "../../tools/index.js";
import { defuseDelimiters, looksLikeInstruction, redactInstructions, sentenceAt } from "../../text/injection.js";
import { EvidenceNumbers } from "./numbers.js";
import type { LlmNotes } from "./prompts.js";

export type ToolName = "search_articles" | "lookup_metric" | "list_projects" | "compare_zones";

/** One numbered thing the model was shown. */
export interface RetrievedItem {
  label: number;
  tool: ToolName;
  source: string;
  title: string;
  date: string | null;
  articleId: string;
  /** Injection-free text the model saw (passage text, or the sentence a fact was said in). */
  text: string;
  /** Verbatim article sentences of `text` that are safe to quote. */
  sentences: string[];
  fact?: FactResult;
}

export interface ToolSpec {
  name: ToolName;
  description: string;
  schema: z.ZodObject;
}

export const TOOL_SPECS: ToolSpec[] = [
  {
    name: "search_articles",
    description: "在青岛各功能区的新闻资料中检索原文片段。query 用中文关键词或问题；可按功能区 zone 和年份 year 过滤；k 为返回片段数（默认5）。",
    schema: SearchArticlesArgs.strict(),
  },
  {
    name: "lookup_metric",
    description: "按指标查找资料中的数字（已抽取的事实表），如 新签约入驻企业、外贸进出口总额增长、总投资；可按功能区、年份、类型（target=目标，actual=实际完成）过滤。",
    schema: LookupMetricArgs.strict(),
  },
  {
    name: "list_projects",
    description: "列出某功能区（可选年份）资料中提到的项目及其投资额、个数等数字。",
    schema: ListProjectsArgs.strict(),
  },
  {
    name: "compare_zones",
    description: "比较多个功能区在同一指标上的数字；zones 省略时比较所有有该指标的功能区。",
    schema: CompareZonesArgs.strict(),
  },
];

const LIMITS = { passages: 8, facts: 8, projects: 12, rows: 10, passageChars: 700 };
const KIND_LABEL: Record<string, string> = { target: "目标", actual: "实际完成", plan: "计划", investment: "投资", ranking: "排名", stat: "统计" };

export interface ToolOutcome {
  /** What goes back to the model in the tool message. */
  content: string;
  /** True when the call was rejected (unknown tool, bad JSON, schema violation, tool error). */
  error: boolean;
  items: RetrievedItem[];
}

/** Runs tool calls for one answer and keeps everything retrieved. */
export class ToolSession {
  readonly items = new Map<number, RetrievedItem>();
  readonly evidence = new EvidenceNumbers();
  private nextLabel = 1;
  private readonly seen = new Map<string, number>();

  constructor(private readonly toolbox: Toolbox, private readonly notes: LlmNotes) {}

  /** Validates and runs one call. `rawArgs` is the JSON text the model sent. */
  async run(name: string, rawArgs: string): Promise<ToolOutcome> {
    const spec = TOOL_SPECS.find((s) => s.name === name);
    if (!spec) return this.failure(`不存在名为“${clip(name, 40)}”的工具。只能调用：${TOOL_SPECS.map((s) => s.name).join("、")}。`);
    let parsedJson: unknown;
    try {
      parsedJson = rawArgs.trim() === "" ? {} : JSON.parse(rawArgs);
    } catch {
      return this.failure(`${name} 的参数不是合法的 JSON：${clip(rawArgs, 120)}。请按参数说明重新调用。`);
    }
    const parsed = spec.schema.safeParse(parsedJson);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "参数"}：${issue.message}`).join("；");
      return this.failure(`${name} 的参数不符合要求（${clip(problems, 200)}）。请按参数说明重新调用。`);
    }
    try {
      return await this.execute(spec.name, parsed.data as Record<string, unknown>);
    } catch (error) {
      if (error instanceof UnknownZoneError) return this.failure(`${error.message}。请换用正式名称（如 青岛经济技术开发区、青岛西海岸新区、青岛蓝谷）或省略 zone。`);
      return this.failure(`${name} 执行失败：${clip(error instanceof Error ? error.message : String(error), 160)}`);
    }
  }

  private async execute(name: ToolName, args: Record<string, unknown>): Promise<ToolOutcome> {
    switch (name) {
      case "search_articles": {
        const k = Math.min(Number(args.k ?? 5), LIMITS.passages);
        const passages = await this.toolbox.searchArticles({ ...(args as z.input<typeof SearchArticlesArgs>), k });
        return this.render(name, passages.map((p) => this.passageItem(name, p)));
      }
      case "lookup_metric":
        return this.render(name, this.factItems(name, this.toolbox.lookupMetric(args as z.input<typeof LookupMetricArgs>), LIMITS.facts));
      case "list_projects":
        return this.render(name, this.factItems(name, this.toolbox.listProjects(args as z.input<typeof ListProjectsArgs>), LIMITS.projects));
      case "compare_zones": {
        const rows = this.toolbox.compareZones(args as z.input<typeof CompareZonesArgs>).slice(0, LIMITS.rows);
        return this.render(name, this.factItems(name, rows.map((row) => row.best), LIMITS.rows));
      }
    }
  }

  private failure(content: string): ToolOutcome {
    return { content: `工具调用失败：${content}`, error: true, items: [] };
  }

  private passageItem(tool: ToolName, passage: PassageResult): RetrievedItem | undefined {
    const article = this.toolbox.article(passage.articleId);
    const raw = article ? article.text.slice(passage.start, passage.end) : passage.text;
    const clean = redactInstructions(raw, this.notes.redacted);
    const text = clip(clean.text, LIMITS.passageChars);
    return this.remember(`p:${passage.chunkId}`, {
      tool, source: passage.source, title: passage.title, date: passage.date, articleId: passage.articleId,
      text, sentences: safeSentences(raw),
    });
  }

  private factItems(tool: ToolName, facts: FactResult[], limit: number): (RetrievedItem | undefined)[] {
    const items: (RetrievedItem | undefined)[] = [];
    for (const fact of facts) {
      if (items.length >= limit) break;
      const article = this.toolbox.article(fact.articleId);
      const sentence = article ? sentenceAt(article.text, fact.start, fact.end).trim() : fact.evidence;
      // A number said inside an instruction-like sentence is not evidence.
      if (looksLikeInstruction(sentence) || looksLikeInstruction(fact.evidence)) continue;
      items.push(this.remember(`f:${fact.factId}`, {
        tool, source: fact.source, title: fact.title, date: fact.date, articleId: fact.articleId,
        text: sentence, sentences: [sentence], fact,
      }));
    }
    return items;
  }

  /** Labels are stable within an answer: the same passage or fact keeps its number. */
  private remember(key: string, item: Omit<RetrievedItem, "label">): RetrievedItem | undefined {
    const known = this.seen.get(key);
    if (known !== undefined) return this.items.get(known);
    const full: RetrievedItem = { ...item, label: this.nextLabel++ };
    this.seen.set(key, full.label);
    this.items.set(full.label, full);
    this.evidence.addText(full.text);
    this.evidence.addText(full.title);
    if (full.date) this.evidence.addText(full.date);
    if (full.fact) {
      this.evidence.addQuantity({ value: full.fact.value, unit: full.fact.unit });
      this.evidence.addText(full.fact.raw);
    }
    return full;
  }

  private render(tool: ToolName, maybeItems: (RetrievedItem | undefined)[]): ToolOutcome {
    const items = maybeItems.filter((item): item is RetrievedItem => item !== undefined);
    const body = items.length === 0 ? "（没有检索到相关资料）" : items.map((item) => describe(item)).join("\n\n");
    return { content: `<tool_result name="${tool}">\n${this.notes.toolDataHeader}\n\n${body}\n</tool_result>`, error: false, items };
  }
}

function describe(item: RetrievedItem): string {
  const head = `[${item.label}] 《${defuseDelimiters(item.title)}》（${item.date ?? "日期不详"}，${item.source}）`;
  const fact = item.fact;
  if (!fact) return `${head}\n${item.text}`;
  const facts = [
    fact.zone ? `功能区：${fact.zone}` : "",
    fact.year ? `年份：${fact.year}` : "",
    `类型：${KIND_LABEL[fact.kind] ?? fact.kind}`,
    fact.subject ? `对象：${defuseDelimiters(fact.subject)}` : "",
    `指标：${defuseDelimiters(fact.metric)}`,
    `数值：${defuseDelimiters(fact.raw)}${fact.qualifier && !fact.raw.includes(fact.qualifier) ? `（${fact.qualifier}）` : ""}`,
  ].filter(Boolean);
  return `${head}\n${facts.join("；")}\n原文：${defuseDelimiters(item.text)}`;
}

/** The article's sentences in a span, minus any that look like instructions (these are never quoted). */
function safeSentences(text: string): string[] {
  const sentences = text.match(/[^。！？!?\n]+[。！？!?]?/gu) ?? [];
  return sentences.map((s) => s.trim()).filter((s) => s.length > 0 && !looksLikeInstruction(s));
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/** The same tools as LangChain `tool()` objects (for bindTools or createAgent). Loaded lazily. */
export async function createLangChainTools(session: ToolSession) {
  const { tool } = await import("@langchain/core/tools");
  return TOOL_SPECS.map((spec) =>
    tool(async (input: unknown) => (await session.run(spec.name, JSON.stringify(input))).content, {
      name: spec.name, description: spec.description, schema: spec.schema,
    }),
  );
}

/** OpenAI function definitions generated from the zod schemas (input side: defaults are optional). */
export function openAIToolDefinitions(): { type: "function"; function: { name: string; description: string; parameters: Record<string, unknown> } }[] {
  return TOOL_SPECS.map((spec) => {
    const parameters = z.toJSONSchema(spec.schema, { io: "input" }) as Record<string, unknown>;
    delete parameters.$schema;
    return { type: "function", function: { name: spec.name, description: spec.description, parameters } };
  });
}

