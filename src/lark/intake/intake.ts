import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { IngestReport } from "../../corpus/index.js";
import { isLink, isSupportedArticleFile, sha256Hex } from "../../ingest/index.js";
import { escapeMarkdown, markdownCard } from "../cards/index.js";
import type { BotCommand } from "../commands/registry.js";
import type { MessageContext } from "../context.js";
import { asBotError } from "../errors.js";
import type { SentMessage } from "../sender.js";
import { fill, type BotTexts } from "../texts.js";
import { downloadMessageFile, FileTooLargeError } from "./download.js";
import type { LiveEngine } from "./live-engine.js";
import type { OneToOneRule } from "../permission.js";
import { mayIngest } from "./permission.js";
import { intakeResultCard, type IntakeOutcome } from "./report-card.js";

export interface IntakeOptions {
  /** ZONEBOT_ADMINS: open_ids allowed to add anywhere (group owners and admins may add in their group). */
  admins: readonly string[];
  /** Who may add in a one-to-one chat (ZONEBOT_INTAKE_DM): anyone, as for /digest (default), or only admins. */
  oneToOne?: OneToOneRule;
  /** Largest file accepted from a message (bytes). */
  maxBytes: number;
  /** Where sent files are kept (one folder per message, so the file keeps its own name in citations). */
  uploadsDir: string;
  /**
   * Files and links into a new generation (the CLI's ingestInputs); atomic: a failure leaves the previous one
   * current. `signal` cancels it (workers terminated, nothing committed: it rejects with IngestCancelledError).
   */
  ingest(inputs: string[], signal: AbortSignal): Promise<IngestReport>;
  /** Opens the current generation and swaps it into `engine`. */
  reload(): Promise<void>;
  engine: LiveEngine;
  /** How long stop() waits for a running ingest before cancelling it (default 30 s). */
  shutdownTimeoutMs?: number;
}

export const DEFAULT_INGEST_SHUTDOWN_MS = 30_000;
/** After the cancel, how long stop() still waits for the ingest to wind down (terminating workers is quick). */
const CANCEL_GRACE_MS = 5_000;

/** Why an ingest was cancelled: its message was recalled, or the bot is stopping. */
export class IntakeCancel extends Error {
  constructor(readonly why: "recalled" | "shutdown") {
    super(why === "recalled" ? "the message was recalled" : "the bot is stopping");
    this.name = "IntakeCancel";
  }
}

/** One file message or /add, from 「正在导入」 until its result card. */
interface IntakeJob {
  ctx: MessageContext;
  name: string;
  /** The 「正在导入」 notice (undefined when it could not be sent), withdrawn when the user recalls the message. */
  notice: Promise<SentMessage | undefined>;
  controller: AbortController;
  state: "queued" | "running";
  /** The cancel was logged (and the notice withdrawn): at once for a queued job, not again at its turn. */
  settled?: boolean;
}

/**
 * Feishu intake: an admin's file message or `/add <link>` is checked at once (who, what type), answered
 * with 「正在导入」, then ingested in the background, one ingest at a time, outside the chat queue — so
 * questions meanwhile are answered from the previous generation — and the result card follows.
 */
export class Intake {
  private chain: Promise<void> = Promise.resolve();
  /** Queued and running ingests by the message that asked for them (what a recall names). */
  private readonly jobs = new Map<string, IntakeJob>();
  private stopping = false;

  constructor(private readonly options: IntakeOptions) {}

  /** Resolves when every ingest started so far has finished (tests). */
  idle(): Promise<void> {
    return this.chain;
  }

  /**
   * im.message.recalled_v1 for a message that asked for an ingest: a queued one never starts, a running one
   * is cancelled (nothing of it kept, the previous generation stays current, no result card) and its
   * 「正在导入」 notice withdrawn. True when there was one; an ingest that already finished is left as it is.
   */
  recalled(messageId: string): boolean {
    const job = this.jobs.get(messageId);
    if (!job) return false;
    job.controller.abort(new IntakeCancel("recalled"));
    // A queued job may wait long behind another: its notice goes now, not at its turn.
    if (job.state === "queued") void this.cancelled(job);
    return true;
  }

  /**
   * Shutdown: queued ingests are dropped; the running one gets `shutdownTimeoutMs` to finish, then it is
   * cancelled (its workers terminated, nothing committed, the previous generation stays current), and a
   * log line says so. New ingests are refused from now on.
   */
  async stop(timeoutMs = this.options.shutdownTimeoutMs ?? DEFAULT_INGEST_SHUTDOWN_MS): Promise<void> {
    this.stopping = true;
    for (const job of this.jobs.values()) if (job.state === "queued") job.controller.abort(new IntakeCancel("shutdown"));
    if (await settlesWithin(this.chain, timeoutMs)) return;
    for (const job of this.jobs.values()) {
      job.ctx.log.warn("ingest cancelled: the bot is stopping and the ingest ran past the shutdown wait; the previous generation stays current", { name: job.name, waitedMs: timeoutMs });
      job.controller.abort(new IntakeCancel("shutdown"));
    }
    if (!(await settlesWithin(this.chain, CANCEL_GRACE_MS))) {
      for (const job of this.jobs.values()) job.ctx.log.error("a cancelled ingest did not end; stopping without it", { name: job.name });
    }
  }

