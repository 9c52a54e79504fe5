import { describe, expect, it } from 'vitest'
import { parseTimeInput } from './time-input.ts'

describe('parseTimeInput', () => {
  it('reads a wall-clock time in the chosen zone', () => {
    expect(parseTimeInput('2026-11-26 17:05:03.123', 'UTC')).toBe(Date.UTC(2026, 10, 26, 17, 5, 3, 123))
    expect(parseTimeInput('2026-11-26T17:05', 'UTC')).toBe(Date.UTC(2026, 10, 26, 17, 5))
    expect(parseTimeInput('2026-11-26', 'UTC')).toBe(Date.UTC(2026, 10, 26))
    expect(parseTimeInput('2026-11-26 17:05', 'local')).toBe(new Date(2026, 10, 26, 17, 5).getTime())
  })
  it('takes instants with a zone and epoch milliseconds as they are', () => {
    expect(parseTimeInput('2026-11-26T17:05:03Z', 'local')).toBe(Date.UTC(2026, 10, 26, 17, 5, 3))
    expect(parseTimeInput('2026-11-26T18:05:03+01:00', 'UTC')).toBe(Date.UTC(2026, 10, 26, 17, 5, 3))
    expect(parseTimeInput(' 1764176703123 ', 'UTC')).toBe(1764176703123)
  })
  it('rejects what is not a time', () => {
    expect(parseTimeInput('', 'UTC')).toBeNull()
    expect(parseTimeInput('yesterday', 'UTC')).toBeNaN()
    expect(parseTimeInput('2026-02-31', 'UTC')).toBeNaN()
    expect(parseTimeInput('2026-11-26 25:00', 'UTC')).toBeNaN()
  })
})
