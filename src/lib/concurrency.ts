/**
 * A limiter: at most `limit` tasks run at once, the rest wait their turn in order. Used to bound fan-out to an
 * endpoint (a topic with 1,000 partitions must not mean 1,000 requests at once). A task whose signal aborts
 * while it waits leaves the queue without running.
 */
export interface Limiter {
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>
  /** Tasks running now (for tests). */
  readonly active: number
  readonly waiting: number
}

export function createLimiter(limit: number): Limiter {
  let active = 0
  const queue: Array<() => void> = []
  const release = () => {
    active--
    queue.shift()?.()
  }
  return {
    get active() {
      return active
    },
    get waiting() {
      return queue.length
    },
    async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (active >= limit) {
        await new Promise<void>((resolve, reject) => {
          const start = () => {
            signal?.removeEventListener('abort', onAbort)
            resolve()
          }
          const onAbort = () => {
            const i = queue.indexOf(start)
            if (i >= 0) queue.splice(i, 1)
            reject(signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError'))
          }
          if (signal?.aborted) return onAbort()
          signal?.addEventListener('abort', onAbort, { once: true })
          queue.push(start)
        })
      }
      active++
      try {
        return await task()
      } finally {
        release()
      }
    },
  }
}
