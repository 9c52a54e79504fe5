import type { RegistryAuthKind } from '../connection/connection-input.ts'

/** A Schema Registry found in pasted credentials. */
export interface RegistryCredentials {
  url: string
  auth: RegistryAuthKind
  user: string
  /** The password (Basic) or token (Bearer); '' for none. */
  secret: string
}

export type RegistryFound =
  { ok: true; credentials: RegistryCredentials; source: string } | { ok: false; error: string }

/**
 * The shapes registries are handed out in, compared without case or separators (`schema_registry_url`,
 * `schemaRegistryUrl`, `schema.registry.url`, `SCHEMA_REGISTRY_URL` are one key):
 * - a URL key: `schema_registry_url`, Aiven's `schema_registry_uri` (user:password inside the URL);
 * - its credentials beside it: `schema_registry_user`/`_username` + `_password`, Confluent Cloud's
 *   `schema_registry_api_key` + `_api_secret`, the client property `basic.auth.user.info` ("user:password"),
 *   or a `schema_registry_token`;
 * - or an object `schema_registry: { url | uri | endpoint, user | username | key | api_key, password | secret | api_secret }`.
 */
const URL_KEYS = new Set(['schemaregistryurl', 'schemaregistryuri', 'schemaregistryendpoint'])
const OBJECT_KEYS = new Set(['schemaregistry'])
const USER_KEYS = [
  'schemaregistryuser',
  'schemaregistryusername',
  'schemaregistryapikey',
  'schemaregistrykey',
]
const PASSWORD_KEYS = ['schemaregistrypassword', 'schemaregistryapisecret', 'schemaregistrysecret']
const TOKEN_KEYS = ['schemaregistrytoken', 'schemaregistrybearertoken']
const USER_INFO_KEYS = ['basicauthuserinfo', 'schemaregistrybasicauthuserinfo']
const INNER_URL = ['url', 'uri', 'endpoint']
const INNER_USER = ['user', 'username', 'key', 'apikey']
const INNER_PASSWORD = ['password', 'secret', 'apisecret']
const INNER_TOKEN = ['token', 'bearertoken']
/** The walk is bounded: pasted text is untrusted and may be large. */
const MAX_DEPTH = 6
const MAX_NODES = 10_000

const norm = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '')

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function pick(fields: Map<string, string>, keys: readonly string[]): string {
  for (const k of keys) {
    const v = fields.get(k)
    if (v) return v
  }
  return ''
}

function stringFields(o: Record<string, unknown>): Map<string, string> {
  const m = new Map<string, string>()
  for (const [k, v] of Object.entries(o)) if (typeof v === 'string' && v.trim()) m.set(norm(k), v.trim())
  return m
}

function build(rawUrl: string, user: string, password: string, token: string, source: string): RegistryFound {
  let url: URL
  try {
    url = new URL(rawUrl)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme')
  } catch {
    return {
      ok: false,
      error: `The credentials name "${rawUrl.slice(0, 200)}" as the Schema Registry URL, which is not an http(s) URL.`,
    }
  }
  // Aiven hands out https://avnadmin:<password>@host:port: the credentials move to Basic auth.
  let inUrlUser: string
  let inUrlPassword: string
  try {
    inUrlUser = decodeURIComponent(url.username)
    inUrlPassword = decodeURIComponent(url.password)
  } catch {
    return {
      ok: false,
      error: 'The Schema Registry URL holds a user or password that is not valid percent-encoding.',
    }
  }
  url.username = ''
  url.password = ''
  const finalUser = user || inUrlUser
  const finalPassword = password || inUrlPassword
  const clean = url.href.replace(/\/+$/, '')
  const credentials: RegistryCredentials =
    finalUser || finalPassword
      ? { url: clean, auth: 'basic', user: finalUser, secret: finalPassword }
      : token
        ? { url: clean, auth: 'bearer', user: '', secret: token }
        : { url: clean, auth: 'none', user: '', secret: '' }
  return { ok: true, credentials, source }
}

function fromObject(o: Record<string, unknown>, path: string): RegistryFound | null {
  const fields = stringFields(o)
  for (const [key, value] of Object.entries(o)) {
    const k = norm(key)
    if (URL_KEYS.has(k) && typeof value === 'string' && value.trim()) {
      const info = pick(fields, USER_INFO_KEYS)
      const colon = info.indexOf(':')
      const user = pick(fields, USER_KEYS) || (colon > 0 ? info.slice(0, colon) : '')
      const password = pick(fields, PASSWORD_KEYS) || (colon > 0 ? info.slice(colon + 1) : '')
      return build(value.trim(), user, password, pick(fields, TOKEN_KEYS), path || 'credentials')
    }
    if (OBJECT_KEYS.has(k) && isRecord(value)) {
      const inner = stringFields(value)
      const url = pick(inner, INNER_URL)
      if (url) {
        const where = path ? `${path}.${key}` : key
        return build(
          url,
          pick(inner, INNER_USER),
          pick(inner, INNER_PASSWORD),
          pick(inner, INNER_TOKEN),
          where,
        )
      }
    }
  }
  return null
}

/** The first Schema Registry in pasted JSON (breadth-first, so a top-level entry wins), or null. */
export function findRegistry(json: unknown): RegistryFound | null {
  const queue: Array<{ value: unknown; path: string; depth: number }> = [{ value: json, path: '', depth: 0 }]
  for (let n = 0; n < queue.length && n < MAX_NODES; n++) {
    const { value, path, depth } = queue[n]
    if (depth > MAX_DEPTH) continue
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length && queue.length < MAX_NODES; i++)
        queue.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 })
      continue
    }
    if (!isRecord(value)) continue
    const found = fromObject(value, path)
    if (found) return found
    for (const [k, v] of Object.entries(value)) {
      if (queue.length >= MAX_NODES) break
      if (typeof v === 'object' && v !== null)
        queue.push({ value: v, path: path ? `${path}.${k}` : k, depth: depth + 1 })
    }
  }
  return null
}
