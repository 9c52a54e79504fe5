import { networkInterfaces, hostname as osHostname } from 'node:os'
import type { MiddlewareHandler } from 'hono'
import { proxyErrorResponse } from './proxy-error.ts'

/**
 * Names the server answers to. A request whose Host is anything else is a DNS-rebinding attempt:
 * a hostile page resolved its own name to our address to read our responses as same-origin.
 */
export function serverHostnames(bindHost: string, extra: readonly string[] = []): Set<string> {
  const names = new Set<string>(['localhost', '127.0.0.1', '[::1]'])
  const add = (h: string) => names.add(normalizeHostname(h))
  add(bindHost)
  for (const h of extra) add(h)
  if (bindHost === '0.0.0.0' || bindHost === '::' || bindHost === '[::]') {
    // Bound to every interface: its own addresses and machine name are legitimate Hosts too.
    add(osHostname())
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) add(info.address)
    }
  }
  return names
}

function normalizeHostname(host: string): string {
  const h = host.trim().toLowerCase()
  if (h.includes(':') && !h.startsWith('[')) return `[${h}]`
  return h
}

/** Splits a Host header into its hostname (IPv6 in brackets) and port. */
export function parseHostHeader(value: string | undefined): { hostname: string; port: string } | null {
  if (!value) return null
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value.trim())
  if (!m) return null
  return { hostname: m[1].toLowerCase(), port: m[2] ?? '' }
}

export interface GuardOptions {
  hostnames: ReadonlySet<string>
}

/** Refuses requests with a foreign Host header (DNS rebinding). Applies to every route. */
export function hostGuard(options: GuardOptions): MiddlewareHandler {
  return async (c, next) => {
    const host = parseHostHeader(c.req.header('host'))
    if (!host || !options.hostnames.has(host.hostname)) {
      return proxyErrorResponse(
        403,
        'forbidden_host',
        `Requests for host "${(c.req.header('host') ?? '').slice(0, 100)}" are refused: this server only answers to ${[...options.hostnames].slice(0, 4).join(', ')}. If you reach it through another name, start it with --allowed-host <name>.`,
      )
    }
    await next()
  }
}

/**
 * Refuses cross-site requests to the API routes: another site's page must not drive the proxy with
 * the user's browser. Same-origin fetches either send no Origin (GET) or exactly our own origin.
 */
export function sameOriginGuard(): MiddlewareHandler {
  return async (c, next) => {
    const site = c.req.header('sec-fetch-site')
    if (site === 'cross-site') {
      return proxyErrorResponse(403, 'cross_site', 'Cross-site requests to the console server are refused.')
    }
    const origin = c.req.header('origin')
    if (origin !== undefined) {
      const host = c.req.header('host') ?? ''
      let ok: boolean
      try {
        const o = new URL(origin)
        ok = origin !== 'null' && o.host.toLowerCase() === host.toLowerCase()
      } catch {
        ok = false
      }
      if (!ok) {
        return proxyErrorResponse(
          403,
          'cross_site',
          `Requests from origin ${origin.slice(0, 100)} are refused: only the console's own pages may use this server.`,
        )
      }
    }
    await next()
  }
}
