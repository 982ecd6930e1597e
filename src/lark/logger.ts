import * as lark from "@larksuiteoapi/node-sdk";

/** Structured log line: a message plus fields (ids, codes, timings) — never tokens or secrets. */
export type LogFields = Record<string, unknown>;

export interface BotLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** One JSON object per line (default on stderr), at or above `level`. */
export function createJsonLogger(level: LogLevel = "info", write: (line: string) => void = (line) => process.stderr.write(line)): BotLogger {
  const at = (lvl: Exclude<LogLevel, "silent">) => (message: string, fields: LogFields = {}) => {
    if (ORDER[lvl] < ORDER[level]) return;
    write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg: message, ...fields })}\n`);
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

export const silentLogger: BotLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * What the SDK's Client/WSClient/EventDispatcher get as their logger. The SDK logs every failed API
 * call at error level even when we catch and retry it, so its errors go to our debug level: the
 * sender logs its own classified outcome.
 */
export function sdkLogger(logger: BotLogger): { logger: lark.Logger; loggerLevel: lark.LoggerLevel } {
  const join = (parts: unknown[]): string => parts.map((part) => (typeof part === "string" ? part : safeJson(part))).join(" ");
  return {
    loggerLevel: lark.LoggerLevel.warn,
    logger: {
      error: (...msg: unknown[]) => logger.debug(`sdk: ${join(msg)}`),
      warn: (...msg: unknown[]) => logger.debug(`sdk: ${join(msg)}`),
      info: (...msg: unknown[]) => logger.debug(`sdk: ${join(msg)}`),
      debug: () => {},
      trace: () => {},
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
