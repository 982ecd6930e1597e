import type { IncomingMessage, ServerResponse } from 'node:http';
import { getMessageResource } from './resource-api.js';
import { createCard, replaceCard, streamElementContent, updateCardSettings } from './cardkit-api.js';
import type { EmulatorContext } from './context.js';
import type { FaultInjector, TriggeredFault } from './faults.js';
import { invalidTokenResponse } from './faults.js';
import type { ApiRequest, ApiResponse } from './http-util.js';
import { bearerToken, fail, isRecord, parseJsonBody, readBody, sendJson, sleep } from './http-util.js';
import { createMessage, getMessage, patchMessage, replyMessage, updateMessage } from './im-api.js';
import { addReaction, deleteReaction, listReactions, recallMessage } from './reaction-api.js';
import { botInfo, getChat, issueTenantToken, listChatMembers, summarizeMultipart, uploadImage } from './misc-api.js';
import type { ApiCall } from './types.js';

export type RouteHandler = (ctx: EmulatorContext, req: ApiRequest) => ApiResponse | Promise<ApiResponse>;

interface Route {
  method: string;
  pattern: RegExp;
  /** Needs a valid tenant_access_token. */
  auth: boolean;
  handle: RouteHandler;
}

const SEG = '([^/]+)';
const route = (method: string, path: string, handle: RouteHandler, auth = true): Route => ({
  method,
  pattern: new RegExp(`^${path.replaceAll(':id', SEG)}$`),
  auth,
  handle,
});

export const TOKEN_PATH = '/open-apis/auth/v3/tenant_access_token/internal';

const ROUTES: Route[] = [
  route('POST', TOKEN_PATH, issueTenantToken, false),
  route('POST', '/open-apis/im/v1/messages', createMessage),
  route('POST', '/open-apis/im/v1/messages/:id/reply', replyMessage),
  route('PATCH', '/open-apis/im/v1/messages/:id', patchMessage),
  route('PUT', '/open-apis/im/v1/messages/:id', updateMessage),
  route('GET', '/open-apis/im/v1/messages/:id', getMessage),
  route('DELETE', '/open-apis/im/v1/messages/:id', recallMessage),
  route('POST', '/open-apis/im/v1/messages/:id/reactions', addReaction),
  route('GET', '/open-apis/im/v1/messages/:id/reactions', listReactions),
  route('DELETE', '/open-apis/im/v1/messages/:id/reactions/:id', deleteReaction),
  route('POST', '/open-apis/im/v1/images', uploadImage),
  route('GET', '/open-apis/im/v1/messages/:id/resources/:id', getMessageResource),
  route('POST', '/open-apis/cardkit/v1/cards', createCard),
  route('PUT', '/open-apis/cardkit/v1/cards/:id/elements/:id/content', streamElementContent),
  route('PATCH', '/open-apis/cardkit/v1/cards/:id/settings', updateCardSettings),
  route('PUT', '/open-apis/cardkit/v1/cards/:id', replaceCard),
  route('GET', '/open-apis/bot/v3/info', (ctx) => botInfo(ctx)),
  route('GET', '/open-apis/im/v1/chats/:id', getChat),
  route('GET', '/open-apis/im/v1/chats/:id/members', listChatMembers),
];

export interface ApiServerDeps {
  ctx: EmulatorContext;
  faults: FaultInjector;
  calls: ApiCall[];
  /** Extra unauthenticated routes (the WS endpoint lives in another module). */
  extraRoutes: Route[];
}

export function extraRoute(method: string, path: string, handle: RouteHandler): Route {
  return route(method, path, handle, false);
}

function findRoute(routes: Route[], method: string, path: string): { route: Route; params: string[] } | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (match) return { route: candidate, params: match.slice(1).map(decodeURIComponent) };
  }
  return undefined;
}

async function buildRequest(req: IncomingMessage): Promise<Omit<ApiRequest, 'params'>> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const rawBody = await readBody(req);
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    rawBody,
    json: parseJsonBody(req, rawBody),
  };
}

function checkAuth(deps: ApiServerDeps, token: string | undefined): ApiResponse | undefined {
  if (!token) return fail(99991661, 'Missing access token for authorization. Please make a request with token attached.');
  return deps.ctx.tokens.isValid(token) ? undefined : invalidTokenResponse();
}

async function answer(deps: ApiServerDeps, request: ApiRequest, found: Route | undefined, fault: TriggeredFault | undefined): Promise<ApiResponse> {
  if (fault?.delayMs) await sleep(fault.delayMs);
  if (fault?.response) return fault.response;
  if (!found) return fail(404, '404 page not found', 404);
  const authFailure = found.auth ? checkAuth(deps, bearerToken(request.headers)) : undefined;
  return authFailure ?? (await found.handle(deps.ctx, request));
}

function logCall(deps: ApiServerDeps, request: ApiRequest, response: ApiResponse, fault: TriggeredFault | undefined): void {
  const isMultipart = (request.headers['content-type'] ?? '').includes('multipart/');
  deps.calls.push({
    at: deps.ctx.clock(),
    method: request.method,
    path: request.path,
    query: Object.fromEntries(request.query),
    body: isMultipart ? summarizeMultipart(request) : request.json,
    token: bearerToken(request.headers),
    status: response.status,
    code: isRecord(response.body) && typeof response.body.code === 'number' ? response.body.code : undefined,
    fault: fault?.kind,
  });
}

/** Node request listener for every HTTP route of the emulator (not the WS upgrade). */
export function createApiListener(deps: ApiServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const routes = [...ROUTES, ...deps.extraRoutes];
  return (req, res) => {
    void (async () => {
      const base = await buildRequest(req);
      const match = findRoute(routes, base.method, base.path);
      const request: ApiRequest = { ...base, params: match?.params ?? [] };
      const isApi = base.path.startsWith('/open-apis/');
      const fault = isApi ? deps.faults.take(base.method, base.path, match?.route.auth === false) : undefined;
      const response = await answer(deps, request, match?.route, fault);
      logCall(deps, request, response, fault);
      sendJson(res, response);
    })().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, fail(1, `emulator error: ${String(error)}`, 500));
    });
  };
}
