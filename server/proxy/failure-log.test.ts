import { describe, expect, it } from 'vitest'
import { ProxyFailureLog } from './failure-log.ts'

const failure = (id: string) => ({
  id,
  kind: 'upstream_cut_short' as const,
  message: 'x'.repeat(10_000),
  status: 200,
  contentType: 'application/json',
  contentEncoding: null,
  declaredBytes: 10,
  receivedBytes: 5,
  code: 'ECONNRESET',
})

describe('ProxyFailureLog', () => {
  it('keeps a bounded number of records, oldest dropped, messages capped', () => {
    const log = new ProxyFailureLog({ max: 3 })
    const ids = Array.from({ length: 5 }, () => log.nextId())
    expect(new Set(ids).size).toBe(5)
    for (const id of ids) log.record(failure(id))
    expect(log.size).toBe(3)
    expect(log.get(ids[0])).toBeNull()
    expect(log.get(ids[4])?.message.length).toBe(500)
  })

  it('forgets records after their time', () => {
    const log = new ProxyFailureLog({ ttlMs: -1 })
    const id = log.nextId()
    log.record(failure(id))
    expect(log.get(id)).toBeNull()
  })
})
