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

const nonNegativeInt = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return fallback;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < 0) {
        ctx.addIssue({ code: "custom", message: `must be a whole number ≥ 0, got "${value}"` });
        return z.NEVER;
      }
      return parsed;
    });

const ON = new Set(["1", "true", "on", "yes"]);
const OFF = new Set(["0", "false", "off", "no"]);
const onOff = (fallback: boolean) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return fallback;
      if (ON.has(value.toLowerCase())) return true;
      if (OFF.has(value.toLowerCase())) return false;
      ctx.addIssue({ code: "custom", message: `must be on or off (true/false, 1/0), got "${value}"` });
      return z.NEVER;
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
  FEISHU_APP_ID: optionalString,
  FEISHU_APP_SECRET: optionalString,
  FEISHU_ENCRYPT_KEY: optionalString,
  FEISHU_VERIFICATION_TOKEN: optionalString,
  FEISHU_DOMAIN: optionalString.pipe(z.union([z.url(), z.enum(["feishu", "lark"])]).optional()),
  FEISHU_MODE: z.enum(["ws", "webhook"]).default("ws"),
  PORT: positiveInt(3000),
  ZONEBOT_ADMINS: optionalString,
  FEISHU_WS_PING_TIMEOUT_MS: nonNegativeInt(30_000),
  FEISHU_WS_SILENCE_ALERT_MS: positiveInt(300_000),
  FEISHU_TYPING_INDICATOR: onOff(true),
  FEISHU_TYPING_EMOJI: optionalString,
  FEISHU_RECALL_ANSWERS: onOff(false),
  ZONEBOT_INGEST_SHUTDOWN_MS: nonNegativeInt(30_000),
  ZONEBOT_INTAKE_DM: z.enum(["anyone", "admins"]).default("anyone"),
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

/** Feishu app and transport; undefined when no app is configured (the playground runs instead). */
export interface FeishuConfig {
  appId: string;
  appSecret: string;
  encryptKey?: string;
  verificationToken?: string;
  /** Base URL: https://open.feishu.cn (default), https://open.larksuite.com, or an emulator's. */
  domain: string;
  /** `ws`: long connection (no public URL); `webhook`: POST /webhook/event and /webhook/card on PORT. */
  transport: "ws" | "webhook";
  port: number;
  /** Long connection: a pong must follow each ping within this long, else reconnect (0 = SDK default, off). */
  wsPingTimeoutMs?: number;
  /** Long connection: log an alert when no event or pong arrived for this long. */
  wsSilenceAlertMs?: number;
  /** A reaction on questions while they are answered; `emoji` is Feishu's emoji_type (default Typing). */
  typing?: { enabled: boolean; emoji: string };
  /** A recalled question's answer, if already sent, is recalled too. */
  recallAnswers?: boolean;
}

export interface Config {
  dataDir: string;
  seedsDir: string;
  embedding: EmbeddingConfig;
  /** Undefined when no model is configured: the offline brain answers. */
  llm?: LlmConfig;
  feishu?: FeishuConfig;
  /** Web server port (webhook mode, the playground). */
  port: number;
  /** open_ids allowed to change a group's digest subscription besides its owner and admins. */
  admins: string[];
  /** How long the bot, stopping, waits for a running Feishu intake ingest before cancelling it (default 30 s). */
  ingestShutdownMs?: number;
  /** Who may add files or links in a one-to-one chat: anyone (the /digest rule, default) or only ZONEBOT_ADMINS. */
  intakeOneToOne?: "anyone" | "admins";
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
  const feishu = readFeishu(values, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    dataDir: path.resolve(overrides.dataDir ?? values.ZONEBOT_DATA_DIR ?? path.join(PROJECT_ROOT, ".zonebot")),
    seedsDir: path.resolve(values.ZONEBOT_SEEDS_DIR ?? path.join(PROJECT_ROOT, "seeds")),
    embedding,
    llm,
    feishu,
    port: values.PORT,
    admins: (values.ZONEBOT_ADMINS ?? "").split(/[,\s]+/).filter(Boolean),
    ingestShutdownMs: values.ZONEBOT_INGEST_SHUTDOWN_MS,
    intakeOneToOne: values.ZONEBOT_INTAKE_DM,
  };
}

function readFeishu(values: Env, problems: string[]): FeishuConfig | undefined {
  if (!values.FEISHU_APP_ID && !values.FEISHU_APP_SECRET) return undefined;
  if (!values.FEISHU_APP_ID) problems.push("FEISHU_APP_ID: required when FEISHU_APP_SECRET is set");
  if (!values.FEISHU_APP_SECRET) problems.push("FEISHU_APP_SECRET: required when FEISHU_APP_ID is set");
  if (values.FEISHU_MODE === "webhook" && !values.FEISHU_ENCRYPT_KEY && !values.FEISHU_VERIFICATION_TOKEN) {
    problems.push("FEISHU_ENCRYPT_KEY or FEISHU_VERIFICATION_TOKEN: webhook mode needs one to authenticate Feishu's requests");
  }
  const domain = values.FEISHU_DOMAIN === "lark" ? "https://open.larksuite.com" : values.FEISHU_DOMAIN === "feishu" || !values.FEISHU_DOMAIN ? "https://open.feishu.cn" : values.FEISHU_DOMAIN;
  return {
    appId: values.FEISHU_APP_ID ?? "", appSecret: values.FEISHU_APP_SECRET ?? "",
    encryptKey: values.FEISHU_ENCRYPT_KEY, verificationToken: values.FEISHU_VERIFICATION_TOKEN,
    domain: domain.replace(/\/+$/, ""), transport: values.FEISHU_MODE, port: values.PORT,
    wsPingTimeoutMs: values.FEISHU_WS_PING_TIMEOUT_MS, wsSilenceAlertMs: values.FEISHU_WS_SILENCE_ALERT_MS,
    typing: { enabled: values.FEISHU_TYPING_INDICATOR, emoji: values.FEISHU_TYPING_EMOJI ?? "Typing" },
    recallAnswers: values.FEISHU_RECALL_ANSWERS,
  };
}
