import path from "node:path";
import { ingestInputs } from "../cli/ingest.js";
import type { Config } from "../config/index.js";
import { Gazetteer } from "../domain/gazetteer.js";
import { createEngine, type Engine, type EngineOptions } from "../engine/index.js";
import { AnswerWorker, createWorkerEngine, type WorkerEngine } from "../engine/worker-engine.js";
import type { BotActivity, BotEngine, BotLogger } from "../lark/index.js";
import { DEFAULT_INGEST_SHUTDOWN_MS, Intake, type LiveEngine } from "../lark/intake/index.js";

export interface IntakeSettings {
  /** Who may add besides a group's owner and admins (default: config.admins, i.e. ZONEBOT_ADMINS). */
  admins?: string[];
  /** Who may add in a one-to-one chat (default: config.intakeOneToOne, ZONEBOT_INTAKE_DM, anyone). */
  oneToOne?: "anyone" | "admins";
  /** Largest file accepted from a message (default 50 MB). */
  maxBytes?: number;
  /** LLM hooks (token usage) for the engines opened on new generations, as the first engine had them. */
  llm?: EngineOptions["llm"];
  /** How long stopping waits for a running ingest before cancelling it (default: config.ingestShutdownMs, ZONEBOT_INGEST_SHUTDOWN_MS, 30 s). */
  shutdownTimeoutMs?: number;
}

export const DEFAULT_INTAKE_MAX_BYTES = 50 * 1024 * 1024;
const INGEST_WORKERS = 2;

/**
 * How a new generation reaches the running bot: opened in this thread (for /sources, /facts and, when
 * answering in-process, answers), plus `answerer` for the answering worker when there is one.
 */
export type OpenGeneration = () => Promise<{ engine: BotEngine; release: () => void | Promise<void> }>;

/** The Feishu intake over `config.dataDir`: ingest like `zonebot ingest`, then swap the new generation into `live`. */
export function createIntake(config: Config, live: LiveEngine, settings: IntakeSettings, open: OpenGeneration, logger: BotLogger): Intake {
  const gazetteer = Gazetteer.load();
  return new Intake({
    admins: settings.admins ?? config.admins,
    oneToOne: settings.oneToOne ?? config.intakeOneToOne ?? "anyone",
    maxBytes: settings.maxBytes ?? DEFAULT_INTAKE_MAX_BYTES,
    uploadsDir: path.join(config.dataDir, "uploads"),
    engine: live,
    // Worker threads even for one file: reading a large PDF must not hold up the acks of the bot's event loop
    // (and a cancelled ingest ends by terminating them).
    ingest: (inputs, signal) => ingestInputs(inputs, { config, gazetteer, workers: INGEST_WORKERS, signal }),
    shutdownTimeoutMs: settings.shutdownTimeoutMs ?? config.ingestShutdownMs ?? DEFAULT_INGEST_SHUTDOWN_MS,
    reload: async () => {
      const { engine, release } = await open();
      live.swap(engine, release);
      logger.info("answering from a new generation", { generation: engine.corpus.generation });
    },
  });
}

/**
 * The bot's activity listener, with recalls passed to the intake first: a recalled file message or /add
 * cancels its ingest (src/lark's recall handler emits `recalled` for every im.message.recalled_v1).
 */
export function withRecalls(intake: Intake | undefined, onActivity?: (activity: BotActivity) => void): ((activity: BotActivity) => void) | undefined {
  if (!intake) return onActivity;
  return (activity) => {
    if (activity.type === "recalled") intake.recalled(activity.messageId);
    onActivity?.(activity);
  };
}

/** Opens the current generation in this thread (no seed check: the seeds were ingested at start-up). */
export async function openInProcess(config: Config, llm?: EngineOptions["llm"]): Promise<{ engine: Engine; release: () => void }> {
  const engine = await createEngine(config, { ensureSeeds: false, llm });
  return { engine, release: () => engine.close() };
}

/**
 * When the bot was given a worker engine (`createWorkerEngine`, as `zonebot bot` does), the new generation
 * gets one too, so answers stay off the event loop after an ingest.
 */
export async function openWithWorker(config: Config, llm?: EngineOptions["llm"]): Promise<{ engine: BotEngine; release: () => Promise<void> }> {
  const opened = await openInProcess(config, llm);
  try {
    const engine = await createWorkerEngine(config, { local: opened.engine, llm });
    return { engine, release: async () => { await engine.close(); opened.release(); } };
  } catch (error) {
    opened.release();
    throw error;
  }
}

export function isWorkerEngine(engine: BotEngine): boolean {
  return "answerer" in engine && (engine as Partial<WorkerEngine>).answerer instanceof AnswerWorker;
}
