import { Pool } from 'undici'

export interface LoadRequest {
  method: 'GET' | 'POST'
  path: string
  headers: Record<string, string>
  body?: string
}

export interface LoadResult {
  requests: number
  errors: number
  seconds: number
  perSecond: number
  p50: number
  p99: number
}

/**
 * A closed-loop load: `clients` workers, each sending its next request when the previous answer has been read,
 * for `seconds`. One keep-alive connection per worker, like browsers and real clients.
 */
export async function runLoad(
  origin: string,
  clients: number,
  seconds: number,
  next: () => LoadRequest,
): Promise<LoadResult> {
  const pool = new Pool(origin, { connections: clients, pipelining: 1, keepAliveTimeout: 10_000 })
  const latencies: number[] = []
  let errors = 0
  let firstError = ''
  // A short warm-up so JIT and connection setup do not count.
  const warmupUntil = performance.now() + Math.min(500, seconds * 200)
  const deadline = warmupUntil + seconds * 1000
  async function worker() {
    while (performance.now() < deadline) {
      const req = next()
      const started = performance.now()
      try {
        const res = await pool.request({
          method: req.method,
          path: req.path,
          headers: req.headers,
          body: req.body,
        })
        await res.body.arrayBuffer()
        if (res.statusCode >= 400) {
          errors++
          firstError ||= `HTTP ${res.statusCode} for ${req.method} ${req.path}`
        }
      } catch (e) {
        errors++
        firstError ||= String(e)
      }
      if (started >= warmupUntil) latencies.push(performance.now() - started)
    }
  }
  await Promise.all(Array.from({ length: clients }, worker))
  await pool.close()
  if (firstError) console.error(`  (first error: ${firstError})`)
  latencies.sort((a, b) => a - b)
  const q = (p: number) =>
    latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : NaN
  return {
    requests: latencies.length,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50: q(0.5),
    p99: q(0.99),
  }
}
