import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { IngestReport } from "../../corpus/index.js";
import { isLink, isSupportedArticleFile, sha256Hex } from "../../ingest/index.js";
import { escapeMarkdown, markdownCard } from "../cards/index.js";
import type { BotCommand } from "../commands/registry.js";
import type { MessageContext } from "../context.js";
import { asBotError } from "../errors.js";
import { fill, type BotTexts } from "../texts.js";
import { downloadMessageFile, FileTooLargeError } from "./download.js";
import type { LiveEngine } from "./live-engine.js";
import { mayIngest } from "./permission.js";
import { intakeResultCard, type IntakeOutcome } from "./report-card.js";

export interface IntakeOptions {
  /** ZONEBOT_ADMINS: open_ids allowed to add anywhere (group owners and admins may add in their group). */
  admins: readonly string[];
  /** Largest file accepted from a message (bytes). */
  maxBytes: number;
  /** Where sent files are kept (one folder per message, so the file keeps its own name in citations). */
  uploadsDir: string;
  /** Files and links into a new generation (the CLI's ingestInputs); atomic: a failure leaves the previous one current. */
  ingest(inputs: string[]): Promise<IngestReport>;
  /** Opens the current generation and swaps it into `engine`. */
  reload(): Promise<void>;
  engine: LiveEngine;
}

/**
 * Feishu intake: an admin's file message or `/add <link>` is checked at once (who, what type), answered
 * with 「正在导入」, then ingested in the background, one ingest at a time, outside the chat queue — so
 * questions meanwhile are answered from the previous generation — and the result card follows.
 */
export class Intake {
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly options: IntakeOptions) {}

  /** Resolves when every ingest started so far has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.chain;
  }

  /** The handler of file messages (runs in the chat's queue, after the ack). */
  readonly onFile = async (ctx: MessageContext): Promise<void> => {
    const { texts } = ctx.services;
    const file = readFileContent(ctx.message.content);
    if (!(await this.permitted(ctx))) return;
    if (!file) return void (await notice(ctx, texts.intakeNoFile, "intake-nofile"));
    const name = safeFileName(file.fileName, ctx.message.messageId);
    if (!isSupportedArticleFile(name)) return void (await notice(ctx, fill(texts.intakeUnsupported, { name }), "intake-unsupported"));
    await notice(ctx, fill(texts.intakeStarted, { name }), "intake-started", "blue");
    this.inBackground(ctx, name, async () => {
      const dir = path.join(this.options.uploadsDir, ctx.message.messageId);
      let bytes: Uint8Array;
      try {
        bytes = await downloadMessageFile(ctx.services.sender, ctx.message.messageId, file.fileKey, this.options.maxBytes);
      } catch (error) {
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
      await mkdir(dir, { recursive: true });
      const saved = path.join(dir, name);
      await writeFile(saved, bytes);
      const outcome = await this.ingest([saved]).catch(async (error: unknown) => {
        await rm(dir, { recursive: true, force: true });
        throw error;
      });
      // A file that was not ingested is not kept: the next upgrade would try it again.
      if (outcome.report.errors.length > 0 || outcome.added.length === 0) await rm(dir, { recursive: true, force: true });
      await ctx.reply(intakeResultCard(texts, outcome), "intake-result");
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
        await notice(ctx, fill(ctx.services.texts.intakeStarted, { name }), "intake-started", "blue");
        this.inBackground(ctx, name, async () => {
          await ctx.reply(intakeResultCard(ctx.services.texts, await this.ingest(links)), "intake-result");
        });
      },
    };
  }

  private async permitted(ctx: MessageContext): Promise<boolean> {
    const allowed = await mayIngest(ctx, this.options.admins);
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
  private async ingest(inputs: string[]): Promise<IntakeOutcome> {
    const before = this.options.engine.corpus.generation;
    const report = await this.options.ingest(inputs);
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

  /** One ingest at a time, after the ones before; a failure becomes the 「出错」 card, never an unhandled rejection. */
  private inBackground(ctx: MessageContext, name: string, work: () => Promise<void>): void {
    this.chain = this.chain.then(async () => {
      try {
        await work();
      } catch (error) {
        const code = asBotError(error).code;
        ctx.log.error("intake failed", { name, error: String(error) });
        await notice(ctx, fill(ctx.services.texts.intakeFailed, { name, code }), "intake-result", "red").catch((replyError: unknown) =>
          ctx.log.error("intake failure notice failed", { error: String(replyError) }));
      }
    });
  }
}

async function notice(ctx: MessageContext, text: string, purpose: string, template = "grey"): Promise<void> {
  await ctx.reply(markdownCard(ctx.services.texts, text, { template }), purpose);
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
