import type { EmulatorContext } from './context.js';
import type { ApiRequest, ApiResponse } from './http-util.js';
import { fail, ok, stringField } from './http-util.js';
import { newImageKey } from './ids.js';
import { boundaryOf, parseMultipart } from './multipart.js';

export function issueTenantToken(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  const appId = stringField(req.json, 'app_id');
  const appSecret = stringField(req.json, 'app_secret');
  if (appId !== ctx.appId) return fail(10003, 'invalid param: app_id not found');
  if (appSecret !== ctx.appSecret) return fail(10014, 'app secret invalid');
  const { token, expireSeconds } = ctx.tokens.issue();
  return { status: 200, body: { code: 0, msg: 'ok', tenant_access_token: token, expire: expireSeconds } };
}

export function botInfo(ctx: EmulatorContext): ApiResponse {
  return {
    status: 200,
    body: {
      code: 0,
      msg: 'ok',
      bot: { activate_status: 2, app_name: ctx.botName, avatar_url: '', ip_white_list: [], open_id: ctx.botOpenId },
    },
  };
}

export function getChat(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  const chat = ctx.store.chats.get(req.params[0] ?? '');
  if (!chat) return fail(232011, 'The chat does not exist or the bot is not in the chat');
  return ok({
    avatar: '',
    name: chat.name,
    description: '',
    owner_id_type: 'open_id',
    owner_id: chat.owner_id,
    user_manager_id_list: chat.user_manager_id_list,
    bot_manager_id_list: [],
    chat_mode: chat.chat_mode,
    chat_type: 'private',
    external: chat.external,
    tenant_key: ctx.tenantKey,
    user_count: String(chat.member_open_ids.length),
    bot_count: '1',
    chat_status: 'normal',
  });
}

/** GET /im/v1/chats/:chat_id/members — page_token is the next offset. */
export function listChatMembers(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  const chat = ctx.store.chats.get(req.params[0] ?? '');
  if (!chat) return fail(232011, 'The chat does not exist or the bot is not in the chat');
  const pageSize = Math.min(Number(req.query.get('page_size') ?? 20) || 20, 100);
  const offset = Number(req.query.get('page_token') ?? 0) || 0;
  const page = chat.member_open_ids.slice(offset, offset + pageSize);
  const next = offset + page.length;
  const hasMore = next < chat.member_open_ids.length;
  return ok({
    items: page.map((openId) => ({ member_id_type: 'open_id', member_id: openId, name: openId, tenant_key: ctx.tenantKey })),
    page_token: hasMore ? String(next) : '',
    has_more: hasMore,
    member_total: chat.member_open_ids.length,
  });
}

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export function uploadImage(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  const boundary = boundaryOf(req.headers['content-type']);
  if (!boundary) return fail(234001, 'Invalid request param: multipart/form-data expected');
  const parts = parseMultipart(req.rawBody, boundary);
  const image = parts.find((part) => part.name === 'image');
  const imageType = parts.find((part) => part.name === 'image_type')?.data.toString('utf8');
  if (imageType !== 'message' && imageType !== 'avatar') return fail(234001, 'Invalid request param: image_type');
  if (!image || image.data.length === 0) return fail(234010, 'image is empty');
  if (image.data.length > MAX_IMAGE_BYTES) return fail(234006, 'image exceeds 10 MB');
  const imageKey = newImageKey();
  ctx.store.images.set(imageKey, { image_key: imageKey, image_type: imageType, bytes: Buffer.from(image.data), create_time: ctx.clock() });
  return ok({ image_key: imageKey });
}

/** What the API log shows for a multipart body (no image bytes). */
export function summarizeMultipart(req: ApiRequest): unknown {
  const boundary = boundaryOf(req.headers['content-type']);
  if (!boundary) return undefined;
  return parseMultipart(req.rawBody, boundary).map((part) => ({
    name: part.name,
    filename: part.filename,
    bytes: part.data.length,
    value: part.filename === undefined ? part.data.toString('utf8').slice(0, 200) : undefined,
  }));
}
