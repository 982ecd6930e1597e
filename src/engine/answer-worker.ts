/**
 * The answering worker's entry (loaded by answer-worker-boot.mjs, started by worker-engine.ts): opens an
 * engine on the data dir the main thread already prepared (no ingest: read-only use of the current
 * generation), then answers `ask` messages as they come, in order, several at a time when the LLM
 * brain waits on the network. Streaming text, token usage and LLM events go back by postMessage.
 */
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { Config } from "../config/index.js";
import type { Answer, Turn } from "../brain/types.js";
import type { AskOptions, BrainChoice, EngineOptions } from "./index.js";
import type { AnswerWorkerData, FromWorker, SerializedError, ToWorker } from "./worker-engine.js";

/** What the worker needs of an engine (the real one, or a test module's). */
interface Answerer {
  defaultBrain: BrainChoice;
  corpus?: { generation?: string };
  ask(question: string, history?: Turn[], options?: AskOptions): Promise<Answer>;
  close(): void;
}

/** How much lower the answering thread runs than the receiving one (Linux nice, 0–19). */
const ANSWER_THREAD_NICENESS = 10;

type Factory = (config: Config, options: EngineOptions & { data?: unknown }) => Promise<Answerer>;

const port = parentPort;
if (!port) throw new Error("answer-worker.ts runs inside a worker thread");

const { data } = workerData as { data: AnswerWorkerData };

// Answering may wait; acknowledging an event may not (Feishu redelivers after 3 s, and the 50 ms target is
// the main thread's). On Linux, setpriority for "this process" from a thread applies to that thread only, so
// the answering thread yields the CPU to the receiving one when both want it. Elsewhere it may lower the
// whole process or be refused: nothing depends on it.
if (process.platform === "linux" && data.niceness !== 0) {
  try {
    setPriority(0, data.niceness ?? ANSWER_THREAD_NICENESS);
  } catch {
    // Not permitted here: answer at normal priority.
  }
}

const post = (message: FromWorker): void => port.postMessage(message);

function serialize(error: unknown): SerializedError {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return { message: error.message, name: error.name, stack: error.stack, code: typeof code === "string" ? code : undefined };
  }
  return { message: String(error), name: "Error" };
}

let engine: Answerer;
try {
  const module = (await import(data.engineModule ?? "./index.js")) as { createEngine?: Factory; default?: Factory };
  const create = module.createEngine ?? module.default;
  if (!create) throw new Error(`${data.engineModule} exports no createEngine`);
  engine = await create(data.config, {
    ensureSeeds: false,
    data: data.moduleData,
    llm: {
      onUsage: data.forwardUsage ? (record) => post({ type: "usage", record }) : undefined,
      onEvent: data.forwardEvents ? (event) => post({ type: "llm-event", event }) : undefined,
    },
  });
} catch (error) {
  post({ type: "init-error", error: serialize(error) });
  process.exit(1);
}

port.on("message", (message: ToWorker) => {
  if (message.type === "ping") {
    post({ type: "pong", id: message.id });
    return;
  }
  if (message.type !== "ask") return;
  const { id } = message;
  const onText = message.stream ? (text: string) => post({ type: "text", id, text }) : undefined;
  let answering: Promise<Answer>;
  try {
    answering = engine.ask(message.question, message.history, { brain: message.brain, chatId: message.chatId, onText });
  } catch (error) {
    answering = Promise.reject(error);
  }
  answering.then(
    (answer) => {
      try {
        post({ type: "answer", id, answer });
      } catch (error) {
        post({ type: "error", id, error: serialize(error) });
      }
    },
    (error: unknown) => post({ type: "error", id, error: serialize(error) }),
  );
});

post({ type: "ready", generation: engine.corpus?.generation, defaultBrain: engine.defaultBrain });
