import type { ScenarioContext } from '../server.ts'
import { filler, sizeFromPath } from './huge-401-json.ts'

const bodies = new Map<number, Buffer>()

/** A gateway's 502 HTML page megabytes long, with a title (`/huge-html/20mb`). */
export function handle(ctx: ScenarioContext): void {
  const size = sizeFromPath(ctx)
  let body = bodies.get(size)
  if (!body) {
    body = Buffer.from(
      `<!doctype html><html><head><title>Bad Gateway (hostile)</title></head><body><p>${filler(size)}</p></body></html>`,
    )
    bodies.set(size, body)
  }
  ctx.res.writeHead(502, { 'content-type': 'text/html', 'content-length': body.length }).end(body)
}
