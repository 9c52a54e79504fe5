import { describe, expect, it } from 'vitest'
import { openScanFilter, type ScanWorkerLike } from './scan-filter-client.ts'
import { createScanHandler, type ScanWorkerRequest } from './scan-protocol.ts'
import { orders } from './test-fixtures.ts'

/** A worker double that runs the real handler asynchronously, as a worker would. */
function fakeWorker(options: { failToLoad?: boolean } = {}) {
  const w: ScanWorkerLike & { terminated: boolean } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    postMessage(msg: ScanWorkerRequest) {
      setTimeout(() => {
        if (options.failToLoad) return w.onerror?.({ message: 'blocked' } as ErrorEvent)
        handle(msg)
      }, 0)
    },
    terminate() {
      w.terminated = true
    },
  }
  const handle = createScanHandler((data) => w.onmessage?.({ data } as MessageEvent))
  return w
}

describe('openScanFilter', () => {
  it('filters pages in the worker and terminates it on close', async () => {
    const worker = fakeWorker()
    const opened = await openScanFilter({ expression: 'value.orderId % 10 == 0' }, () => worker)
    if (!opened.ok) throw new Error(opened.problem.message)
    expect(opened.opened.inWorker).toBe(true)
    const [a, b] = await Promise.all([
      opened.opened.filter(orders(), 500),
      opened.opened.filter(orders(50), 500),
    ])
    expect([a.matches.length, b.matches.length]).toEqual([10, 5])
    opened.opened.close()
    expect(worker.terminated).toBe(true)
    await expect(opened.opened.filter(orders(), 1)).rejects.toThrow(/stopped/)
  })

  it('reports a bad expression with its position', async () => {
    const opened = await openScanFilter({ expression: 'key ==' }, () => fakeWorker())
    expect(opened.ok || opened.problem.position).toBe(6)
  })

  it('filters on the page when the worker cannot load', async () => {
    const opened = await openScanFilter({ expression: 'offset == 0' }, () => fakeWorker({ failToLoad: true }))
    if (!opened.ok) throw new Error(opened.problem.message)
    expect(opened.opened.inWorker).toBe(false)
    expect((await opened.opened.filter(orders(), 500)).matches.length).toBe(3)
  })
})
