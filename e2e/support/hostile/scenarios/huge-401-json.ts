import type { ScenarioContext } from '../server.ts'

const MB = 1024 * 1024
const bodies = new Map<number, Buffer>()

/** The size picked by the first path segment (`/2mb`, `/20mb`); 2 MB by default. */
export function sizeFromPath(ctx: ScenarioContext, fallbackMb = 2): number {
  const m = /^\/(\d{1,3})mb(?:\/|$)/.exec(ctx.path)
  return (m ? Number(m[1]) : fallbackMb) * MB
}

/** One long unbroken run of characters (no spaces: the worst case for line breaking). */
export function filler(size: number): string {
  return 'A'.repeat(size)
}

/** A 401 whose JSON `message` is megabytes long (`/huge-401-json/2mb` or `/huge-401-json/20mb`). */
export function handle(ctx: ScenarioContext): void {
  const size = sizeFromPath(ctx)
  let body = bodies.get(size)
  if (!body) {
    body = Buffer.from(JSON.stringify({ error_code: 40101, message: filler(size) }))
    bodies.set(size, body)
  }
  ctx.res.writeHead(401, { 'content-type': 'application/json', 'content-length': body.length }).end(body)
}
