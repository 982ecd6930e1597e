/**
 * The playground: with no Feishu app configured, `npm start` runs the Feishu Open Platform emulator,
 * the bot against it (webhook transport, encrypted and signed events, the official SDK — the same path
 * as production) and a Feishu-like chat page at http://localhost:PORT. The page posts what a person
 * types; this server turns it into an `im.message.receive_v1` event that the emulator delivers to the
 * bot, and streams the bot's messages and cards (read from the emulator's state) back over SSE.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { startLocalBot, type LocalBot, type LocalBotOptions } from "../app/local.js";
import { PROJECT_ROOT, type Config } from "../config/index.js";
import { silentLogger, type BotActivity, type BotEngine, type BotLogger } from "../lark/index.js";
import { pageMessages, type PageMessage, type UserMessageInfo } from "./view.js";

export interface PlaygroundOptions {
  /** Default `config.port` (3000); 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the page is for this machine only. */
  host?: string;
  /** Open the page in the default browser once ready. */
  open?: boolean;
  onReady?: (url: string) => void;
  signal?: AbortSignal;
  logger?: BotLogger;
  /** Passed to startLocalBot (state store, tuning, …); tests use it. */
  bot?: Omit<LocalBotOptions, "transport" | "encryptKey" | "verificationToken" | "onActivity">;
  /** How often the emulator's state is checked for new or changed bot messages (default 100 ms). */
  pollMs?: number;
}

export interface Playground {
  /** http://localhost:PORT (or the host given). */
  url: string;
  local: LocalBot;
  groupChatId: string;
  dmChatId: string;
  userId: string;
  close(): Promise<void>;
}

const TextsSchema = z.object({
  samples: z.array(z.string().min(1)).min(1),
  dropReasons: z.record(z.string(), z.string()),
  activity: z.record(z.string(), z.string()),
}).passthrough();

export type PlaygroundTexts = z.infer<typeof TextsSchema>;

export function loadPlaygroundTexts(file = path.join(PROJECT_ROOT, "prompts", "playground-texts.json")): PlaygroundTexts {
  return TextsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

const PUBLIC_DIR = fileURLToPath(new URL("./public/", import.meta.url));
const STATIC: Record<string, string> = {
  "/": "index.html",
  "/index.html": "index.html",
  "/app.js": "app.js",
  "/card.js": "card.js",
  "/app.css": "app.css",
};
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };
const ME = "ou_playground_me";
const MAX_TEXT_CHARS = 20_000;
/** An attached file travels as base64 in JSON: 16 MB of body is about 12 MB of file. */
const MAX_FILE_BODY_BYTES = 16 * 1024 * 1024;

