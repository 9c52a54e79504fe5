import type { ScenarioContext } from '../server.ts'
import { demoTopics, forward, forwardJson } from '../upstream.ts'

/** Names that look like something else: a right-to-left override, a zero-width space, a control character. */
export const BIDI_TOPICS = ['invoice\u202Etxt.exe', 'demo.\u200Borders', 'bell\u0007topic']

/** The sandbox, with topics whose names hide characters added to every topic list (v3 and v2 shapes). */
export async function handle(ctx: ScenarioContext): Promise<void> {
  if (ctx.req.method !== 'GET') return forward(ctx)
  if (/^\/v3\/clusters\/[^/]+\/topics$/.test(ctx.path)) {
    return forwardJson(ctx, (body) => {
      const list = body as { data: Array<Record<string, unknown>> }
      const added = BIDI_TOPICS.map((topic_name) => ({ ...list.data[0], topic_name }))
      return { ...list, data: [...added, ...demoTopics(list.data, (t) => t.topic_name)] }
    })
  }
  if (ctx.path === '/topics') {
    return forwardJson(ctx, (body) =>
      Array.isArray(body) ? [...BIDI_TOPICS, ...demoTopics(body, (t) => t)] : undefined,
    )
  }
  return forward(ctx)
}
