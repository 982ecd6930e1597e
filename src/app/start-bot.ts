import type { Config } from "../config/index.js";
import { AnswerWorker, type AnswerWorkerOptions } from "../engine/worker-engine.js";
import {
  AckGate, App, createJsonLogger, createLarkClient, HttpReceiver, Sender, startHealthServer, TokenCache, WsReceiver, type HealthServer,
  type BotActivity, type BotCommand, type BotEngine, type BotLogger, type BotTexts, type BotTuning, type CardActionHandler,
  type Receiver, type RetryPolicy,
} from "../lark/index.js";
import { LiveEngine } from "../lark/intake/index.js";
import { StateStore } from "../store/state-store.js";
import { warmUpReceiving, type WarmUpReport, type WarmUpSettings } from "./warm-up.js";
import { createIntake, isWorkerEngine, openInProcess, openWithWorker, withRecalls, type IntakeSettings, type OpenGeneration } from "./intake.js";

/** Feishu app credentials and how events reach the bot. */
export interface FeishuSettings {
  appId: string;
  appSecret: string;
  /** `feishu` (default), `lark`, or a base URL (the emulator's). */
  domain?: string;
  /** Console → 事件与回调 → 加密策略. Enables signature checks and decryption of webhooks. */
  encryptKey?: string;
  verificationToken?: string;
  /** `ws` (default): long connection, no public URL needed. `webhook`: an HTTP server Feishu POSTs to. */
  transport?: "ws" | "webhook";
  /** Webhook server (and /healthz); defaults 0.0.0.0:3000, port 0 picks a free one. */
  host?: string;
  port?: number;
  /** Skips the /bot/v3/info lookup. */
  botOpenId?: string;
  /** Long connection: pong deadline after each ping (default 30 s; 0 = off) and the silence alert. */
  wsPingTimeoutMs?: number;
  wsSilenceAlertMs?: number;
  /** Typing indicator (a reaction on questions being answered); default on with `Typing`. */
  typing?: { enabled: boolean; emoji: string };
  /** Recall the answer too when its question is recalled after it was sent (default off). */
  recallAnswers?: boolean;
}

export interface StartBotOptions {
  /** Overrides `config.feishu` (which the config module will provide). */
  feishu?: FeishuSettings;
  logger?: BotLogger;
  onActivity?: (activity: BotActivity) => void;
  tuning?: Partial<BotTuning>;
  retry?: Partial<RetryPolicy>;
  /** Extra slash commands, e.g. `/digest …`. */
  commands?: BotCommand[];
  /** Extra card button handlers by `value.action`. */
  cardActions?: Record<string, CardActionHandler>;
  texts?: BotTexts;
  clock?: () => number;
  /** A state store to use instead of opening `<dataDir>/state.db` (then the caller closes it). */
  state?: StateStore;
  /** A receiver to use instead of the one `transport` names (tests). */
  receiver?: Receiver;
  /** Stop on SIGTERM/SIGINT (drain, then resolve `stopped`). Default false; the CLI turns it on. */
  handleSignals?: boolean;
  /** How long stop() waits for queued answers (default 10 s). */
  drainTimeoutMs?: number;
  /**
   * Answer in a worker thread (`src/engine/worker-engine.ts`) so that acknowledgements never wait behind
   * the engine's synchronous work: the worker opens its own engine on `config.dataDir` and answers
   * `engine.ask`; `engine` itself keeps serving the corpus and tools (/sources, /facts). Only for a plain
   * engine over `config.dataDir` — a wrapper's own `ask` would be bypassed. Default false (in-process);
   * `npm start` (runBot, the playground) turns it on. Options: maxInFlight, askTimeoutMs, llm hooks, …
   */
  answerInWorker?: boolean | AnswerWorkerOptions;
  /**
   * Feishu intake (default on): admins send files or `/add <link>`; they are ingested into a new
   * generation of `config.dataDir`, which the bot then answers from without a restart. `false` turns it off.
   */
  intake?: false | IntakeSettings;
  /**
   * Before the receiver starts, rehearse the receiving path on a scratch copy of the bot (see warm-up.ts):
   * the first burst of deliveries then meets compiled code. Default on; nothing is sent or stored.
   */
  warmUp?: false | WarmUpSettings;
}

export interface RunningBot {
  app: App;
  sender: Sender;
  state: StateStore;
  receiver: Receiver;
  transport: "ws" | "webhook" | "custom";
  /** Webhook mode: where Feishu (or the emulator) must POST. */
  webhook?: { url: string; eventUrl: string; cardUrl: string; healthUrl: string };
  /** GET /healthz: the webhook server's, or in ws mode a small server on `port`. */
  healthUrl?: string;
  /** Drains (503 for new webhooks, waits for queued answers) and closes; idempotent. */
  stop(): Promise<void>;
  /** Resolves once stopped (after stop() or a signal). */
  stopped: Promise<void>;
  /** The answering worker when `answerInWorker` is on (stopped by stop()); a new one after each ingest. */
  readonly answerer?: AnswerWorker;
  /** The engine the bot answers from (swapped to a new generation after an ingest). */
  engine: LiveEngine;
  /** What the start-up rehearsal did (absent when turned off or failed). */
  warmUp?: WarmUpReport;
}

