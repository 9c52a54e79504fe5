import { networkInterfaces, hostname as osHostname } from 'node:os'

export interface GuardFailure {
  status: 403
  kind: 'forbidden_host' | 'cross_site'
  message: string
}

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

/** Refuses a foreign Host header (DNS rebinding). */
export function checkHost(
  hostHeader: string | undefined,
  hostnames: ReadonlySet<string>,
): GuardFailure | null {
  const host = parseHostHeader(hostHeader)
  if (host && hostnames.has(host.hostname)) return null
  return {
    status: 403,
    kind: 'forbidden_host',
    message: `Requests for host "${(hostHeader ?? '').slice(0, 100)}" are refused: this server only answers to ${[...hostnames].slice(0, 4).join(', ')}. If you reach it through another name, start it with --allowed-host <name>.`,
  }
}

/**
 * Refuses cross-site requests: another site's page must not drive the proxy with the user's browser.
 * Same-origin fetches send either no Origin (GET) or exactly our own origin.
 */
export function checkSameOrigin(
  origin: string | undefined,
  secFetchSite: string | undefined,
  hostHeader: string | undefined,
): GuardFailure | null {
  if (secFetchSite === 'cross-site') {
    return {
      status: 403,
      kind: 'cross_site',
      message: 'Cross-site requests to the console server are refused.',
    }
  }
  if (origin === undefined) return null
  let ok: boolean
  try {
    ok = origin !== 'null' && new URL(origin).host.toLowerCase() === (hostHeader ?? '').toLowerCase()
  } catch {
    ok = false
  }
  return ok
    ? null
    : {
        status: 403,
        kind: 'cross_site',
        message: `Requests from origin ${origin.slice(0, 100)} are refused: only the console's own pages may use this server.`,
      }
}