  /** The handler of file messages (runs in the chat's queue, after the ack). */
  readonly onFile = async (ctx: MessageContext): Promise<void> => {
    const { texts } = ctx.services;
    const file = readFileContent(ctx.message.content);
    if (!(await this.permitted(ctx))) return;
    if (!file) return void (await notice(ctx, texts.intakeNoFile, "intake-nofile"));
    const name = safeFileName(file.fileName, ctx.message.messageId);
    if (!isSupportedArticleFile(name)) return void (await notice(ctx, fill(texts.intakeUnsupported, { name }), "intake-unsupported"));
    const job = await this.begin(ctx, name);
    this.inBackground(job, async (signal) => {
      const dir = path.join(this.options.uploadsDir, ctx.message.messageId);
      let bytes: Uint8Array;
      try {
        bytes = await downloadMessageFile(ctx.services.sender, ctx.message.messageId, file.fileKey, this.options.maxBytes);
      } catch (error) {
        if (signal.aborted) throw error;
        const text = error instanceof FileTooLargeError
          ? fill(texts.intakeTooLarge, { name, limit: sizeText(this.options.maxBytes) })
          : fill(texts.intakeDownloadFailed, { name, reason: asBotError(error).code });
        return void (await notice(ctx, text, "intake-result", "orange"));
      }
      // Each message gets its own folder, so the same file sent twice would be a second copy: its hash says it is known.
      const hash = sha256Hex(bytes);
      if (this.options.engine.corpus.store.sources().some((source) => source.contentHash === hash)) {
        const text = `**${texts.intakeNothingNew}**\n${fill(texts.intakeUnchangedLine, { file: escapeMarkdown(name) })}`;
        return void (await notice(ctx, text, "intake-result", "orange"));
      }
      signal.throwIfAborted();
      await mkdir(dir, { recursive: true });
      const saved = path.join(dir, name);
      await writeFile(saved, bytes);
      const outcome = await this.ingest([saved], signal).catch(async (error: unknown) => {
        await rm(dir, { recursive: true, force: true });
        throw error;
      });
      // A file that was not ingested is not kept: the next upgrade would try it again.
      if (outcome.report.errors.length > 0 || outcome.added.length === 0) await rm(dir, { recursive: true, force: true });
      await this.report(ctx, intakeResultCard(texts, outcome));
    });
  };

  /** `/add <link>`: a web page (or a PDF / Word file behind a link). */
  command(texts: BotTexts): BotCommand {
    return {
      name: "add",
      aliases: ["导入"],
      usage: "/add 链接",
      description: texts.commandAdd,
      run: async (ctx) => {
        if (!(await this.permitted(ctx))) return;
        const links = ctx.command.args.filter(isLink);
        if (links.length === 0) return void (await notice(ctx, ctx.services.texts.addUsage, "intake-usage"));
        const name = links.join(" ");
        const job = await this.begin(ctx, name);
        this.inBackground(job, async (signal) => {
          await this.report(ctx, intakeResultCard(ctx.services.texts, await this.ingest(links, signal)));
        });
      },
    };
  }

  private async permitted(ctx: MessageContext): Promise<boolean> {
    const allowed = await mayIngest(ctx, this.options.admins, this.options.oneToOne);
    if (allowed.ok) return true;
    const { texts } = ctx.services;
    await notice(ctx, allowed.reason ? fill(texts.intakeCheckFailed, { reason: allowed.reason }) : texts.intakeNotAdmin, "intake-refused", "orange");
    return false;
  }

  /**
   * Ingests, swaps the new generation in, and names what it added: the articles read from these inputs
   * (by file path or link, as article ids and the report name them) — not a diff against the engine, which
   * may have been opened before an earlier ingest.
   */
  private async ingest(inputs: string[], signal: AbortSignal): Promise<IntakeOutcome> {
    const before = this.options.engine.corpus.generation;
    // Once this returns the new generation is current, cancelled or not: it is swapped in either way.
    const report = await this.options.ingest(inputs, signal);
    // Nothing read (every input rejected or unchanged): the generation holds the same articles, keep answering from ours.
    if (report.generation === undefined || report.generation === before || report.added.length === 0) return { report, added: [], facts: [] };
    await this.options.reload();
    const corpus = this.options.engine.corpus;
    const read = new Set([...inputs, ...report.added]);
    const added = [...corpus.articles.values()].filter((article) => read.has(article.id.slice(0, article.id.lastIndexOf("#"))) || read.has(article.source));
    const ids = new Set(added.map((article) => article.id));
    const facts = corpus.store.facts().filter((fact) => ids.has(fact.articleId));
    return { report, added, facts };
  }

