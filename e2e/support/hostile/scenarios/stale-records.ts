import { RequestCounter } from '../request-counter.ts'
import type { ScenarioContext } from '../server.ts'
import { askSandbox, forward, send } from '../upstream.ts'

/**
 * A records endpoint that keeps returning an already-seen record: a v2 consumer instance gets its first real
 * record, then that same record on every later poll; the v1 simple consumer gets, for a read from offset X,
 * the record at X − 1. (Probes of one record pass, so v1 still finds the partition's bounds.)
 */
const counter = new RequestCounter()
const seen = new Map<string, unknown>()

export async function handle(ctx: ScenarioContext): Promise<void> {
  if (counter.serve(ctx)) return
  const consumer = /^(\/consumers\/[^/]+\/instances\/[^/]+)\/records$/.exec(ctx.path)
  if (consumer && ctx.req.method === 'GET') {
    counter.count('records-poll')
    const instance = consumer[1]
    if (!seen.has(instance)) {
      const a = await askSandbox(ctx)
      const list = JSON.parse(a.body.toString('utf8')) as unknown[]
      if (list.length === 0) return send(ctx, a)
      seen.set(instance, list[0])
    }
    return send(ctx, {
      status: 200,
      contentType: 'application/vnd.kafka.binary.v2+json',
      body: Buffer.from(JSON.stringify([seen.get(instance)])),
    })
  }
  const v1 = /^\/topics\/[^/]+\/partitions\/\d+\/messages$/.exec(ctx.path)
  const query = new URLSearchParams(ctx.search)
  if (v1 && Number(query.get('count')) > 1) {
    counter.count('records-poll')
    const offset = Number(query.get('offset'))
    if (offset > 0) query.set('offset', String(offset - 1))
    query.set('count', '1')
    return send(ctx, await askSandbox(ctx, `${ctx.path}?${query}`))
  }
  if (ctx.req.method === 'POST' && /^\/consumers\/[^/]+$/.test(ctx.path)) counter.count('consumer-create')
  if (ctx.req.method === 'DELETE') counter.count('consumer-delete')
  await forward(ctx)
}