const PRUNE_EVERY_MS = 3600_000;
/** Outbound work waits for pending acks at most this long (then goes anyway: answers cannot starve). */
const ACK_MAX_WAIT_MS = 25;
/**
 * …and until no delivery arrived for this long. Measured (bench:bot, 2 cores, a few runs under other
 * load): the main thread's wait for a CPU per round of 50 acks fell by about half with 3 ms.
 */
const ACK_QUIET_MS = 3;

/**
 * Starts the Feishu bot over an engine: state store, sender, App, and the receiver for the configured
 * transport. The playground starts the emulator, then this in webhook mode on 127.0.0.1:0, and points
 * the emulator's webhooks at `bot.webhook.eventUrl` / `cardUrl` (see startLocalBot).
 */
export async function startBot(config: Config & { feishu?: FeishuSettings }, given: BotEngine, options: StartBotOptions = {}): Promise<RunningBot> {
  const feishu = options.feishu ?? config.feishu;
  if (!feishu?.appId || !feishu.appSecret) throw new Error("the Feishu bot needs FEISHU_APP_ID and FEISHU_APP_SECRET");
  const logger = options.logger ?? createJsonLogger("info");
  const first = options.answerInWorker ? await startAnswerer(config, options.answerInWorker, logger) : undefined;
  let answerer = first;
  const viaWorker = (engine: BotEngine, worker: AnswerWorker): BotEngine => ({
    corpus: engine.corpus,
    tools: engine.tools,
    get defaultBrain() { return worker.defaultBrain; },
    ask: (question, history, askOptions) => worker.ask(question, history, askOptions),
  });
  // The given engine belongs to the caller; only the first worker is released when a new generation takes over.
  const live = first ? new LiveEngine(viaWorker(given, first), () => first.close()) : new LiveEngine(given);
  const llm = options.intake ? options.intake.llm : undefined;
  const open: OpenGeneration = async () => {
    if (!options.answerInWorker && isWorkerEngine(given)) return openWithWorker(config, llm);
    const opened = await openInProcess(config, llm);
    if (!options.answerInWorker) return opened;
    const worker = await startAnswerer(config, options.answerInWorker, logger).catch((error: unknown) => {
      opened.release();
      throw error;
    });
    answerer = worker;
    return { engine: viaWorker(opened.engine, worker), release: async () => { await worker.close(); opened.release(); } };
  };
  try {
    const bot = await startWith(config, feishu, live, options, logger, open);
    return Object.defineProperty(bot, "answerer", { get: () => answerer, enumerable: true });
  } catch (error) {
    await live.close();
    throw error;
  }
}

async function startAnswerer(config: Config, settings: true | AnswerWorkerOptions, logger: BotLogger): Promise<AnswerWorker> {
  const options = settings === true ? {} : settings;
  return AnswerWorker.start(config, {
    ...options,
    onEvent: options.onEvent ?? ((event) => {
      if (event.type === "restarted") logger.info("answering worker restarted", { ...event });
      else logger.error(`answering worker ${event.type}`, { ...event });
    }),
  });
}

