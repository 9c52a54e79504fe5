import type { ScenarioContext } from '../server.ts'
import { forward, forwardJson } from '../upstream.ts'

/** Topic configs the console reads from the v3 API (`GET /v3/clusters/<id>/topics/<t>/configs`). */
export const CONFIG_COUNT = 50_000

let cached: unknown[] | undefined

function configs(clusterPath: string): unknown[] {
  cached ??= Array.from({ length: CONFIG_COUNT }, (_, i) => ({
    kind: 'KafkaTopicConfig',
    name: `hostile.config.c${String(i).padStart(5, '0')}`,
    // Every 100th value is long and unbroken: rows must still have a fixed height.
    value: i % 100 === 0 ? 'x'.repeat(2_000) : String(i),
    is_default: false,
    is_read_only: false,
    source: 'DYNAMIC_TOPIC_CONFIG',
    related: `${clusterPath}/c${i}`,
  }))
  return cached
}

/** Every topic has 50,000 configs; everything else is the sandbox. */
export async function handle(ctx: ScenarioContext): Promise<void> {
  if (ctx.req.method !== 'GET' || !/^\/v3\/clusters\/[^/]+\/topics\/[^/]+\/configs\/?$/.test(ctx.path))
    return forward(ctx)
  await forwardJson(ctx, (body) => ({ ...(body as object), data: configs(ctx.path) }))
}
