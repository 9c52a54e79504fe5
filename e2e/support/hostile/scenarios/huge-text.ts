import type { ScenarioContext } from '../server.ts'
import { filler, sizeFromPath } from './huge-401-json.ts'

const bodies = new Map<number, Buffer>()

/** A 500 with a text/plain body megabytes long, one unbroken line (`/huge-text/20mb`). */
export function handle(ctx: ScenarioContext): void {
  const size = sizeFromPath(ctx)
  let body = bodies.get(size)
  if (!body) {
    body = Buffer.from(filler(size))
    bodies.set(size, body)
  }
  ctx.res.writeHead(500, { 'content-type': 'text/plain', 'content-length': body.length }).end(body)
}
