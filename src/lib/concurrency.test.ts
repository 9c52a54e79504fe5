import { describe, expect, it } from 'vitest'
import { createLimiter } from './concurrency.ts'

const tick = () => new Promise((r) => setTimeout(r, 1))

describe('createLimiter', () => {
  it('runs at most `limit` tasks at once, all of them in the end', async () => {
    const limiter = createLimiter(8)
    let running = 0
    let most = 0
    const task = async (i: number) => {
      running++
      most = Math.max(most, running)
      await tick()
      running--
      return i
    }
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => limiter.run(() => task(i))))
    expect(results).toHaveLength(1000)
    expect(results[999]).toBe(999)
    expect(most).toBe(8)
    expect(limiter.active).toBe(0)
  })

  it('drops a waiting task whose signal aborts, and a failing task frees its slot', async () => {
    const limiter = createLimiter(1)
    let release!: () => void
    const first = limiter.run(() => new Promise<void>((r) => (release = r)))
    const ac = new AbortController()
    let ran = false
    const second = limiter.run(async () => {
      ran = true
    }, ac.signal)
    ac.abort()
    await expect(second).rejects.toThrow()
    expect(limiter.waiting).toBe(0)
    release()
    await first
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(limiter.run(async () => 'ok')).resolves.toBe('ok')
    expect(ran).toBe(false)
  })
})
