/**
 * The LLM brain (issue 4). Nothing here imports LangChain at load time: @langchain/openai and
 * @langchain/core are imported on the first model call, so offline runs never pay for them.
 */
export { LlmBrain, type AnswerTiming, type FallbackReason, type LlmAskOptions, type LlmBrainOptions, type LlmEvent, type LlmLimits } from "./brain.js";
export { extractFactsWithLlm, verifyProposal, LlmFactSchema, type LlmExtractOptions, type LlmExtractResult } from "./extract-facts.js";
export { checkNumbers, scanNumbers, stripMarkers, EvidenceNumbers, type GuardVerdict, type NumericClaim, type Quantity } from "./numbers.js";
export { looksLikeInstruction, redactInstructions, LeakDetector } from "../../text/injection.js";
export { TOOL_SPECS, ToolSession, createLangChainTools, openAIToolDefinitions, type RetrievedItem, type ToolName } from "./tools.js";
export { UsageLedger, type UsageRecord, type UsageTotals } from "./usage.js";
export { loadPrompts, type LlmPrompts } from "./prompts.js";

import type { Config } from "../../config/index.js";
import type { Toolbox } from "../../tools/index.js";
import type { OfflineBrain } from "../offline.js";
import { LlmBrain, type LlmBrainOptions } from "./brain.js";

export type LlmHooks = Pick<LlmBrainOptions, "onUsage" | "onEvent">;

/** The LLM brain when a model is configured, else undefined (the offline brain answers). */
export function createLlmBrain(config: Config, tools: Toolbox, offline: OfflineBrain, hooks: LlmHooks = {}): LlmBrain | undefined {
  return config.llm ? new LlmBrain({ config: config.llm, tools, offline, ...hooks }) : undefined;
}
