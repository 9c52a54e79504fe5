import { isIP } from 'node:net'

/**
 * Which endpoints the proxy may forward to.
 *
 * Patterns (`--allow-target`, `KRC_ALLOW_TARGETS`): `[scheme://]host[:port]`, where scheme is `http`,
 * `https` or `*` (default: both), host may start with `*.` (any subdomain) or be `*`, and port is a
 * number or `*` (default: the scheme's default port when a scheme is given, any port otherwise).
 * Link-local and cloud metadata addresses are refused whatever the patterns say: they are never a
 * Kafka REST endpoint and are the classic target of server-side request forgery.
 */
export interface TargetPattern {
  source: string
  schemes: ReadonlySet<string>
  host: string
  wildcardSubdomains: boolean
  anyHost: boolean
  port: string | '*'
}

export class TargetPatternError extends Error {}

export function parseTargetPattern(source: string): TargetPattern {
  const text = source.trim()
  const m = /^(?:(\*|https?):\/\/)?(\*|(?:\*\.)?[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\*|\d{1,5}))?\/?$/i.exec(
    text,
  )
  if (!m) {
    throw new TargetPatternError(
      `Invalid target pattern "${source}": expected [http|https|*://]host[:port], e.g. https://*.example.com or http://127.0.0.1:8082`,
    )
  }
  const [, scheme, rawHost, rawPort] = m
  const schemes = new Set(scheme && scheme !== '*' ? [scheme.toLowerCase()] : ['http', 'https'])
  const host = rawHost.toLowerCase()
  const anyHost = host === '*'
  const wildcardSubdomains = host.startsWith('*.')
  let port: string | '*'
  if (rawPort) port = rawPort === '*' ? '*' : String(Number(rawPort))
  else if (scheme && scheme !== '*') port = scheme.toLowerCase() === 'https' ? '443' : '80'
  else port = '*'
  return {
    source: text,
    schemes,
    host: wildcardSubdomains ? host.slice(2) : host,
    wildcardSubdomains,
    anyHost,
    port,
  }
}

/** Splits `KRC_ALLOW_TARGETS` (commas and/or whitespace). */
export function splitPatternList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

function effectivePort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80')
}

export function matchesPattern(url: URL, pattern: TargetPattern): boolean {
  const scheme = url.protocol.replace(/:$/, '')
  if (!pattern.schemes.has(scheme)) return false
  if (pattern.port !== '*' && pattern.port !== effectivePort(url)) return false
  if (pattern.anyHost) return true
  const host = url.hostname.toLowerCase()
  if (pattern.wildcardSubdomains) return host.endsWith('.' + pattern.host)
  return host === pattern.host
}

/** Parses an IPv4 dotted quad into 4 numbers, or null. */
function ipv4Parts(address: string): number[] | null {
  if (isIP(address) !== 4) return null
  return address.split('.').map(Number)
}

/** Expands an IPv6 address to 8 16-bit groups (handles `::` and an embedded IPv4 tail). */
function ipv6Groups(address: string): number[] | null {
  let text = address.replace(/^\[|\]$/g, '').toLowerCase()
  const zone = text.indexOf('%')
  if (zone >= 0) text = text.slice(0, zone)
  if (isIP(text) !== 6) return null
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (tail) {
    const p = ipv4Parts(tail[1])!
    text =
      text.slice(0, -tail[1].length) +
      ((p[0] << 8) | p[1]).toString(16) +
      ':' +
      ((p[2] << 8) | p[3]).toString(16)
  }
  const [head, rest] = text.split('::')
  const headGroups = head ? head.split(':') : []
  const restGroups = rest !== undefined && rest !== '' ? rest.split(':') : []
  const fill = rest === undefined ? 0 : 8 - headGroups.length - restGroups.length
  const groups = [...headGroups, ...Array(fill).fill('0'), ...restGroups].map((g) => parseInt(g, 16))
  return groups.length === 8 ? groups : null
}

