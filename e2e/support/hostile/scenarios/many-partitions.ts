import { RequestCounter } from '../request-counter.ts'
import type { ScenarioContext } from '../server.ts'
import { forward } from '../upstream.ts'

/**
 * demo.orders with 1,000 partitions: the scenario answers the topic's metadata and every partition's offsets
 * itself (each offsets answer takes 20 ms, to see how many the console has in flight), counting them.
 */
export const PARTITIONS = 1000
const counter = new RequestCounter()
const TOPIC = '/topics/demo.orders'
const V2 = 'application/vnd.kafka.v2+json'

function json(ctx: ScenarioContext, body: unknown): void {
  ctx.res.writeHead(200, { 'content-type': V2 }).end(JSON.stringify(body))
}

export async function handle(ctx: ScenarioContext): Promise<void> {
  if (counter.serve(ctx)) return
  if (ctx.req.method === 'GET' && ctx.path === TOPIC) {
    counter.count('metadata')
    json(ctx, {
      name: 'demo.orders',
      configs: {},
      partitions: Array.from({ length: PARTITIONS }, (_, p) => ({
        partition: p,
        leader: 1,
        replicas: [{ broker: 1, leader: true, in_sync: true }],
      })),
    })
    return
  }
  if (ctx.req.method === 'GET' && new RegExp(`^${TOPIC}/partitions/\\d+/offsets$`).test(ctx.path)) {
    counter.count('offsets')
    await counter.track(() => new Promise((r) => setTimeout(r, 20)))
    json(ctx, { beginning_offset: 0, end_offset: 0 })
    return
  }
  if (ctx.req.method === 'POST' && /^\/consumers\/[^/]+$/.test(ctx.path)) counter.count('consumer-create')
  await forward(ctx)
}
