/**
 * Kafka record timestamps for display. Deterministic for a given zone: 'UTC', 'local' (the browser's zone)
 * or any IANA name (used by tests and a possible zone setting).
 */

export type TimeZoneChoice = 'local' | 'UTC' | (string & {})

export interface FormattedTimestamp {
  /** Compact display, e.g. `2026-11-26 17:05:03.123 UTC` or `2026-11-26 18:05:03.123 +01:00`. */
  text: string
  /** Full absolute description for a tooltip: weekday, zone, ISO UTC and epoch milliseconds. */
  title: string
  /** Epoch milliseconds, or null for no/invalid timestamp. */
  epochMs: number | null
}

/** Kafka uses -1 for "no timestamp" (e.g. records from very old producers). */
export const NO_TIMESTAMP = -1

// ECMAScript Date range: ±8.64e15 ms around the epoch.
const MAX_EPOCH_MS = 8.64e15

const ISO_PATTERN =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)$/

/**
 * Epoch milliseconds from a number, a digit string (as some REST APIs send longs) or an ISO-8601 string
 * with an explicit zone (`Z` or `±hh:mm`; zone-less strings are rejected rather than guessed).
 * Sub-millisecond digits are truncated. Returns null for null/undefined/-1, NaN for anything unusable.
 */
export function toEpochMillis(ts: number | string | null | undefined): number | null {
  if (ts === null || ts === undefined) return null
  if (typeof ts === 'number') {
    if (ts === NO_TIMESTAMP) return null
    return Number.isFinite(ts) && Math.abs(ts) <= MAX_EPOCH_MS ? Math.trunc(ts) : NaN
  }
  const s = ts.trim()
  if (/^-?\d+$/.test(s)) return toEpochMillis(Number(s))
  const m = ISO_PATTERN.exec(s)
  if (!m) return NaN
  const [, y, mo, d, h, mi, sec = '0', frac = '', zone] = m
  const month = Number(mo)
  const day = Number(d)
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59)
    return NaN
  const utc = utcMillis(
    Number(y),
    month,
    day,
    Number(h),
    Number(mi),
    Number(sec),
    Number(frac.slice(0, 3).padEnd(3, '0')),
  )
  // Date.UTC rolls 31 Feb into March; reject instead.
  if (new Date(utc).getUTCDate() !== day) return NaN
  let offsetMinutes = 0
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'))
  }
  const ms = utc - offsetMinutes * 60_000
  return Math.abs(ms) <= MAX_EPOCH_MS ? ms : NaN
}

export function formatTimestamp(
  ts: number | string | null | undefined,
  { timeZone }: { timeZone: TimeZoneChoice },
): FormattedTimestamp {
  const ms = toEpochMillis(ts)
  if (ms === null) return { text: '—', title: 'No timestamp', epochMs: null }
  if (Number.isNaN(ms)) {
    const raw = String(ts)
    return { text: raw, title: `Unrecognised timestamp: ${raw}`, epochMs: null }
  }
  const zone = resolveZone(timeZone)
  const parts = wallClock(ms, zone.id)
  const local = `${datePart(parts)} ${timePart(parts)}`
  const suffix = zone.id === 'UTC' ? 'UTC' : offsetLabel(parts.offsetMinutes)
  const long = longDate(parts)
  const zoneNote = zone.note ? ` — ${zone.note}` : ''
  return {
    text: `${local} ${suffix}`,
    title:
      `${long}, ${timePart(parts)} (${zone.name}, UTC${offsetLabel(parts.offsetMinutes)})${zoneNote}\n` +
      `${formatTimestampIso(ms, 'UTC')} · ${ms} ms since epoch`,
    epochMs: ms,
  }
}

/** ISO 8601 with the zone's offset (`Z` for UTC), e.g. `2026-11-26T18:05:03.123+01:00`; for CSV and copying. */
export function formatTimestampIso(ms: number, timeZone: TimeZoneChoice): string {
  const zone = resolveZone(timeZone)
  const parts = wallClock(ms, zone.id)
  const offset = zone.id === 'UTC' ? 'Z' : offsetLabel(parts.offsetMinutes)
  return `${datePart(parts)}T${timePart(parts)}${offset}`
}

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
  offsetMinutes: number
}

interface Zone {
  /** 'UTC', 'local' or a validated IANA name. */
  id: string
  /** For the title. */
  name: string
  note?: string
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    })
    formatters.set(zone, f)
  }
  return f
}

function resolveZone(choice: TimeZoneChoice): Zone {
  if (choice === 'UTC') return { id: 'UTC', name: 'UTC' }
  if (choice === 'local') {
    return {
      id: 'local',
      name: `local time, ${Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'unknown zone'}`,
    }
  }
  try {
    formatterFor(choice)
    return { id: choice, name: choice }
  } catch {
    return { id: 'UTC', name: 'UTC', note: `unknown time zone "${choice}", showing UTC` }
  }
}

function wallClock(ms: number, zone: string): WallClock {
  const date = new Date(ms)
  const millisecond = ((ms % 1000) + 1000) % 1000
  if (zone === 'UTC') {
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
      millisecond,
      offsetMinutes: 0,
    }
  }
  if (zone === 'local') {
    return {
      year: date.getFullYear(),
      month: date.getMonth() + 1,
      day: date.getDate(),
      hour: date.getHours(),
      minute: date.getMinutes(),
      second: date.getSeconds(),
      millisecond,
      offsetMinutes: -date.getTimezoneOffset(),
    }
  }
  const values: Record<string, string> = {}
  for (const part of formatterFor(zone).formatToParts(date)) values[part.type] = part.value
  const era = values.era === 'BC' ? -1 : 1
  const wall = {
    year: era === 1 ? Number(values.year) : 1 - Number(values.year),
    month: Number(values.month),
    day: Number(values.day),
    hour: Number(values.hour),
    minute: Number(values.minute),
    second: Number(values.second),
    millisecond,
  }
  const asUtc = utcMillis(wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second, millisecond)
  return { ...wall, offsetMinutes: Math.round((asUtc - ms) / 60_000) }
}

/** Date.UTC with a 1-based month that also works for years 0–99 (which Date.UTC maps to 1900–1999). */
function utcMillis(
  year: number,
  month: number,
  day: number,
  h: number,
  m: number,
  s: number,
  ms: number,
): number {
  const d = new Date(Date.UTC(2000, month - 1, day, h, m, s, ms))
  return d.setUTCFullYear(year, month - 1, day)
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

function datePart(p: WallClock): string {
  const year = p.year < 0 ? `-${pad(-p.year, 6)}` : p.year > 9999 ? `+${pad(p.year, 6)}` : pad(p.year, 4)
  return `${year}-${pad(p.month)}-${pad(p.day)}`
}

function timePart(p: WallClock): string {
  return `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(p.millisecond, 3)}`
}

function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "Thursday, 26 November 2026" built by hand: Intl's en-GB punctuation differs between ICU versions. */
function longDate(p: WallClock): string {
  const weekday = new Date(utcMillis(p.year, p.month, p.day, 12, 0, 0, 0)).getUTCDay()
  return `${WEEKDAYS[weekday]}, ${p.day} ${MONTHS[p.month - 1]} ${p.year}`
}
