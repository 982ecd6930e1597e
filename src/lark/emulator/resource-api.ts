import type { EmulatorContext } from './context.js';
import type { ApiRequest, ApiResponse } from './http-util.js';
import { fail } from './http-util.js';

/**
 * GET /open-apis/im/v1/messages/:message_id/resources/:file_key?type=file|image: the bytes of a file a
 * user sent. As on Feishu, the key must belong to that message (its content names it) and `type` is required.
 */
export function getMessageResource(ctx: EmulatorContext, req: ApiRequest): ApiResponse {
  const [messageId = '', fileKey = ''] = req.params;
  const type = req.query.get('type');
  if (type !== 'file' && type !== 'image') return fail(234001, 'Invalid request param: type must be file or image');
  const message = ctx.store.byId.get(messageId);
  if (!message) return fail(234003, `message ${messageId} not found`);
  if (!message.content.includes(`"${fileKey}"`)) return fail(234004, `file_key ${fileKey} does not belong to message ${messageId}`);
  const bytes = ctx.store.files.get(fileKey);
  if (!bytes) return fail(234003, `file ${fileKey} not found`);
  return { status: 200, body: undefined, raw: bytes, headers: { 'content-disposition': `attachment; filename="${encodeURIComponent(fileKey)}"` } };
}
