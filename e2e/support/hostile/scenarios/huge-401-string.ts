import type { ScenarioContext } from '../server.ts'
import { filler, sizeFromPath } from './huge-401-json.ts'

const bodies = new Map<number, Buffer>()

/** A 401 whose body is a bare JSON string megabytes long (`/huge-401-string/20mb`). */
export function handle(ctx: ScenarioContext): void {
  const size = sizeFromPath(ctx)
  let body = bodies.get(size)
  if (!body) {
    body = Buffer.from(JSON.stringify(filler(size)))
    bodies.set(size, body)
  }
  ctx.res.writeHead(401, { 'content-type': 'application/json', 'content-length': body.length }).end(body)
}
