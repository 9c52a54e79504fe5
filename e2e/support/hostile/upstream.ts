import type { ScenarioContext } from './server.ts'

/** Headers worth passing between the console and the sandbox (the sandbox needs the key and media types). */
const PASS = ['accept', 'content-type', 'x-auth-token', 'authorization']

export interface UpstreamAnswer {
  status: number
  contentType: string
  body: Buffer
}

/** Sends the console's request on to the sandbox and returns its whole answer. */
export async function askSandbox(
  ctx: ScenarioContext,
  path = ctx.path + ctx.search,
): Promise<UpstreamAnswer> {
  const headers: Record<string, string> = {}
  for (const h of PASS) {
    const v = ctx.req.headers[h]
    if (typeof v === 'string') headers[h] = v
  }
  const method = ctx.req.method ?? 'GET'
  const r = await fetch(ctx.sandbox + path, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(ctx.body),
  })
  return {
    status: r.status,
    contentType: r.headers.get('content-type') ?? '',
    body: Buffer.from(await r.arrayBuffer()),
  }
}

export function send(ctx: ScenarioContext, a: UpstreamAnswer): void {
  ctx.res.writeHead(a.status, a.contentType ? { 'content-type': a.contentType } : {}).end(a.body)
}

/** Forwards unchanged. */
export async function forward(ctx: ScenarioContext): Promise<void> {
  send(ctx, await askSandbox(ctx))
}

/**
 * Forwards, but lets `spoil` rewrite a JSON answer (return undefined to keep it). Non-JSON answers pass through.
 */
export async function forwardJson(
  ctx: ScenarioContext,
  spoil: (body: unknown, answer: UpstreamAnswer) => unknown,
): Promise<void> {
  const a = await askSandbox(ctx)
  if (!a.contentType.includes('json') || a.body.length === 0) return send(ctx, a)
  const changed = spoil(JSON.parse(a.body.toString('utf8')), a)
  if (changed === undefined) return send(ctx, a)
  send(ctx, { ...a, body: Buffer.from(JSON.stringify(changed)) })
}

/**
 * Only the sandbox's demo topics, so a scenario's own names stay in view however many topics other tests created
 * (the topic list is virtualized: a name far down the list is not in the DOM).
 */
export function demoTopics<T>(list: T[], nameOf: (t: T) => unknown): T[] {
  return list.filter((t) => String(nameOf(t)).startsWith('demo.'))
}
