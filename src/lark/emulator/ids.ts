import { randomBytes } from 'node:crypto';

// Prefixes mimic Feishu's (om_ message, oc_ chat, omt_ thread, ou_ user) so code that
// sniffs id kinds behaves the same against the emulator.
export function randomId(prefix: string, bytes = 12): string {
  return `${prefix}${randomBytes(bytes).toString('hex')}`;
}

export const newMessageId = (): string => randomId('om_');
export const newThreadId = (): string => randomId('omt_');
export const newEventId = (): string => randomId('', 16);
export const newToken = (): string => randomId('t-emu_', 16);
export const newImageKey = (): string => randomId('img_v3_emu_');
export const newCardId = (): string => randomId('7', 9);
export const newFileKey = (): string => randomId('file_v3_emu_');