/** Starts emulator + bot + page server. `close()` stops all three. */
export async function startPlayground(config: Config, engine: BotEngine, options: PlaygroundOptions = {}): Promise<Playground> {
  const texts = loadPlaygroundTexts();
  const logger = options.logger ?? silentLogger;
  const run = randomBytes(4).toString("hex");
  const groupChatId = `oc_playground_group_${run}`;
  const dmChatId = `oc_playground_p2p_${run}`;
  const clients = new Set<ServerResponse>();
  const users = new Map<string, UserMessageInfo>();
  const activity: unknown[] = [];
  const broadcast = (event: string, data: unknown): void => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const client of clients) client.write(frame);
  };
  const note = (entry: Record<string, unknown>): void => {
    const item = { at: Date.now(), ...entry };
    activity.push(item);
    if (activity.length > 200) activity.shift();
    broadcast("activity", item);
  };

  const local = await startLocalBot(config, engine, {
    logger,
    // The one person at the playground is its admin: files and /add go into the playground's data dir.
    intake: { admins: [...config.admins, ME] },
    ...options.bot,
    transport: "webhook",
    encryptKey: randomBytes(16).toString("hex"),
    verificationToken: randomBytes(12).toString("hex"),
    onActivity: (a: BotActivity) => {
      note({ kind: "bot", ...a });
      scheduleScan();
    },
  });
  const { emulator } = local;
  const botName = "zonebot";
  emulator.addChat({
    chat_id: groupChatId, name: String(texts.groupName ?? "group"), chat_mode: "group", owner_id: ME,
    member_open_ids: [ME, "ou_playground_li", "ou_playground_wang", emulator.botOpenId],
  });
  emulator.addChat({ chat_id: dmChatId, name: "", chat_mode: "p2p", owner_id: ME, member_open_ids: [ME, emulator.botOpenId] });
  const chatIds = new Set([groupChatId, dmChatId]);

  // Push changed messages to the page: the emulator's state is the truth (what Feishu would show).
  const versions = new Map<string, string>();
  const snapshot = (): PageMessage[] => pageMessages(emulator, chatIds, users, botName);
  const scan = (): void => {
    if (clients.size === 0) return;
    for (const message of snapshot()) {
      if (versions.get(message.id) === message.version) continue;
      versions.set(message.id, message.version);
      broadcast("message", message);
    }
  };
  let scanTimer: NodeJS.Timeout | undefined;
  function scheduleScan(): void {
    scanTimer ??= setTimeout(() => {
      scanTimer = undefined;
      scan();
    }, 10);
  }
  const poller = setInterval(scan, options.pollMs ?? 100);
  poller.unref();

  const threadOf = (body: Record<string, unknown>, chatId: string): { threadId?: string; rootId?: string } => {
    if (typeof body.threadRootId !== "string" || !body.threadRootId) return {};
    const root = emulator.message(body.threadRootId);
    if (!root || root.chat_id !== chatId) throw new HttpError(400, "unknown thread root");
    // Replying in a thread opens one on the message if it has none yet (as Feishu does).
    root.thread_id ??= `omt_${randomBytes(12).toString("hex")}`;
    return { threadId: root.thread_id, rootId: root.message_id };
  };

  const deliverAndNote = (event: Parameters<typeof emulator.deliver>[0], messageId: string): void => {
    note({ kind: "page", type: "sent", messageId });
    scheduleScan();
    const started = Date.now();
    emulator.deliver(event).then(
      (result) => note({
        kind: "page", type: result.delivered ? "delivered" : "deliveryFailed", messageId,
        status: result.response?.status ?? 0, ms: result.attempts[0]?.durationMs ?? Date.now() - started,
        error: result.attempts.at(-1)?.error ?? result.response?.text ?? "",
      }),
      (error: unknown) => note({ kind: "page", type: "deliveryFailed", messageId, error: String(error) }),
    );
  };

  /** The attach button: the page sends a file (base64) as a Feishu file message; the bot downloads it from the emulator. */
  const sendFile = (body: Record<string, unknown>): { messageId: string } => {
    const fileName = typeof body.fileName === "string" ? body.fileName.slice(0, 200) : "";
    const data = typeof body.data === "string" ? body.data : "";
    if (!fileName || !data) throw new HttpError(400, "fileName and data (base64) are required");
    const chatType = body.chat === "dm" ? "p2p" : "group";
    const chatId = chatType === "p2p" ? dmChatId : groupChatId;
    const event = emulator.sendFile({ chatType, chatId, senderId: ME, fileName, bytes: Buffer.from(data, "base64"), ...threadOf(body, chatId) });
    const messageId = event.event.message.message_id;
    users.set(messageId, { text: `📎 ${fileName}`, mentions: [], senderName: String(texts.me ?? "me") });
    deliverAndNote(event, messageId);
    return { messageId };
  };

  const sendMessage = (body: Record<string, unknown>): { messageId: string } => {
    const rawText = typeof body.text === "string" ? body.text : "";
    const text = rawText.slice(0, MAX_TEXT_CHARS);
    const chatType = body.chat === "dm" ? "p2p" : "group";
    const chatId = chatType === "p2p" ? dmChatId : groupChatId;
    const mentionPattern = new RegExp(`@${botName}\\b`, "g");
    const mentionBot = chatType === "group" ? mentionPattern.test(text) : false;
    const { threadId, rootId } = threadOf(body, chatId);
    const content = mentionBot ? text.replace(mentionPattern, "@_user_1") : text;
    const event = emulator.events.message({
      chatType, chatId, senderId: ME, messageType: "text", content: { text: content }, mentionBot, threadId, rootId,
    });
    const messageId = event.event.message.message_id;
    users.set(messageId, { text, mentions: mentionBot ? [botName] : [], senderName: String(texts.me ?? "me") });
    deliverAndNote(event, messageId);
    return { messageId };
  };

  const cardAction = async (body: Record<string, unknown>): Promise<unknown> => {
    const messageId = typeof body.messageId === "string" ? body.messageId : "";
    const message = emulator.message(messageId);
    if (!message || !chatIds.has(message.chat_id) || message.origin === "inbound") throw new HttpError(400, "unknown card message");
    const value = typeof body.value === "object" && body.value !== null ? body.value as Record<string, unknown> : {};
    const click = emulator.events.cardAction({ chatId: message.chat_id, messageId, operatorId: ME, value });
    const result = await emulator.deliver(click, { redeliver: false });
    if (!result.delivered) throw new HttpError(502, `card callback failed (${result.response?.status ?? result.attempts.at(-1)?.error ?? "no answer"})`);
    return result.response?.json ?? {};
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://playground");
    try {
      if (req.method === "GET" && STATIC[url.pathname]) return serveStatic(res, STATIC[url.pathname]!);
      if (req.method === "GET" && url.pathname === "/healthz") {
        const health = local.bot.app.health();
        return json(res, health.ok ? 200 : 503, health);
      }
      if (req.method === "GET" && url.pathname === "/api/bootstrap") {
        return json(res, 200, {
          texts, botName, botOpenId: emulator.botOpenId, me: ME,
          chats: { group: { id: groupChatId, members: 4 }, dm: { id: dmChatId } },
          messages: snapshot(), activity,
        });
      }
      if (req.method === "GET" && url.pathname === "/api/stream") return openStream(req, res);
      if (req.method === "POST" && url.pathname === "/api/messages") return json(res, 200, sendMessage(await readJson(req)));
      if (req.method === "POST" && url.pathname === "/api/files") return json(res, 200, sendFile(await readJson(req, MAX_FILE_BODY_BYTES)));
      if (req.method === "POST" && url.pathname === "/api/card-action") return json(res, 200, await cardAction(await readJson(req)));
      req.resume();
      json(res, 404, { error: "not found" });
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) logger.error("playground request failed", { path: url.pathname, error: String(error) });
      if (!res.headersSent) json(res, status, { error: error instanceof Error ? error.message : String(error) });
    }
  };

  const openStream = (req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive" });
    res.write(`retry: 1000\n\n`);
    // A (re)connected page gets everything again; versions reset so later changes reach it.
    const all = snapshot();
    res.write(`event: snapshot\ndata: ${JSON.stringify({ messages: all })}\n\n`);
    for (const message of all) versions.set(message.id, message.version);
    clients.add(res);
    const ping = setInterval(() => res.write(": ping\n\n"), 15_000);
    req.on("close", () => {
      clearInterval(ping);
      clients.delete(res);
    });
  };

  const server = createServer((req, res) => void handle(req, res));
  let pageUrl: string;
  try {
    pageUrl = await listen(server, options.host ?? "127.0.0.1", options.port ?? config.port);
  } catch (error) {
    clearInterval(poller);
    await local.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url: pageUrl,
    local,
    groupChatId,
    dmChatId,
    userId: ME,
    close: () => {
      closing ??= (async () => {
        clearInterval(poller);
        if (scanTimer) clearTimeout(scanTimer);
        for (const client of clients) client.end();
        clients.clear();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await local.close();
      })();
      return closing;
    },
  };
}