  /** The result card, unless the message was recalled meanwhile (there is nothing left to reply to). */
  private async report(ctx: MessageContext, card: Parameters<MessageContext["reply"]>[0]): Promise<void> {
    if (ctx.isRecalled()) return void ctx.log.info("ingest finished before the recall reached it: kept, no result card");
    await ctx.reply(card, "intake-result");
  }

  /**
   * Tracks the message's ingest (so a recall finds it from now on, even before the notice is out) and sends
   * 「正在导入」. A notice that cannot be sent fails the handler, as before.
   */
  private async begin(ctx: MessageContext, name: string): Promise<IntakeJob> {
    const sending = notice(ctx, fill(ctx.services.texts.intakeStarted, { name }), "intake-started", "blue");
    const job: IntakeJob = { ctx, name, notice: sending.catch(() => undefined), controller: new AbortController(), state: "queued" };
    if (this.stopping) job.controller.abort(new IntakeCancel("shutdown"));
    this.jobs.set(ctx.message.messageId, job);
    // Recalled while it was being checked (before it could be found by the recall): cancelled at once too.
    if (ctx.isRecalled()) this.recalled(ctx.message.messageId);
    try {
      await sending;
    } catch (error) {
      this.jobs.delete(ctx.message.messageId);
      throw error;
    }
    return job;
  }

  /**
   * One ingest at a time, after the ones before; a failure becomes the 「出错」 card, never an unhandled
   * rejection. A recall or a shutdown cancels it through `signal`: then nothing is kept and no card is sent.
   */
  private inBackground(job: IntakeJob, work: (signal: AbortSignal) => Promise<void>): void {
    const { ctx, name } = job;
    const messageId = ctx.message.messageId;
    const { signal } = job.controller;
    this.chain = this.chain.then(async () => {
      try {
        // A recall seen before this job was tracked (or by the state store only) cancels it too.
        if (!signal.aborted && ctx.isRecalled()) job.controller.abort(new IntakeCancel("recalled"));
        if (signal.aborted) return await this.cancelled(job);
        job.state = "running";
        await work(signal);
      } catch (error) {
        // Cancelled: whatever failed after that (the aborted ingest, a download of a recalled message) is the cancel.
        if (signal.aborted) return await this.cancelled(job);
        const code = asBotError(error).code;
        ctx.log.error("intake failed", { name, error: String(error) });
        await notice(ctx, fill(ctx.services.texts.intakeFailed, { name, code }), "intake-result", "red").catch((replyError: unknown) =>
          ctx.log.error("intake failure notice failed", { error: String(replyError) }));
      } finally {
        this.jobs.delete(messageId);
      }
    });
  }

  /** A cancelled ingest: logged; after a recall its 「正在导入」 notice goes too (best effort). */
  private async cancelled(job: IntakeJob): Promise<void> {
    if (job.settled) return;
    job.settled = true;
    const reason = job.controller.signal.reason;
    const cause = reason instanceof IntakeCancel ? reason.why : "cancelled";
    job.ctx.log.info("ingest cancelled; nothing of it was kept, the previous generation stays current", { name: job.name, cause, stage: job.state });
    if (cause !== "recalled") return;
    const started = await job.notice;
    if (!started?.messageId) return;
    try {
      await job.ctx.services.sender.recallMessage(started.messageId);
    } catch (error) {
      job.ctx.log.warn("could not withdraw the intake notice of a recalled message", { error: String(error) });
    }
  }
}

/** Whether `promise` settles within `ms` (a rejection counts: the chain never rejects). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function notice(ctx: MessageContext, text: string, purpose: string, template = "grey"): Promise<SentMessage> {
  return ctx.reply(markdownCard(ctx.services.texts, text, { template }), purpose);
}

/** 50 MB, 1.5 MB, 1 KB: the limit as people read it. */
export function sizeText(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** `{"file_key": "...", "file_name": "..."}` of a file message. */
function readFileContent(content: string): { fileKey: string; fileName: string } | undefined {
  try {
    const body = JSON.parse(content) as { file_key?: unknown; file_name?: unknown };
    if (typeof body.file_key !== "string" || body.file_key === "") return undefined;
    return { fileKey: body.file_key, fileName: typeof body.file_name === "string" ? body.file_name : "" };
  } catch {
    return undefined;
  }
}

/** The sent name without folders or control characters (it becomes a file on our disk). */
function safeFileName(name: string, fallback: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const base = path.basename(name.replace(/\\/g, "/")).replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return base === "" || base === "." || base === ".." ? fallback : base;
}
