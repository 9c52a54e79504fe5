import type { ScenarioContext } from '../server.ts'

/** Promises 100,000 bytes of JSON, sends 5,000, and closes the connection. */
export function handle(ctx: ScenarioContext): void {
  const part = Buffer.from(`{"data":[${'"x",'.repeat(1250)}`.slice(0, 5000))
  ctx.res.writeHead(200, { 'content-type': 'application/json', 'content-length': 100_000 })
  ctx.res.write(part, () => setTimeout(() => ctx.res.socket?.destroy(), 50))
}
