import type { ScenarioContext } from '../server.ts'

/** Starts a chunked JSON answer, then resets the connection (TCP RST) halfway. */
export function handle(ctx: ScenarioContext): void {
  ctx.res.writeHead(200, { 'content-type': 'application/json' })
  ctx.res.write(`{"data":[${'"x",'.repeat(2000)}`, () =>
    setTimeout(() => ctx.res.socket?.resetAndDestroy(), 50),
  )
}
