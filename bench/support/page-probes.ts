import type { PageLib } from './page-lib.ts'

export interface PageProbes {
  /** Long tasks (≥ 50 ms) seen since the document loaded, as [start, duration]. */
  longTasks: Array<[number, number]>
  /**
   * When each `Response.text()` resolved, by URL: the moment a body is in the page as a string. Resource
   * Timing's responseEnd is when its last byte reached the browser's network process, earlier by the time the
   * browser takes to hand the body to the page.
   */
  bodiesInPage: Array<[string, number]>
  /** The longest task overlapping [from, to], or null when none reached 50 ms. */
  longest(from: number, to: number): number | null
  /**
   * Checks `done` on every animation frame; once it holds, resolves with the time right after that frame
   * (a message posted from the frame callback runs after its style, layout and paint).
   */
  untilFrame(done: () => boolean, timeoutMs: number): Promise<number>
  frames(n: number): Promise<void>
  sleep(ms: number): Promise<void>
}

export interface BenchWindow {
  krcProbe: PageProbes
  krcLib: PageLib
}

/** Runs in the page before its own scripts (`addInitScript`): self-contained, no imports at runtime. */
export function installPageProbes() {
  const longTasks: Array<[number, number]> = []
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration])
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No Long Tasks API: every figure reads "none".
  }
  performance.setResourceTimingBufferSize(100_000)
  const bodiesInPage: Array<[string, number]> = []
  // However the app reads a body (text, arrayBuffer, blob, or its stream to the end), note when it has it all.
  for (const method of ['text', 'arrayBuffer', 'blob'] as const) {
    const original = Response.prototype[method] as (this: Response) => Promise<unknown>
    Object.defineProperty(Response.prototype, method, {
      configurable: true,
      writable: true,
      value: async function (this: Response) {
        const body = await original.call(this)
        bodiesInPage.push([this.url, performance.now()])
        return body
      },
    })
  }
  const bodyGetter = Object.getOwnPropertyDescriptor(Response.prototype, 'body')!.get!
  const wrapped = new WeakSet<object>()
  Object.defineProperty(Response.prototype, 'body', {
    configurable: true,
    get(this: Response) {
      const stream = bodyGetter.call(this) as ReadableStream<Uint8Array> | null
      if (!stream || wrapped.has(stream)) return stream
      wrapped.add(stream)
      const url = this.url
      const getReader = stream.getReader.bind(stream) as () => ReadableStreamDefaultReader<Uint8Array>
      Object.defineProperty(stream, 'getReader', {
        value: () => {
          const reader = getReader()
          const read = reader.read.bind(reader)
          Object.defineProperty(reader, 'read', {
            value: async () => {
              const step = await read()
              if (step.done) bodiesInPage.push([url, performance.now()])
              return step
            },
          })
          return reader
        },
      })
      return stream
    },
  })
  const afterFrame = () =>
    new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve(performance.now())
        channel.port2.postMessage(null)
      }),
    )
  const probes: PageProbes = {
    longTasks,
    bodiesInPage,
    longest(from, to) {
      let max: number | null = null
      for (const [start, duration] of longTasks)
        if (start < to && start + duration > from) max = Math.max(max ?? 0, duration)
      return max
    },
    untilFrame(done, timeoutMs) {
      const deadline = performance.now() + timeoutMs
      return new Promise((resolve, reject) => {
        const tick = () => {
          if (done()) {
            const channel = new MessageChannel()
            channel.port1.onmessage = () => resolve(performance.now())
            channel.port2.postMessage(null)
          } else if (performance.now() > deadline) reject(new Error('timed out waiting for the page'))
          else requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      })
    },
    async frames(n) {
      for (let i = 0; i < n; i++) await afterFrame()
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }
  ;(window as unknown as { krcProbe: PageProbes }).krcProbe = probes
}
