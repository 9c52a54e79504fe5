import { describe, expect, it } from 'vitest'
import { Pacer } from './pacer.ts'

/** Simulates a run on a fake clock: each batch waits as told, then takes `sendMs` to send. */
function simulate(rate: number, batch: number, sendMs: number, seconds: number) {
  let now = 1_000_000
  const pacer = new Pacer(rate, now)
  const end = now + seconds * 1000
  let sent = 0
  for (let guard = 0; guard < 1_000_000; guard++) {
    now += pacer.delayBefore(batch, now)
    if (now > end) break
    pacer.took(batch)
    sent += batch
    now += sendMs
  }
  return sent
}

describe('Pacer', () => {
  it.each([
    [100, 10, 5],
    [1000, 100, 20],
    [50, 1, 1],
    [5000, 500, 30],
  ])('stays within 10%% of %i records/s over 10 s (batch %i, %i ms a send)', (rate, batch, sendMs) => {
    const sent = simulate(rate, batch, sendMs, 10)
    expect(sent).toBeGreaterThanOrEqual(rate * 10 * 0.9)
    expect(sent).toBeLessThanOrEqual(rate * 10 * 1.1)
  })

  it('falls behind only when sending is slower than the rate', () => {
    // 100-record batches that take 200 ms each cannot exceed 500 records/s.
    expect(simulate(1000, 100, 200, 10)).toBeLessThanOrEqual(5100)
  })

  it('does not burst after a pause', () => {
    let now = 0
    const pacer = new Pacer(10, now)
    pacer.took(10) // one second's worth
    now = 1000
    pacer.pause(now)
    expect(pacer.delayBefore(10, now)).toBe(0)
    now = 61_000
    pacer.resume(now)
    expect(pacer.delayBefore(10, now)).toBe(1000)
    expect(pacer.elapsed(now)).toBe(1000)
  })

  it('never waits when the rate is unlimited', () => {
    const pacer = new Pacer(null, 0)
    pacer.took(1e6)
    expect(pacer.delayBefore(1000, 0)).toBe(0)
  })
})
