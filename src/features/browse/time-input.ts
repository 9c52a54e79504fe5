/**
 * What the Timestamp field accepts: epoch milliseconds, an ISO 8601 instant with a zone, or a wall-clock time
 * without one ("2026-11-26 17:05", "2026-11-26") read in the time-zone setting — the same zone the list shows.
 */
import { toEpochMillis } from '../../lib/time/format-timestamp.ts'
import type { TimeZoneSetting } from '../../stores/preferences-store.ts'

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?)?$/

/** Epoch milliseconds, null for an empty field, NaN for text that is no time. */
export function parseTimeInput(text: string, timeZone: TimeZoneSetting): number | null {
  const s = text.trim()
  if (s === '') return null
  const m = WALL.exec(s)
  if (!m) return toEpochMillis(s)
  const [y, mo, d, h = '0', mi = '0', sec = '0', frac = '0'] = m.slice(1)
  const parts = [
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(sec),
    Number(frac.padEnd(3, '0')),
  ] as const
  if (parts[1] > 11 || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return Number.NaN
  const date = timeZone === 'UTC' ? new Date(Date.UTC(...parts)) : new Date(...parts)
  const day = timeZone === 'UTC' ? date.getUTCDate() : date.getDate()
  return day === parts[2] ? date.getTime() : Number.NaN // 31 Feb rolls over: reject
}
