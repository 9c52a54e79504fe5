import type { RegistryCredentials } from './registry-credentials.ts'

/**
 * Credential formats that are not IBM's VCAP JSON: Confluent Cloud's API key text file, Aiven's service JSON and a
 * plain `user:password@host` URL. Each reader returns null when the text is not its format, or an error when it is
 * but something is wrong with it (said for that format).
 */

export interface BasicAuthFound {
  /** The REST endpoint, without the user:password; absent when the format does not name one. */
  endpoint?: string
  username: string
  password: string
  source: string
  note?: string
  /** A Confluent Cloud key file for a Schema Registry (resource lsrc-…) fills the registry's auth only. */
  registryOnly?: boolean
  registry?: RegistryCredentials
}

export type FormatResult = { ok: true; found: BasicAuthFound } | { ok: false; error: string } | null

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Splits user:password out of an http(s) URL; a bare `user:password@host[:port]` is taken as https. */
export function splitUrlCredentials(
  raw: string,
): { ok: true; url: string; user: string; password: string } | { ok: false; error: string } | null {
  let text = raw.trim()
  if (/\s/.test(text)) return null
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    if (!/^[^@/:]+:[^@/]*@[^@/]+/.test(text)) return null
    text = `https://${text}`
  }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return {
      ok: false,
      error: `"${raw.slice(0, 80)}" looks like a URL with a user, but it is not a valid URL.`,
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, error: `The URL must be http or https, not ${url.protocol.replace(':', '')}.` }
  if (!url.username) return null
  let user: string
  let password: string
  try {
    user = decodeURIComponent(url.username)
    password = decodeURIComponent(url.password)
  } catch {
    return { ok: false, error: 'The URL holds a user or password that is not valid percent-encoding.' }
  }
  if (!password)
    return { ok: false, error: `The URL names the user "${user}" but no password (user:password@host).` }
  url.username = ''
  url.password = ''
  return { ok: true, url: url.href.replace(/\/+$/, ''), user, password }
}

/** A plain `https://user:password@host:port` (or without the scheme). */
export function readUserUrl(text: string): FormatResult {
  const split = splitUrlCredentials(text)
  if (!split) return null
  if (!split.ok) return split
  return {
    ok: true,
    found: { endpoint: split.url, username: split.user, password: split.password, source: 'URL' },
  }
}

/**
 * Confluent Cloud's downloaded key file:
 * `=== Confluent Cloud API key: lkc-abc123 ===`, then `API key:` and `API secret:` each followed by its value
 * (same line or the next), and sometimes `Bootstrap server:` / `REST endpoint:`.
 */
export function readConfluentKeyFile(text: string): FormatResult {
  if (!/^\s*(===.*confluent|api key\s*:)/im.test(text) || !/api secret\s*:/i.test(text)) return null
  const value = (label: string): string => {
    const m = new RegExp(`^\\s*${label}\\s*:[ \\t]*(\\S*)[ \\t]*(?:\\r?\\n\\s*(\\S+))?`, 'im').exec(text)
    if (!m) return ''
    return m[1] || (m[2] && !m[2].endsWith(':') ? m[2] : '')
  }
  const key = value('api key')
  const secret = value('api secret')
  if (!key || !secret)
    return {
      ok: false,
      error: `The Confluent Cloud key file has no ${key ? 'API secret' : 'API key'} value: paste the whole file as downloaded.`,
    }
  const resource = /confluent cloud api key\s*:\s*(\S+?)\s*=*\s*$/im.exec(text)?.[1] ?? ''
  const rest = value('rest endpoint')
  const bootstrap = value('bootstrap server')
  let endpoint: string | undefined
  let note: string | undefined
  if (rest) {
    if (!/^https?:\/\//i.test(rest))
      return { ok: false, error: `The REST endpoint "${rest}" is not an http(s) URL.` }
    endpoint = rest
  } else if (bootstrap) {
    // The cluster's REST endpoint is its bootstrap host on 443 (https://pkc-….confluent.cloud:443, API v3).
    const host = bootstrap.replace(/^[a-z]+:\/\//i, '').replace(/:\d+$/, '')
    if (!/^[a-z0-9.-]+$/i.test(host))
      return { ok: false, error: `The bootstrap server "${bootstrap}" is not a host name.` }
    endpoint = `https://${host}:443`
    note = 'the REST endpoint was derived from the bootstrap server'
  }
  return {
    ok: true,
    found: {
      endpoint,
      username: key,
      password: secret,
      source: `Confluent Cloud API key${resource ? ` (${resource})` : ''}`,
      note: endpoint ? note : 'the file names no REST endpoint: enter it',
      registryOnly: resource.startsWith('lsrc-'),
    },
  }
}

const norm = (k: string) => k.toLowerCase().replace(/[^a-z0-9]/g, '')

/** The first string under one of these keys, breadth-first (bounded: pasted text is untrusted). */
function findKey(json: unknown, keys: Set<string>): string | null {
  const queue: unknown[] = [json]
  for (let n = 0; n < queue.length && n < 5000; n++) {
    const v = queue[n]
    if (Array.isArray(v)) queue.push(...v.slice(0, 1000))
    else if (isRecord(v)) {
      for (const [k, child] of Object.entries(v)) {
        if (keys.has(norm(k)) && typeof child === 'string' && child.trim()) return child.trim()
        if (typeof child === 'object' && child !== null) queue.push(child)
      }
    }
  }
  return null
}

/**
 * An Aiven service JSON (`avn service get --json`, the console's "connection information"): the Kafka REST URI
 * (`connection_info.kafka_rest_uri`) or an http(s) `service_uri`, each holding avnadmin:<password>.
 */
export function readAivenService(json: unknown): FormatResult {
  if (!isRecord(json)) return null
  const rest = findKey(json, new Set(['kafkaresturi']))
  const service = findKey(json, new Set(['serviceuri']))
  const uri = rest ?? (service && /^https?:\/\//i.test(service) ? service : null)
  if (!uri) return null
  const split = splitUrlCredentials(uri)
  if (!split)
    return { ok: false, error: 'The Aiven service URI holds no user:password: copy the service JSON again.' }
  if (!split.ok) return { ok: false, error: `Aiven service URI: ${split.error}` }
  return {
    ok: true,
    found: {
      endpoint: split.url,
      username: split.user,
      password: split.password,
      source: `Aiven ${rest ? 'kafka_rest_uri' : 'service_uri'}`,
    },
  }
}

export const ACCEPTED_FORMATS = [
  'IBM Event Streams service credentials (kafka_http_url, kafka_admin_url, apikey)',
  'IBM Message Hub VCAP_SERVICES or credentials (kafka_rest_url, api_key)',
  "Confluent Cloud's API key file (API key: / API secret:)",
  'an Aiven service JSON (kafka_rest_uri or service_uri with user and password)',
  'a URL with user and password (https://user:password@host:port)',
  'Schema Registry settings (schema_registry_url, schema.registry.url + basic.auth.user.info)',
]