/**
 * `npm start` without Feishu credentials: runs the playground until SIGINT/SIGTERM (or the signal
 * aborts), then stops everything (queued answers are drained first).
 */
export async function runPlayground(
  config: Config,
  engine: BotEngine,
  options: {
    port?: number; open?: boolean; onReady?: (url: string) => void; signal?: AbortSignal;
    /** Answer in a worker thread (default true; see StartBotOptions.answerInWorker). */
    answerInWorker?: boolean;
  } & Omit<PlaygroundOptions, "port" | "open" | "onReady" | "signal"> = {},
): Promise<void> {
  if (options.signal?.aborted) return;
  const playground = await startPlayground(config, engine, {
    ...options,
    bot: { answerInWorker: options.answerInWorker ?? true, ...options.bot },
  });
  const texts = loadPlaygroundTexts();
  process.stderr.write([
    "",
    `zonebot playground: ${playground.url}`,
    "  没有配置飞书应用（FEISHU_APP_ID / FEISHU_APP_SECRET），所以运行本地飞书模拟器 + 机器人 + 网页群聊。",
    "  在网页里 @zonebot 提问，例如：",
    ...texts.samples.slice(0, 2).map((q) => `    @zonebot ${q}`),
    "  Ctrl+C 退出。",
    "",
  ].join("\n"));
  options.onReady?.(playground.url);
  if (options.open) openBrowser(playground.url);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      options.signal?.removeEventListener("abort", stop);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    options.signal?.addEventListener("abort", stop, { once: true });
  });
  await playground.close();
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function openBrowser(url: string): void {
  const command = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  try {
    const child = spawn(command, [url], { stdio: "ignore", detached: true });
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // No browser opener: the URL is printed anyway.
  }
}

async function listen(server: Server, host: string, port: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shown = host === "127.0.0.1" || host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return `http://${shown}:${address.port}`;
}

function serveStatic(res: ServerResponse, file: string): void {
  const body = readFileSync(path.join(PUBLIC_DIR, file));
  res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-cache", "content-length": body.length });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage, maxBytes = 256 * 1024): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, "request too large");
    chunks.push(chunk as Buffer);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "body is not JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new HttpError(400, "body is not a JSON object");
  return value as Record<string, unknown>;
}
