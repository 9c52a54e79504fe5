import type { ScenarioContext } from './server.ts'

/**
 * Counts what a scenario was asked, by label, with timestamps, and answers `GET /<scenario>/__count` with the
 * figures (and `POST /<scenario>/__reset`), so a spec can quote request counts and rates.
 */
export class RequestCounter {
  private times = new Map<string, number[]>()
  private inFlight = 0
  private maxInFlight = 0

  count(label: string): void {
    const list = this.times.get(label) ?? []
    list.push(Date.now())
    this.times.set(label, list)
  }

  /** Wraps an answer that takes a while, to measure how many the console had in flight at once. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    try {
      return await work()
    } finally {
      this.inFlight--
    }
  }

  /** The largest number of `label` requests within any one second. */
  private perSecond(list: number[]): number {
    let most = 0
    for (let i = 0, j = 0; i < list.length; i++) {
      while (list[i] - list[j] >= 1000) j++
      most = Math.max(most, i - j + 1)
    }
    return most
  }

  figures() {
    const out: Record<string, { count: number; maxPerSecond: number }> = {}
    for (const [label, list] of this.times)
      out[label] = { count: list.length, maxPerSecond: this.perSecond(list) }
    return { requests: out, maxInFlight: this.maxInFlight }
  }

  /** Answers the counter's own routes; true when it did. */
  serve(ctx: ScenarioContext): boolean {
    if (ctx.path === '/__count') {
      ctx.res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.figures()))
      return true
    }
    if (ctx.path === '/__reset') {
      this.times.clear()
      this.maxInFlight = 0
      ctx.res.writeHead(204).end()
      return true
    }
    return false
  }
}
