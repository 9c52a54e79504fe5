import type { ScenarioContext } from '../server.ts'
import { askSandbox, forward, send } from '../upstream.ts'

/**
 * A cluster with a huge topic list: `/many-topics/<n>/…` answers the v3 topic list (`GET /v3/clusters/<id>/topics`)
 * with exactly n topics (the sandbox's own first, so they still browse and produce), and forwards everything else.
 * Entries carry the fields the console reads, ~70 bytes each (7 MB for 100,000; 70 MB for 1,000,000).
 */
const MAX = 2_000_000
const cache = new Map<number, Buffer>()

/** `load.audit.t0000042`, spread over a few prefixes so a filter has something to tell apart. */
export function generatedName(i: number): string {
  return `load.${['orders', 'payments', 'audit', 'clicks'][i % 4]}.t${String(i).padStart(7, '0')}`
}

function topicList(n: number, own: unknown[]): Buffer {
  const hit = cache.get(n)
  if (hit) return hit
  const parts: string[] = own.slice(0, n).map((t) => JSON.stringify(t))
  // Numbered by position, so the last name of /many-topics/100000 is …t0099999.
  while (parts.length < n)
    parts.push(`{"topic_name":"${generatedName(parts.length)}","partitions_count":1,"is_internal":false}`)
  const body = Buffer.from(`{"kind":"KafkaTopicList","metadata":{},"data":[${parts.join(',')}]}`)
  cache.set(n, body)
  return body
}

export async function handle(ctx: ScenarioContext): Promise<void> {
  const m = /^\/(\d+)(\/.*)?$/.exec(ctx.path)
  const n = m ? Number(m[1]) : NaN
  if (!m || !(n >= 0 && n <= MAX)) {
    ctx.res.writeHead(400, { 'content-type': 'text/plain' }).end(`use /many-topics/<n up to ${MAX}>/…`)
    return
  }
  ctx.path = m[2] ?? '/'
  if (ctx.req.method !== 'GET' || !/^\/v3\/clusters\/[^/]+\/topics\/?$/.test(ctx.path)) return forward(ctx)
  const a = await askSandbox(ctx)
  if (a.status !== 200) return send(ctx, a)
  const own = (JSON.parse(a.body.toString('utf8')) as { data: unknown[] }).data
  send(ctx, { ...a, body: topicList(n, own) })
}
