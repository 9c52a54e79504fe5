import type { ScenarioContext } from '../server.ts'
import { demoTopics, forward, forwardJson } from '../upstream.ts'

/**
 * Topics "." and ".." in every topic list. Kafka forbids them, but an endpoint can list anything; as path
 * segments they would make `/topics/..` into `/`. The scenario records the requests it sees:
 * `GET /dot-names/__seen` lists them (method and raw path), `POST /dot-names/__seen` starts a new list.
 */
const seen: string[] = []

export async function handle(ctx: ScenarioContext): Promise<void> {
  if (ctx.path === '/__seen') {
    if (ctx.req.method === 'POST') seen.length = 0
    ctx.res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(seen))
    return
  }
  seen.push(`${ctx.req.method} ${ctx.path}`)
  if (ctx.req.method !== 'GET') return forward(ctx)
  if (/^\/v3\/clusters\/[^/]+\/topics$/.test(ctx.path)) {
    return forwardJson(ctx, (body) => {
      const list = body as { data: Array<Record<string, unknown>> }
      const dots = ['.', '..'].map((topic_name) => ({ ...list.data[0], topic_name }))
      return { ...list, data: [...dots, ...demoTopics(list.data, (t) => t.topic_name)] }
    })
  }
  if (ctx.path === '/topics') {
    return forwardJson(ctx, (body) =>
      Array.isArray(body) ? ['.', '..', ...demoTopics(body, (t) => t)] : undefined,
    )
  }
  return forward(ctx)
}
