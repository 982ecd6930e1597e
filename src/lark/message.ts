/**
 * Reading an im.message.receive_v1 event: ids, sender, mentions, and the plain question text of
 * text and post messages (mention placeholders resolved, the bot's own @ removed).
 */
export interface Mention {
  key: string;
  openId: string;
  name: string;
}

export interface InboundMessage {
  messageId: string;
  chatId: string;
  chatType: "p2p" | "group";
  threadId?: string;
  rootId?: string;
  messageType: string;
  /** The `content` JSON string as Feishu sent it. */
  content: string;
  createTime?: number;
  senderId: string;
  senderType: string;
  mentions: Mention[];
}

const str = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);
const rec = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {});

/** Undefined when the event carries no usable message (then it is dropped as malformed). */
export function readInboundMessage(data: Record<string, unknown>): InboundMessage | undefined {
  const message = rec(data.message);
  const sender = rec(data.sender);
  const messageId = str(message.message_id);
  const chatId = str(message.chat_id);
  if (!messageId || !chatId) return undefined;
  const mentions = Array.isArray(message.mentions) ? message.mentions.map(rec) : [];
  const created = Number(message.create_time);
  return {
    messageId,
    chatId,
    chatType: message.chat_type === "group" ? "group" : "p2p",
    threadId: str(message.thread_id),
    rootId: str(message.root_id),
    messageType: str(message.message_type) ?? "unknown",
    content: str(message.content) ?? "{}",
    createTime: Number.isFinite(created) && created > 0 ? created : undefined,
    senderId: str(rec(sender.sender_id).open_id) ?? "",
    senderType: str(sender.sender_type) ?? "user",
    mentions: mentions.map((m) => ({ key: str(m.key) ?? "", openId: str(rec(m.id).open_id) ?? "", name: str(m.name) ?? "" })),
  };
}

export function mentionsBot(message: InboundMessage, botOpenId: string | undefined): boolean {
  // Without the bot's open_id (bot info unavailable) any mention of a person counts: Feishu only
  // delivers group messages that @ the bot unless the app holds the group-message scope.
  return message.mentions.some((m) => m.key !== AT_ALL && (botOpenId ? m.openId === botOpenId : true));
}

const AT_ALL = "@_all";

/** 「@所有人」: the placeholder in the text, or the mention entry Feishu lists for it. */
export function mentionsAll(message: InboundMessage): boolean {
  if (message.mentions.some((m) => m.key === AT_ALL)) return true;
  if (message.messageType === "text") return message.content.includes(AT_ALL);
  return message.messageType === "post" && /"user_id"\s*:\s*"(?:@_all|all)"/.test(message.content);
}

export const SUPPORTED_TYPES = new Set(["text", "post"]);

/** The question text, or undefined for message types the bot does not read. */
export function messageText(message: InboundMessage, botOpenId: string | undefined): string | undefined {
  if (!SUPPORTED_TYPES.has(message.messageType)) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(message.content);
  } catch {
    return "";
  }
  const isBot = (key: string): boolean => key !== AT_ALL && message.mentions.some((m) => m.key === key && (botOpenId ? m.openId === botOpenId : true));
  const nameOf = (key: string): string => message.mentions.find((m) => m.key === key)?.name ?? "";
  const raw = message.messageType === "text" ? String(rec(body).text ?? "") : postText(body, isBot, nameOf);
  const resolved = raw.replace(/@_user_\d+|@_all/g, (key) => (key === "@_all" ? "" : isBot(key) ? "" : `@${nameOf(key)}`));
  return normalizeSpace(resolved);
}

function postText(body: unknown, isBot: (key: string) => boolean, nameOf: (key: string) => string): string {
  // A post arrives as {title, content} or wrapped in a locale ({zh_cn: {title, content}}).
  let post = rec(body);
  if (!Array.isArray(post.content)) post = rec(Object.values(post).find((v) => Array.isArray(rec(v).content)));
  const paragraphs = Array.isArray(post.content) ? post.content : [];
  const lines = paragraphs.map((paragraph) =>
    (Array.isArray(paragraph) ? paragraph : []).map((element) => {
      const el = rec(element);
      switch (el.tag) {
        case "text":
        case "a":
        case "md":
          return String(el.text ?? "");
        case "at": {
          const key = String(el.user_id ?? "");
          if (key === "@_all" || key === "all" || isBot(key)) return "";
          return `@${String(el.user_name ?? nameOf(key))}`;
        }
        default:
          return "";
      }
    }).join(""));
  const title = typeof post.title === "string" && post.title.trim() ? [post.title] : [];
  return [...title, ...lines].join("\n");
}

function normalizeSpace(text: string): string {
  return text.replace(/\u00a0/g, " ").split("\n").map((line) => line.replace(/[ \t]+/g, " ").trim()).filter(Boolean).join("\n");
}

/** `/facts 青岛开发区 2022` → { name: "facts", args: ["青岛开发区", "2022"] }; full-width ／ accepted. */
export interface ParsedCommand {
  name: string;
  args: string[];
  argText: string;
}

export function parseCommand(text: string): ParsedCommand | undefined {
  const match = /^[/／]([A-Za-z][\w-]*)(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return undefined;
  const argText = (match[2] ?? "").trim();
  return { name: match[1]!.toLowerCase(), args: argText ? argText.split(/\s+/) : [], argText };
}