/**
 * True for addresses the proxy must never reach: IPv4 link-local 169.254.0.0/16 (incl. the
 * 169.254.169.254 metadata service), IPv6 link-local fe80::/10, Alibaba's 100.100.100.200, AWS's IPv6
 * metadata fd00:ec2::254, the unspecified addresses, and IPv4-mapped forms of those.
 */
export function isBlockedAddress(address: string): boolean {
  const v4 = ipv4Parts(address)
  if (v4) {
    if (v4[0] === 169 && v4[1] === 254) return true
    if (address === '100.100.100.200') return true
    if (address === '0.0.0.0') return true
    return false
  }
  const g = ipv6Groups(address)
  if (!g) return false
  if ((g[0] & 0xffc0) === 0xfe80) return true
  if (g.every((x) => x === 0)) return true
  if (
    g[0] === 0xfd00 &&
    g[1] === 0x0ec2 &&
    g[2] === 0 &&
    g[3] === 0 &&
    g[4] === 0 &&
    g[5] === 0 &&
    g[6] === 0 &&
    g[7] === 0x254
  )
    return true
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible forms carry an IPv4 address in the last 32 bits.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) {
    const mapped = `${g[6] >> 8}.${g[6] & 0xff}.${g[7] >> 8}.${g[7] & 0xff}`
    return isBlockedAddress(mapped)
  }
  return false
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  if (h === 'localhost' || h.endsWith('.localhost')) return true
  const v4 = ipv4Parts(h)
  if (v4) return v4[0] === 127
  const g = ipv6Groups(h)
  return !!g && g.slice(0, 7).every((x) => x === 0) && g[7] === 1
}

export type TargetDecision =
  { ok: true; url: URL } | { ok: false; status: 400 | 403; kind: string; message: string }

export class TargetPolicy {
  readonly patterns: readonly TargetPattern[]

  constructor(patterns: readonly string[]) {
    this.patterns = patterns.map(parseTargetPattern)
  }

  get hasAllowlist(): boolean {
    return this.patterns.length > 0
  }

  /** Validates the endpoint base URL the SPA sent in `X-Kafka-Rest-Endpoint`. */
  check(endpoint: string | undefined | null): TargetDecision {
    if (!endpoint) {
      return {
        ok: false,
        status: 400,
        kind: 'bad_endpoint',
        message: 'Missing X-Kafka-Rest-Endpoint header: the proxy needs the endpoint base URL to forward to.',
      }
    }
    let url: URL
    try {
      if (/[\r\n\0]/.test(endpoint)) throw new Error('control characters')
      url = new URL(endpoint)
    } catch {
      return {
        ok: false,
        status: 400,
        kind: 'bad_endpoint',
        message: `"${endpoint.slice(0, 200).replace(/[\r\n\0]/g, ' ')}" is not a valid URL. Enter a full URL such as https://kafka-rest.example.com:443.`,
      }
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return {
        ok: false,
        status: 400,
        kind: 'bad_endpoint',
        message: `Only http and https endpoints can be proxied, not ${url.protocol.replace(/:$/, '')}.`,
      }
    }
    if (url.username || url.password) {
      return {
        ok: false,
        status: 400,
        kind: 'bad_endpoint',
        message:
          'The endpoint URL contains credentials; remove them from the URL and enter the key in the API key field.',
      }
    }
    if (isBlockedAddress(url.hostname)) {
      return {
        ok: false,
        status: 403,
        kind: 'target_not_allowed',
        message: `${url.host} is a link-local or cloud metadata address; the proxy never forwards there.`,
      }
    }
    if (this.hasAllowlist && !this.patterns.some((p) => matchesPattern(url, p))) {
      return {
        ok: false,
        status: 403,
        kind: 'target_not_allowed',
        message: `${url.origin} is not in the proxy's allowed targets. Start the server with --allow-target ${url.origin} (or add it to KRC_ALLOW_TARGETS).`,
      }
    }
    return { ok: true, url }
  }
}
