import type { MiddlewareHandler } from 'hono'
import { checkHost, checkSameOrigin } from './guards.ts'
import { proxyErrorResponse } from './proxy-error.ts'

export { serverHostnames } from './guards.ts'

/** Hono middleware: refuses a foreign Host header (DNS rebinding). Applies to every route. */
export function hostGuard(options: { hostnames: ReadonlySet<string> }): MiddlewareHandler {
  return async (c, next) => {
    const failure = checkHost(c.req.header('host'), options.hostnames)
    if (failure) return proxyErrorResponse(failure.status, failure.kind, failure.message)
    await next()
  }
}

/** Hono middleware: refuses cross-site requests to the API routes. */
export function sameOriginGuard(): MiddlewareHandler {
  return async (c, next) => {
    const failure = checkSameOrigin(
      c.req.header('origin'),
      c.req.header('sec-fetch-site'),
      c.req.header('host'),
    )
    if (failure) return proxyErrorResponse(failure.status, failure.kind, failure.message)
    await next()
  }
}
