import type { ScenarioContext } from '../server.ts'

export const REDIRECT_TARGET = 'https://kafka-rest.elsewhere.example/v3/moved'

/** Every request is redirected to another host (the proxy must not follow, and the console must say where). */
export function handle(ctx: ScenarioContext): void {
  ctx.res
    .writeHead(302, { location: REDIRECT_TARGET, 'content-type': 'text/plain' })
    .end(`Found. Redirecting to ${REDIRECT_TARGET}`)
}
