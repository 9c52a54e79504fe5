import type { ScenarioContext } from '../server.ts'
import { demoTopics, forward, forwardJson } from '../upstream.ts'

/** A topic name no URL can hold: a lone UTF-16 surrogate. JSON.stringify writes it as the `\ud800` escape. */
export const SURROGATE_TOPIC = 'orders-\ud800-bad'

/** The sandbox, with one more topic in every topic list (v3 and v2 shapes). */
export async function handle(ctx: ScenarioContext): Promise<void> {
  if (ctx.req.method !== 'GET') return forward(ctx)
  if (/^\/v3\/clusters\/[^/]+\/topics$/.test(ctx.path)) {
    return forwardJson(ctx, (body) => {
      const list = body as { data: Array<Record<string, unknown>> }
      const copy = { ...list.data[0], topic_name: SURROGATE_TOPIC }
      return { ...list, data: [copy, ...demoTopics(list.data, (t) => t.topic_name)] }
    })
  }
  if (ctx.path === '/topics') {
    return forwardJson(ctx, (body) =>
      Array.isArray(body) ? [SURROGATE_TOPIC, ...demoTopics(body, (t) => t)] : undefined,
    )
  }
  return forward(ctx)
}
