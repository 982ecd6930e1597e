import { topicWords } from "./data.js";

/**
 * The topic a paragraph names at its head, for every sentence of it: 「综合排名方面，浙江…。其中，杭州经开区位列
 * 全国第9位」 — the ranking is the 综合排名. Frames from data/reading-topic.json (X方面, 从X看, 分X看…); the
 * topic is the head clause up to its first comma or colon.
 */
export function paragraphTopic(paragraphStart: string): string | undefined {
  const head = /^[^，,：:。；;！？!?]*/u.exec(paragraphStart.trimStart())![0];
  const { frames, maxChars } = topicWords();
  if (head.length === 0 || head.length > maxChars || head.length === paragraphStart.trimStart().length) return undefined;
  const framed = frames.some(([before, after]) => head.startsWith(before) && head.endsWith(after) && head.length > before.length + after.length);
  return framed ? head : undefined;
}
