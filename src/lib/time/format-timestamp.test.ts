import { describe, expect, it } from 'vitest'
import { formatTimestamp, formatTimestampIso, toEpochMillis } from './format-timestamp.ts'

const T = Date.UTC(2026, 10, 26, 17, 5, 3, 123) // Thursday 2026-11-26 17:05:03.123 UTC
const SUMMER = Date.UTC(2026, 6, 1, 12, 0, 0, 5)

describe('formatTimestamp', () => {
  it('formats UTC with an explicit suffix and a full title', () => {
    expect(formatTimestamp(T, { timeZone: 'UTC' })).toEqual({
      text: '2026-11-26 17:05:03.123 UTC',
      title: `Thursday, 26 November 2026, 17:05:03.123 (UTC, UTC+00:00)\n2026-11-26T17:05:03.123Z · ${T} ms since epoch`,
      epochMs: T,
    })
  })

  it.each([
    ['Europe/Berlin', T, '2026-11-26 18:05:03.123 +01:00'],
    ['Europe/Berlin', SUMMER, '2026-07-01 14:00:00.005 +02:00'],
    ['Asia/Kolkata', T, '2026-11-26 22:35:03.123 +05:30'],
    ['America/St_Johns', T, '2026-11-26 13:35:03.123 -03:30'],
    ['America/Los_Angeles', T, '2026-11-26 09:05:03.123 -08:00'],
    ['Pacific/Chatham', T, '2026-11-27 06:50:03.123 +13:45'],
  ])('formats in %s', (timeZone, ms, text) => {
    const result = formatTimestamp(ms, { timeZone })
    expect(result.text).toBe(text)
    expect(result.title).toContain(`(${timeZone}, UTC${text.slice(-6)})`)
  })

  it('uses the runtime zone for local', () => {
    const result = formatTimestamp(T, { timeZone: 'local' })
    const d = new Date(T)
    const offset = -d.getTimezoneOffset()
    const sign = offset < 0 ? '-' : '+'
    const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')
    const mm = String(Math.abs(offset) % 60).padStart(2, '0')
    expect(result.text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.123 [+-]\d{2}:\d{2}$/)
    expect(result.text.endsWith(`${sign}${hh}:${mm}`)).toBe(true)
    expect(result.text.slice(11, 13)).toBe(String(d.getHours()).padStart(2, '0'))
    expect(result.title).toContain('local time, ')
  })

  it('accepts digit strings and ISO strings with a zone', () => {
    expect(formatTimestamp(String(T), { timeZone: 'UTC' }).epochMs).toBe(T)
    expect(formatTimestamp('2026-11-26T18:05:03.123456+01:00', { timeZone: 'UTC' }).text).toBe(
      '2026-11-26 17:05:03.123 UTC',
    )
  })

  it('shows no timestamp for null and Kafka -1', () => {
    expect(formatTimestamp(null, { timeZone: 'UTC' })).toEqual({
      text: '—',
      title: 'No timestamp',
      epochMs: null,
    })
    expect(formatTimestamp(-1, { timeZone: 'UTC' }).text).toBe('—')
    expect(formatTimestamp(undefined, { timeZone: 'UTC' }).text).toBe('—')
  })

  it('shows unusable input as is instead of guessing', () => {
    for (const bad of ['yesterday', '2026-11-26T17:05:03', '2026-02-31T00:00:00Z', NaN, 1e20]) {
      const result = formatTimestamp(bad, { timeZone: 'UTC' })
      expect(result.epochMs).toBeNull()
      expect(result.title).toMatch(/^Unrecognised timestamp/)
    }
  })

  it('falls back to UTC for an unknown zone and says so', () => {
    const result = formatTimestamp(T, { timeZone: 'Mars/Olympus' })
    expect(result.text).toBe('2026-11-26 17:05:03.123 UTC')
    expect(result.title).toContain('unknown time zone "Mars/Olympus", showing UTC')
  })

  it('handles the epoch, pre-1970 and far-future values', () => {
    expect(formatTimestamp(0, { timeZone: 'UTC' }).text).toBe('1970-01-01 00:00:00.000 UTC')
    expect(formatTimestamp(-1001, { timeZone: 'UTC' }).text).toBe('1969-12-31 23:59:58.999 UTC')
    expect(formatTimestamp(8.64e15, { timeZone: 'UTC' }).text).toBe('+275760-09-13 00:00:00.000 UTC')
    expect(formatTimestamp(-1001, { timeZone: 'Europe/Berlin' }).text).toBe('1970-01-01 00:59:58.999 +01:00')
    expect(formatTimestamp(-1001, { timeZone: 'UTC' }).title).toMatch(/^Wednesday, 31 December 1969,/)
    expect(formatTimestamp(T, { timeZone: 'Pacific/Chatham' }).title).toMatch(
      /^Friday, 27 November 2026, 06:50/,
    )
  })
})

describe('formatTimestampIso / toEpochMillis', () => {
  it('formats ISO 8601 with offsets', () => {
    expect(formatTimestampIso(T, 'UTC')).toBe('2026-11-26T17:05:03.123Z')
    expect(formatTimestampIso(T, 'Asia/Kolkata')).toBe('2026-11-26T22:35:03.123+05:30')
  })

  it('round-trips through toEpochMillis in any zone', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'America/St_Johns', 'Pacific/Chatham', 'local']) {
      for (const ms of [0, T, SUMMER, 1_700_000_000_001]) {
        expect(toEpochMillis(formatTimestampIso(ms, zone))).toBe(ms)
      }
    }
  })

  it('parses the expanded years toISOString produces', () => {
    for (const ms of [-8.64e15, -62198755200001, -1, 253402300800000, 8.64e15]) {
      expect(toEpochMillis(new Date(ms).toISOString())).toBe(ms)
      expect(toEpochMillis(formatTimestampIso(ms, 'UTC'))).toBe(ms)
    }
    expect(toEpochMillis('0099-01-01T00:00:00Z')).toBe(new Date('0099-01-01T00:00:00Z').getTime())
  })

  it('parses numbers and digit strings exactly', () => {
    expect(toEpochMillis('1700000000001')).toBe(1_700_000_000_001)
    expect(toEpochMillis(' 42 ')).toBe(42)
    expect(toEpochMillis(12.9)).toBe(12)
    expect(toEpochMillis('2026-11-26 17:05Z')).toBe(Date.UTC(2026, 10, 26, 17, 5))
    expect(toEpochMillis('2026-11-26T17:05:03-0130')).toBe(Date.UTC(2026, 10, 26, 18, 35, 3))
  })
})
