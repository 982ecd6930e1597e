import type { LlmConfig } from "../config/index.js";
import { ChatModel } from "../brain/llm/model.js";
import { checkNumbers, EvidenceNumbers } from "../brain/llm/numbers.js";
import { fill } from "../lark/texts.js";
import type { DigestContent } from "./content.js";
import type { DigestTexts } from "./texts.js";

/** The short written overview on top of the card. */
export interface Overview {
  text: string;
  by: "template" | "llm";
  /** LLM numbers the guard rejected (then the template was used). */
  rejected?: string[];
  /** Why the LLM overview was not used, when it was tried. */
  fallback?: string;
}

/** Writes an overview from a prompt; the digest checks every number it returns. */
export type OverviewWriter = (prompt: { system: string; user: string }, signal: AbortSignal) => Promise<string>;

/** The templated overview: counts and the top target, nothing the content does not say. */
export function templateOverview(content: DigestContent, texts: DigestTexts): string {
  const zoneCount = content.targets.length || content.zones.length;
  const newText = content.firstDigest
    ? texts.overviewFirst
    : content.newArticles.length > 0 ? fill(texts.overviewNew, { count: content.newArticles.length }) : texts.overviewNoNew;
  const targetCount = content.targets.reduce((n, g) => n + g.facts.length, 0);
  const top = content.targets[0]?.facts[0];
  let targetText = targetCount > 0 ? fill(texts.overviewTargets, { count: targetCount }) : "";
  if (top && targetText) targetText += fill(texts.overviewTargetsTop, { zone: top.zone, year: top.year ?? "", metric: top.metric, raw: top.raw });
  const progressText = content.progress.length > 0 ? fill(texts.overviewProgress, { count: content.progress.length }) : "";
  const upcoming = content.deadlines.filter((d) => d.ahead).length || content.deadlines.length;
  const deadlineText = upcoming > 0 ? fill(texts.overviewDeadlines, { count: upcoming }) : "";
  const details = targetText || progressText || deadlineText ? `${targetText}${progressText}${deadlineText}`.replace(/^；/u, "") + texts.overviewEnd : "";
  return fill(texts.overviewTemplate, { zoneCount, articleCount: content.articleCount, newText, details });
}

/**
 * With a writer (an LLM is configured): the model's overview if every number in it is found in the
 * digest's own lines (the LLM number guard); otherwise — or on any error or timeout — the template.
 */
export async function writeOverview(
  content: DigestContent,
  texts: DigestTexts,
  options: { writer?: OverviewWriter; contentText: string; timeoutMs?: number },
): Promise<Overview> {
  const template = templateOverview(content, texts);
  if (!options.writer) return { text: template, by: "template" };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 20_000);
  try {
    const reply = await Promise.race([
      options.writer({ system: texts.llmSystem, user: fill(texts.llmUser, { content: options.contentText }) }, controller.signal),
      new Promise<never>((_, reject) => controller.signal.addEventListener("abort", () => reject(new Error("timed out")), { once: true })),
    ]);
    const text = reply.replace(/\s+/g, " ").trim().slice(0, 300);
    if (!text) return { text: template, by: "template", fallback: "empty" };
    const evidence = new EvidenceNumbers([options.contentText, template]);
    const verdict = checkNumbers(text, evidence, { years: yearsOf(content) });
    if (verdict.unverified.length > 0) return { text: template, by: "template", rejected: verdict.unverified, fallback: "number-guard" };
    return { text, by: "llm" };
  } catch (error) {
    return { text: template, by: "template", fallback: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

function yearsOf(content: DigestContent): number[] {
  const years = new Set<number>();
  for (const group of content.targets) for (const f of group.facts) if (f.year) years.add(f.year);
  for (const p of content.progress) for (const f of [p.target, p.actual]) if (f.year) years.add(f.year);
  for (const d of content.deadlines) years.add(Number(d.due.slice(0, 4)));
  if (content.chart) years.add(content.chart.year);
  return [...years];
}

/** The configured chat model as an overview writer (no tools, temperature 0, the LLM's own timeout). */
export function chatModelWriter(config: LlmConfig): OverviewWriter {
  const model = new ChatModel(config);
  return async (prompt, signal) => {
    const { messages } = await model.load();
    const reply = await model.call([new messages.SystemMessage(prompt.system), new messages.HumanMessage(prompt.user)], {
      signal, deadline: performance.now() + config.timeoutMs, toolChoice: "none",
    });
    return reply.text;
  };
}
