import { RequestCounter } from '../request-counter.ts'
import type { ScenarioContext } from '../server.ts'
import { forward, forwardJson } from '../upstream.ts'

/** A consumer instance that answers every poll with records of another partition than the one assigned. */
const counter = new RequestCounter()

export async function handle(ctx: ScenarioContext): Promise<void> {
  if (counter.serve(ctx)) return
  if (ctx.req.method === 'GET' && /^\/consumers\/[^/]+\/instances\/[^/]+\/records$/.test(ctx.path)) {
    counter.count('records-poll')
    return forwardJson(ctx, (body) =>
      Array.isArray(body)
        ? body.map((r: { partition: number }) => ({ ...r, partition: r.partition + 1 }))
        : undefined,
    )
  }
  await forward(ctx)
}
