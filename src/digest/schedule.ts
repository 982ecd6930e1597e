import { Cron } from "croner";

/** When a chat's digest goes out: a weekday and a local time in a time zone. */
export interface DigestSchedule {
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: number;
  hour: number;
  minute: number;
  timezone: string;
}

export const DEFAULT_TIMEZONE = "Asia/Shanghai";
/** Monday 09:07: Feishu advises against sending on the hour or half hour (everyone else does). */
export const DEFAULT_SCHEDULE: DigestSchedule = { weekday: 1, hour: 9, minute: 7, timezone: DEFAULT_TIMEZONE };

const WEEKDAY_WORDS: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, 七: 7, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7,
};
const ENGLISH_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** 「周一」「星期三」「礼拜天」「mon」 → 1..7; undefined when the token is not a weekday; NaN when it looks like one but is not. */
export function parseWeekday(token: string): number | undefined {
  const cn = /^(?:周|星期|礼拜)(.)$/u.exec(token);
  if (cn) return WEEKDAY_WORDS[cn[1]!] ?? Number.NaN;
  const en = ENGLISH_WEEKDAYS.indexOf(token.toLowerCase().slice(0, 3));
  if (en >= 0 && /^[a-z]+$/i.test(token) && token.length <= 9 && ENGLISH_WEEKDAYS.some((d) => token.toLowerCase().startsWith(d))) return en + 1;
  return undefined;
}

/** 「09:07」「9：07」 → {hour, minute}; undefined when the token is not a time; null when it is a bad one. */
export function parseTime(token: string): { hour: number; minute: number } | null | undefined {
  const match = /^(\d{1,2})[:：](\d{2})$/.exec(token);
  if (!match) return /^\d{1,2}[:：.]\d*$/.test(token) ? null : undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

/** The croner pattern of a schedule (croner counts Sunday as 0). */
export function cronPattern(schedule: DigestSchedule): string {
  return `${schedule.minute} ${schedule.hour} * * ${schedule.weekday % 7}`;
}

/** The most recent scheduled instant at or before `now` (epoch ms). */
export function lastOccurrence(schedule: DigestSchedule, now: number): number {
  const cron = new Cron(cronPattern(schedule), { timezone: schedule.timezone, paused: true });
  const runs = cron.nextRuns(3, new Date(now - 8 * 24 * 3600_000)).map((d) => d.getTime()).filter((t) => t <= now);
  cron.stop();
  return runs[runs.length - 1] ?? now;
}

/** The next scheduled instant strictly after `now`. */
export function nextOccurrence(schedule: DigestSchedule, now: number): number {
  const cron = new Cron(cronPattern(schedule), { timezone: schedule.timezone, paused: true });
  const next = cron.nextRun(new Date(now))?.getTime() ?? now + 7 * 24 * 3600_000;
  cron.stop();
  return next;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function localParts(ms: number, timezone: string = DEFAULT_TIMEZONE): LocalParts {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", weekday: "short",
    });
    formatters.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour) % 24, minute: Number(parts.minute),
    weekday: ENGLISH_WEEKDAYS.indexOf(String(parts.weekday).toLowerCase().slice(0, 3)) + 1,
  };
}

/**
 * The period a scheduled instant belongs to: its ISO week in the schedule's time zone (`2026-W48`).
 * One digest per chat per period, whatever the weekday or time the chat later moves to.
 */
export function periodKey(ms: number, timezone: string = DEFAULT_TIMEZONE): string {
  const { year, month, day } = localParts(ms, timezone);
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const isoYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${isoYear}-W${String(week).padStart(2, "0")}`;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** `2026-11-23 09:07` in the time zone. */
export function formatLocal(ms: number, timezone: string = DEFAULT_TIMEZONE): string {
  const p = localParts(ms, timezone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

export function formatLocalDate(ms: number, timezone: string = DEFAULT_TIMEZONE): string {
  return formatLocal(ms, timezone).slice(0, 10);
}

export function formatTime(schedule: Pick<DigestSchedule, "hour" | "minute">): string {
  return `${pad(schedule.hour)}:${pad(schedule.minute)}`;
}
