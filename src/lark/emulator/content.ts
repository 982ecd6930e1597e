import { isRecord } from './http-util.js';

// Limits from the im/v1 message docs: card and post bodies ≤ 30 KB, text ≤ 150 KB (code 230025).
export const CARD_OR_POST_LIMIT_BYTES = 30 * 1024;
export const TEXT_LIMIT_BYTES = 150 * 1024;

export const KNOWN_MSG_TYPES = new Set([
  'text', 'post', 'image', 'file', 'audio', 'media', 'sticker',
  'interactive', 'share_chat', 'share_user', 'system',
]);

export type CardKind = 'raw-1.0' | 'raw-2.0' | 'template' | 'entity';

export interface ValidContent {
  ok: true;
  body: unknown;
  card?: { kind: CardKind; shared: boolean; cardId?: string };
}

export interface InvalidContent {
  ok: false;
  code: number;
  msg: string;
}

export type ContentCheck = ValidContent | InvalidContent;

const invalid = (code: number, msg: string): InvalidContent => ({ ok: false, code, msg });

/** Validates a `content` JSON string for `msgType` the way the send/reply/patch APIs do. */
export function checkContent(msgType: unknown, content: unknown): ContentCheck {
  if (typeof msgType !== 'string' || !KNOWN_MSG_TYPES.has(msgType)) {
    return invalid(230001, `invalid msg_type: ${String(msgType)}`);
  }
  if (typeof content !== 'string') return invalid(230001, 'content must be a JSON string');
  const limit = msgType === 'text' ? TEXT_LIMIT_BYTES : CARD_OR_POST_LIMIT_BYTES;
  if (Buffer.byteLength(content, 'utf8') > limit) {
    return invalid(230025, `The message content is too long (limit ${limit} bytes)`);
  }
  let body: unknown;
  try {
    body = JSON.parse(content);
  } catch {
    return invalid(230001, 'content is not valid JSON');
  }
  if (!isRecord(body)) return invalid(230001, 'content must be a JSON object');
  return checkBody(msgType, body);
}

function checkBody(msgType: string, body: Record<string, unknown>): ContentCheck {
  switch (msgType) {
    case 'text':
      return typeof body.text === 'string' ? { ok: true, body } : invalid(230001, 'text content needs a "text" string');
    case 'image':
      return typeof body.image_key === 'string' ? { ok: true, body } : invalid(230001, 'image content needs "image_key"');
    case 'file':
    case 'audio':
    case 'media':
    case 'sticker':
      return typeof body.file_key === 'string' ? { ok: true, body } : invalid(230001, `${msgType} content needs "file_key"`);
    case 'post':
      return isPost(body) ? { ok: true, body } : invalid(230001, 'post content needs locale objects with a "content" array');
    case 'interactive':
      return checkCard(body);
    default:
      return { ok: true, body };
  }
}

function isPost(body: Record<string, unknown>): boolean {
  if (Array.isArray(body.content)) return true;
  const locales = Object.values(body);
  return locales.length > 0 && locales.every((locale) => isRecord(locale) && Array.isArray(locale.content));
}

function checkCard(card: Record<string, unknown>): ContentCheck {
  if (card.type === 'card' && isRecord(card.data)) {
    const cardId = card.data.card_id;
    if (typeof cardId !== 'string') return invalid(230099, 'card entity reference needs data.card_id');
    return { ok: true, body: card, card: { kind: 'entity', shared: true, cardId } };
  }
  if (card.type === 'template' && isRecord(card.data)) {
    if (typeof card.data.template_id !== 'string') return invalid(230099, 'template card needs data.template_id');
    return { ok: true, body: card, card: { kind: 'template', shared: true } };
  }
  if (card.schema === '2.0') return checkCard2(card);
  return checkCard1(card);
}

function checkCard2(card: Record<string, unknown>): ContentCheck {
  if (!isRecord(card.body) || !Array.isArray(card.body.elements)) {
    return invalid(230099, 'Failed to create card content: schema 2.0 card needs body.elements');
  }
  if ('elements' in card) {
    return invalid(230099, 'Failed to create card content: schema 2.0 card has no top-level "elements"');
  }
  // JSON 2.0 only supports shared cards (update_multi defaults to true).
  return { ok: true, body: card, card: { kind: 'raw-2.0', shared: true } };
}

function checkCard1(card: Record<string, unknown>): ContentCheck {
  const hasElements = Array.isArray(card.elements) || isRecord(card.i18n_elements);
  if (!hasElements && !isRecord(card.header)) {
    return invalid(230099, 'Failed to create card content: card 1.0 needs "elements" or "header"');
  }
  const shared = isRecord(card.config) && card.config.update_multi === true;
  return { ok: true, body: card, card: { kind: 'raw-1.0', shared } };
}

/** Finds a component by element_id anywhere in a 2.0 card (containers nest elements/columns). */
export function findElement(node: unknown, elementId: string): Record<string, unknown> | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findElement(child, elementId);
      if (found) return found;
    }
    return undefined;
  }
  if (!isRecord(node)) return undefined;
  if (node.element_id === elementId) return node;
  for (const value of Object.values(node)) {
    if (typeof value === 'object' && value !== null) {
      const found = findElement(value, elementId);
      if (found) return found;
    }
  }
  return undefined;
}
