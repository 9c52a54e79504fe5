import type { ScenarioContext } from '../server.ts'

/** Declares a 300 MB JSON answer (over the console's 256 MB default limit) and starts sending it slowly. */
export function handle(ctx: ScenarioContext): void {
  ctx.res.writeHead(200, { 'content-type': 'application/json', 'content-length': 300 * 1024 * 1024 })
  ctx.res.write('{"data":[')
  const timer = setInterval(() => ctx.res.write('"x",'.repeat(256)), 100)
  const stop = () => clearInterval(timer)
  ctx.res.on('close', stop)
  setTimeout(() => {
    stop()
    ctx.res.destroy()
  }, 30_000)
}
