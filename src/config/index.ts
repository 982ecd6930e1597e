import { fileURLToPath } from "node:url";
import path from "node:path";
import { z } from "zod";

/** Repository root (where seeds/, data/ and prompts/ live), independent of the caller's cwd. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const positiveInt = <T extends number | undefined>(fallback: T) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return fallback as number | T;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed <= 0) {
        ctx.addIssue({ code: "custom", message: `must be a positive integer, got "${value}"` });
        return z.NEVER;
      }
      return parsed;
    });

const EnvSchema = z.object({
  ZONEBOT_DATA_DIR: optionalString,
  ZONEBOT_SEEDS_DIR: optionalString,
  EMBEDDING_PROVIDER: z.enum(["local", "openai"]).default("local"),
  EMBEDDING_BASE_URL: optionalString.pipe(z.url().optional()),
  EMBEDDING_API_KEY: optionalString,
  EMBEDDING_MODEL: optionalString,
  EMBEDDING_DIMENSIONS: positiveInt(undefined),
  LLM_BASE_URL: optionalString.pipe(z.url().optional()),
  LLM_API_KEY: optionalString,
  LLM_MODEL: optionalString,
  LLM_TIMEOUT_MS: positiveInt(20_000),
});

export type Env = z.infer<typeof EnvSchema>;

export interface EmbeddingConfig {
  provider: "local" | "openai";
  baseUrl?: string;
  apiKey?: string;
  model?: string;
  /** Vector length; the local embedder picks its own default when unset. */
  dimensions?: number;
}

export interface LlmConfig {
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
}

export interface Config {
  dataDir: string;
  seedsDir: string;
  embedding: EmbeddingConfig;
  /** Undefined when no model is configured: the offline brain answers. */
  llm?: LlmConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment once; every problem is reported, one line each. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: { dataDir?: string } = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const values = parsed.data;
  const problems: string[] = [];
  const embedding: EmbeddingConfig = {
    provider: values.EMBEDDING_PROVIDER,
    baseUrl: values.EMBEDDING_BASE_URL,
    apiKey: values.EMBEDDING_API_KEY,
    model: values.EMBEDDING_MODEL,
    dimensions: values.EMBEDDING_DIMENSIONS,
  };
  if (embedding.provider === "openai") {
    if (!embedding.baseUrl) problems.push("EMBEDDING_BASE_URL: required when EMBEDDING_PROVIDER=openai");
    if (!embedding.model) problems.push("EMBEDDING_MODEL: required when EMBEDDING_PROVIDER=openai");
    if (!embedding.dimensions) problems.push("EMBEDDING_DIMENSIONS: required when EMBEDDING_PROVIDER=openai");
  }
  const llm = values.LLM_BASE_URL
    ? { baseUrl: values.LLM_BASE_URL, apiKey: values.LLM_API_KEY ?? "", model: values.LLM_MODEL ?? "", timeoutMs: values.LLM_TIMEOUT_MS }
    : undefined;
  if (llm && !llm.model) problems.push("LLM_MODEL: required when LLM_BASE_URL is set");
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    dataDir: path.resolve(overrides.dataDir ?? values.ZONEBOT_DATA_DIR ?? path.join(PROJECT_ROOT, ".zonebot")),
    seedsDir: path.resolve(values.ZONEBOT_SEEDS_DIR ?? path.join(PROJECT_ROOT, "seeds")),
    embedding,
    llm,
  };
}
