import { CARD_OR_POST_LIMIT_BYTES, findElement } from './content.js';
import type { EmulatorContext } from './context.js';
import type { ApiRequest, ApiResponse } from './http-util.js';
import { fail, isRecord, numberField, ok, stringField } from './http-util.js';
import { newCardId } from './ids.js';
import type { StoredCard } from './types.js';

// CardKit business codes are not all documented in our notes; these are the
// emulator's choices (tests should assert on them through these names).
export const CARDKIT_CODES = {
  invalidCard: 300301,
  cardNotFound: 300302,
  elementNotFound: 300303,
  sequenceNotIncreasing: 300317,
  streamingClosed: 300309,
  rateLimited: 300340,
} as const;

type ParsedCard = { card: Record<string, unknown> } | { error: ApiResponse };

function parseCard2(data: unknown): ParsedCard {
  const error = (response: ApiResponse): ParsedCard => ({ error: response });
  if (typeof data !== 'string') return error(fail(CARDKIT_CODES.invalidCard, 'card data must be a JSON string'));
  if (Buffer.byteLength(data, 'utf8') > CARD_OR_POST_LIMIT_BYTES) return error(fail(230025, 'card content is too long (30 KB)'));
  let card: unknown;
  try {
    card = JSON.parse(data);
  } catch {
    return error(fail(CARDKIT_CODES.invalidCard, 'card data is not valid JSON'));
  }
  if (!isRecord(card) || card.schema !== '2.0' || !isRecord(card.body) || !Array.isArray(card.body.elements)) {
    return error(fail(CARDKIT_CODES.invalidCard, 'card entities need JSON 2.0 (schema "2.0" with body.elements)'));
  }
  if (isRecord(card.config) && card.config.update_multi === false) {
    return error(fail(CARDKIT_CODES.invalidCard, 'card entities cannot set update_multi=false'));
  }
  return { card };
}

export function createCard(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  if (stringField(req.json, 'type') !== 'card_json') return fail(CARDKIT_CODES.invalidCard, 'only type "card_json" is emulated');
  const parsed = parseCard2(isRecord(req.json) ? req.json.data : undefined);
  if ('error' in parsed) return parsed.error;
  const stored: StoredCard = {
    card_id: newCardId(),
    card: parsed.card,
    last_sequence: 0,
    create_time: ctx.clock(),
    contentUpdates: [],
    settingsUpdates: [],
    seenUuids: new Set(),
  };
  ctx.store.cards.set(stored.card_id, stored);
  return ok({ card_id: stored.card_id });
}

type Mutation = (card: StoredCard, body: Record<string, unknown>, sequence: number) => ApiResponse | undefined;

/** Common gate of every CardKit mutation: card exists, rate, uuid replay, increasing sequence. */
function mutateCard(ctx: EmulatorContext, req: ApiRequest, apply: Mutation): ApiResponse {
  const card = ctx.store.cards.get(req.params[0] ?? '');
  if (!card) return fail(CARDKIT_CODES.cardNotFound, 'card_id does not exist');
  const body = isRecord(req.json) ? req.json : {};
  const uuid = stringField(body, 'uuid');
  if (uuid && card.seenUuids.has(uuid)) return ok({});
  if (!ctx.cardRate.allow(card.card_id)) return fail(CARDKIT_CODES.rateLimited, 'card entity operations limited to 10/s');
  const sequence = numberField(body, 'sequence');
  if (sequence === undefined || !Number.isInteger(sequence)) return fail(99992402, 'field validation failed: sequence');
  if (sequence <= card.last_sequence) {
    return fail(CARDKIT_CODES.sequenceNotIncreasing, `sequence ${sequence} must be greater than ${card.last_sequence}`);
  }
  const failure = apply(card, body, sequence);
  if (failure) return failure;
  card.last_sequence = sequence;
  if (uuid) card.seenUuids.add(uuid);
  ctx.store.notify();
  return ok({});
}

/** PUT /cards/:card_id/elements/:element_id/content — typewriter text streaming. */
export function streamElementContent(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  const elementId = req.params[1] ?? '';
  return mutateCard(ctx, req, (card, body, sequence) => {
    if (!isStreaming(card.card)) return fail(CARDKIT_CODES.streamingClosed, 'card is not in streaming_mode');
    const element = findElement(card.card.body, elementId);
    if (!element) return fail(CARDKIT_CODES.elementNotFound, `element ${elementId} not found`);
    if (element.tag !== 'markdown' && element.tag !== 'plain_text') {
      return fail(CARDKIT_CODES.elementNotFound, `element ${elementId} is not markdown/plain_text`);
    }
    const content = stringField(body, 'content');
    if (content === undefined) return fail(99992402, 'field validation failed: content');
    element.content = content;
    card.contentUpdates.push({ at: ctx.clock(), element_id: elementId, content, sequence });
    return undefined;
  });
}

function isStreaming(card: Record<string, unknown>): boolean {
  return isRecord(card.config) && card.config.streaming_mode === true;
}

/** PATCH /cards/:card_id/settings — merges config (e.g. streaming_mode off) and card_link. */
export function updateCardSettings(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  return mutateCard(ctx, req, (card, body) => {
    const raw = stringField(body, 'settings');
    let settings: unknown;
    try {
      settings = raw === undefined ? undefined : JSON.parse(raw);
    } catch {
      settings = undefined;
    }
    if (!isRecord(settings)) return fail(CARDKIT_CODES.invalidCard, 'settings must be a JSON object string');
    if (isRecord(settings.config)) {
      card.card.config = { ...(isRecord(card.card.config) ? card.card.config : {}), ...settings.config };
    }
    if (isRecord(settings.card_link)) card.card.card_link = settings.card_link;
    card.settingsUpdates.push(settings);
    return undefined;
  });
}

/** PUT /cards/:card_id — full replacement. */
export function replaceCard(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  return mutateCard(ctx, req, (card, body) => {
    const wrapper = body.card;
    if (!isRecord(wrapper) || wrapper.type !== 'card_json') return fail(CARDKIT_CODES.invalidCard, 'card.type must be "card_json"');
    const parsed = parseCard2(wrapper.data);
    if ('error' in parsed) return parsed.error;
    card.card = parsed.card;
    return undefined;
  });
}