async function startWith(
  config: Config, feishu: FeishuSettings, engine: LiveEngine, options: StartBotOptions, logger: BotLogger, open: OpenGeneration,
): Promise<Omit<RunningBot, "answerer">> {
  const emit = (activity: BotActivity): void => options.onActivity?.(activity);
  const tokens = new TokenCache(options.clock);
  // Acks first: replies and reactions wait while deliveries are being acknowledged, and until no
  // delivery arrived for ACK_QUIET_MS (a burst reaches the thread one request at a time).
  const ackGate = new AckGate(ACK_MAX_WAIT_MS, ACK_QUIET_MS);
  const sender = new Sender(createLarkClient(feishu, tokens, logger), tokens, {
    logger,
    beforeCall: () => ackGate.clear(),
    retry: options.retry,
    onRetry: ({ operation, attempt, delayMs, error }) =>
      emit({ type: "retry", operation, attempt, delayMs, code: error.larkCode, status: error.status }),
  });
  const botOpenId = feishu.botOpenId ? await warmUp(sender, logger, feishu.botOpenId) : await lookUpBot(sender, logger);
  const state = options.state ?? StateStore.open(config.dataDir, { clock: options.clock });
  const tuning: Partial<BotTuning> = {
    ...(feishu.typing ? { typing: feishu.typing } : {}),
    ...(feishu.recallAnswers !== undefined ? { recallAnswers: feishu.recallAnswers } : {}),
    ...options.tuning,
  };
  const intake = options.intake === false ? undefined : createIntake(config, engine, options.intake ?? {}, open, logger);
  const app = new App({
    engine, state, sender, botOpenId, logger, texts: options.texts, tuning, clock: options.clock, onActivity: withRecalls(intake, options.onActivity), ackGate,
  });
  app.command(...(options.commands ?? []));
  if (intake) app.command(intake.command(app.services.texts)).onFile(intake.onFile);
  for (const [name, handler] of Object.entries(options.cardActions ?? {})) app.cardAction(name, handler);

  const transport = options.receiver ? "custom" : (feishu.transport ?? "ws");
  const receiver = options.receiver ?? (transport === "webhook"
    ? new HttpReceiver({
      host: feishu.host, port: feishu.port, encryptKey: feishu.encryptKey, verificationToken: feishu.verificationToken, logger, clock: options.clock,
    })
    : new WsReceiver({
      appId: feishu.appId, appSecret: feishu.appSecret, domain: feishu.domain, logger, clock: options.clock,
      pingTimeoutMs: feishu.wsPingTimeoutMs, silenceAlertMs: feishu.wsSilenceAlertMs,
    }));
  receiver.init(app);
  const rehearsal = options.warmUp === false ? undefined : await rehearse(app, transport, feishu, options.warmUp, logger);
  let health: HealthServer | undefined;
  try {
    await receiver.start();
    // The long connection has no server of its own: /healthz gets one on PORT (not fatal if the port is taken).
    if (receiver instanceof WsReceiver) {
      health = await startHealthServer(app, { host: feishu.host, port: feishu.port }).catch((error: unknown) => {
        logger.error("could not serve /healthz; the bot runs without it", { port: feishu.port, error: String(error) });
        return undefined;
      });
    }
  } catch (error) {
    await receiver.stop();
    if (!options.state) state.close();
    throw error;
  }
  const pruner = setInterval(() => state.prune(), PRUNE_EVERY_MS);
  pruner.unref();

  let resolveStopped!: () => void;
  const stopped = new Promise<void>((resolve) => { resolveStopped = resolve; });
  let stopping: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    logger.info("signal received; draining", { signal });
    void stop();
  };
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      app.startDraining();
      await receiver.stop();
      await health?.close();
      await app.drain(options.drainTimeoutMs ?? 10_000);
      clearInterval(pruner);
      process.off("SIGTERM", onSignal);
      process.off("SIGINT", onSignal);
      // A running ingest gets a bounded wait (ZONEBOT_INGEST_SHUTDOWN_MS), then it is cancelled.
      await intake?.stop();
      await engine.close();
      if (!options.state) state.close();
      logger.info("bot stopped");
      resolveStopped();
    })();
    return stopping;
  };
  if (options.handleSignals) {
    process.once("SIGTERM", onSignal);
    process.once("SIGINT", onSignal);
  }
  const webhook = receiver instanceof HttpReceiver
    ? { url: receiver.url, eventUrl: receiver.eventUrl, cardUrl: receiver.cardUrl, healthUrl: `${receiver.url}/healthz` }
    : undefined;
  logger.info("bot started", { transport, brain: engine.defaultBrain, botOpenId, answering: options.answerInWorker ? "worker" : "in-process" });
  return { app, sender, state, receiver, transport, webhook, healthUrl: webhook?.healthUrl ?? health?.url, stop, stopped, engine, warmUp: rehearsal };
}

/** The start-up rehearsal (warm-up.ts); a failure only costs the first burst its speed. */
async function rehearse(
  app: App, transport: "ws" | "webhook" | "custom", feishu: FeishuSettings, settings: WarmUpSettings | undefined, logger: BotLogger,
): Promise<WarmUpReport | undefined> {
  try {
    const security = { encryptKey: feishu.encryptKey, verificationToken: feishu.verificationToken };
    const report = await warmUpReceiving({ app, transport, security, appId: feishu.appId }, settings);
    logger.info("receiving path warmed up", { acked: report.acked, queued: report.queued, ms: Math.round(report.ms) });
    return report;
  } catch (error) {
    logger.warn("could not warm up the receiving path; the first deliveries will be slower", { error: String(error) });
    return undefined;
  }
}

/**
 * With the open_id configured there is nothing to look up, but the bot still asks for its info once
 * (one attempt): the tenant token is fetched and a connection opened before the first delivery, so the
 * first burst of events is not the one waiting for them, and wrong credentials show in the log at start.
 */
async function warmUp(sender: Sender, logger: BotLogger, botOpenId: string): Promise<string> {
  try {
    await sender.botInfo({ maxAttempts: 1 });
  } catch (error) {
    logger.warn("could not reach the Open API at start; the first reply will try again", { error: String(error) });
  }
  return botOpenId;
}

async function lookUpBot(sender: Sender, logger: BotLogger): Promise<string | undefined> {
  try {
    const info = await sender.botInfo();
    return info.openId || undefined;
  } catch (error) {
    logger.warn("could not read the bot's open_id; any @mention in a group will count as addressed to the bot", { error: String(error) });
    return undefined;
  }
}
