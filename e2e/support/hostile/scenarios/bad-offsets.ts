import type { ScenarioContext } from '../server.ts'
import { forward } from '../upstream.ts'

/**
 * Partition offsets no Kafka can have, for demo.orders: partition 0's end is beyond int64, partition 1's
 * beginning is negative, partition 2's bounds are inverted (beginning after end). Everything else is the sandbox.
 */
const BODIES: Record<string, string> = {
  '0': '{"beginning_offset":0,"end_offset":99999999999999999999}',
  '1': '{"beginning_offset":-5,"end_offset":3}',
  '2': '{"beginning_offset":10,"end_offset":3}',
}

export async function handle(ctx: ScenarioContext): Promise<void> {
  const m = /^\/topics\/demo\.orders\/partitions\/(\d+)\/offsets$/.exec(ctx.path)
  if (ctx.req.method === 'GET' && m && BODIES[m[1]]) {
    ctx.res.writeHead(200, { 'content-type': 'application/vnd.kafka.v2+json' }).end(BODIES[m[1]])
    return
  }
  await forward(ctx)
}
