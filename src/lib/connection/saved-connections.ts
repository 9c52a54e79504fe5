import type { AuthScheme, DialectId } from '../../api/types.ts'
import type { RegistryAuthKind } from './connection-input.ts'

/**
 * Saved connections: everything needed to reconnect except the secrets. They live in localStorage (shared by every
 * tab, kept on disk), so nothing here may ever hold an API key, password or token; the export and import carry the
 * same fields, and an import that looks like it holds a secret is refused whole.
 */

export const ENVIRONMENTS = ['development', 'test', 'staging', 'production'] as const
export type EnvironmentTag = (typeof ENVIRONMENTS)[number]

const DIALECTS = [
  'auto',
  'confluent-v1',
  'confluent-v2',
  'confluent-v3',
  'strimzi',
  'karapace',
  'redpanda',
  'ibm-event-streams',
] as const satisfies ReadonlyArray<'auto' | DialectId>
const AUTH_SCHEMES = [
  'x-auth-token',
  'bearer',
  'basic',
  'basic-token',
  'none',
] as const satisfies readonly AuthScheme[]
const REGISTRY_AUTHS = [
  'none',
  'basic',
  'bearer',
  'x-auth-token',
  'basic-token',
] as const satisfies readonly RegistryAuthKind[]

/** The non-secret fields of the connection form, as saved. */
export interface ConnectionProfileFields {
  endpoint: string
  dialect: 'auto' | DialectId
  useProxy: boolean
  authScheme: AuthScheme
  username: string
  adminEndpoint: string
  registryUrl: string
  registryAuth: RegistryAuthKind
  registryUser: string
}

export interface SavedConnection extends ConnectionProfileFields {
  id: string
  name: string
  environment: EnvironmentTag
  createdAt: number
  /** When it was last filled into the form or connected with: the picker lists the most recent first. */
  lastUsedAt: number
}

export const MAX_SAVED_CONNECTIONS = 200
export const MAX_NAME_LENGTH = 80
/** An import larger than this is not a connections export. */
export const MAX_IMPORT_CHARS = 1_000_000
export const EXPORT_FORMAT = 'kafka-rest-console/connections'

/** Only the non-secret fields, picked one by one: a new form field never reaches localStorage by accident. */
export function profileFields(form: ConnectionProfileFields): ConnectionProfileFields {
  return {
    endpoint: form.endpoint.trim(),
    dialect: form.dialect,
    useProxy: form.useProxy,
    authScheme: form.authScheme,
    username: form.authScheme === 'basic' ? form.username.trim() : '',
    adminEndpoint: form.adminEndpoint.trim(),
    registryUrl: form.registryUrl.trim(),
    registryAuth: form.registryUrl.trim() ? form.registryAuth : 'none',
    registryUser: form.registryUrl.trim() && form.registryAuth === 'basic' ? form.registryUser.trim() : '',
  }
}

/** A name for a new connection: the endpoint's host, else the endpoint as typed. */
export function suggestName(endpoint: string): string {
  try {
    return new URL(endpoint.trim()).host || endpoint.trim()
  } catch {
    return endpoint.trim().slice(0, MAX_NAME_LENGTH)
  }
}

/** Why a name cannot be used, or null. Names are unique without case, so the picker never shows two alike. */
export function nameProblem(name: string, others: SavedConnection[], selfId?: string): string | null {
  const n = name.trim()
  if (!n) return 'Enter a name for the connection.'
  if (n.length > MAX_NAME_LENGTH) return `Names are at most ${MAX_NAME_LENGTH} characters.`
  const clash = others.find((c) => c.id !== selfId && c.name.toLowerCase() === n.toLowerCase())
  return clash ? `A connection named "${clash.name}" exists already: choose another name.` : null
}

/** Most recently used first; ties by name. */
export function byRecentUse(list: readonly SavedConnection[]): SavedConnection[] {
  return [...list].sort((a, b) => b.lastUsedAt - a.lastUsedAt || a.name.localeCompare(b.name))
}

/** The connection saved for this form's endpoint and settings, if any (so the header can name it). */
export function findSaved(
  list: readonly SavedConnection[],
  form: ConnectionProfileFields,
): SavedConnection | undefined {
  const f = profileFields(form)
  const norm = (u: string) => u.replace(/\/+$/, '')
  return byRecentUse(list).find(
    (c) =>
      norm(c.endpoint) === norm(f.endpoint) && c.authScheme === f.authScheme && c.username === f.username,
  )
}

/** The export file: the saved fields only (never a secret), pretty-printed so it diffs well in a repository. */
export function exportConnections(list: readonly SavedConnection[]): string {
  return `${JSON.stringify(
    {
      format: EXPORT_FORMAT,
      version: 1,
      connections: byRecentUse(list).map((c) => ({
        name: c.name,
        environment: c.environment,
        ...profileFields(c),
      })),
    },
    null,
    2,
  )}\n`
}

/** Keys that name a secret, compared without case or separators (`api_key`, `apiKey`, `API-KEY` are one). */
const SECRET_KEY = /(password|passwd|pwd|secret|apikey|token|credential|privatekey|bearer|authorization)/

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The path of the first key that looks like a secret, or of a URL carrying user:password; null when clean. */
export function secretLookingField(
  value: unknown,
  path = '',
  depth = 0,
  budget = { nodes: 0 },
): string | null {
  if (depth > 8 || ++budget.nodes > 50_000) return null
  if (typeof value === 'string') {
    return /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]*@/i.test(value.trim()) ? path || '(value)' : null
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = secretLookingField(value[i], `${path}[${i}]`, depth + 1, budget)
      if (found) return found
    }
    return null
  }
  if (!isRecord(value)) return null
  for (const [k, v] of Object.entries(value)) {
    const here = path ? `${path}.${k}` : k
    // authScheme / registryAuth name how a secret is sent, not the secret: their values are checked as enums.
    if (SECRET_KEY.test(k.toLowerCase().replace(/[^a-z0-9]/g, ''))) return here
    const found = secretLookingField(v, here, depth + 1, budget)
    if (found) return found
  }
  return null
}

export type ImportResult =
  | { ok: true; connections: Array<Omit<SavedConnection, 'id' | 'createdAt' | 'lastUsedAt'>> }
  | { ok: false; error: string }

function httpUrl(v: unknown, optional: boolean): string | null {
  if (typeof v !== 'string') return optional && v === undefined ? '' : null
  const t = v.trim()
  if (!t) return optional ? '' : null
  try {
    const u = new URL(t)
    return u.protocol === 'http:' || u.protocol === 'https:' ? t : null
  } catch {
    return null
  }
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T | undefined): T | null {
  if (v === undefined && fallback !== undefined) return fallback
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : null
}

function text(v: unknown): string | null {
  if (v === undefined) return ''
  return typeof v === 'string' && v.length <= 500 && !/[\r\n:]/.test(v) ? v.trim() : null
}

/**
 * Reads an export (ours, or a bare array of connections). All or nothing: one bad entry refuses the file, saying
 * which entry and field, and a file holding anything that looks like a secret is refused without reading further.
 */
export function parseConnectionsImport(raw: string): ImportResult {
  if (raw.length > MAX_IMPORT_CHARS)
    return { ok: false, error: 'The file is too large to be a connections export (over 1 MB).' }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return { ok: false, error: 'The file is not JSON. Choose a file written by Export connections.' }
  }
  const secret = secretLookingField(json)
  if (secret) {
    return {
      ok: false,
      error: `Refused: "${secret}" looks like a secret (a password, key or token, or a URL with user:password). Connections are imported without secrets: remove it and import again.`,
    }
  }
  const list = Array.isArray(json) ? json : isRecord(json) ? json.connections : undefined
  if (!Array.isArray(list))
    return {
      ok: false,
      error: 'No connections found: expected {"connections": [...]} as Export connections writes.',
    }
  if (list.length === 0) return { ok: false, error: 'The file holds no connections.' }
  if (list.length > MAX_SAVED_CONNECTIONS)
    return {
      ok: false,
      error: `The file holds ${list.length} connections; at most ${MAX_SAVED_CONNECTIONS} can be saved.`,
    }
  const out: Array<Omit<SavedConnection, 'id' | 'createdAt' | 'lastUsedAt'>> = []
  const names = new Set<string>()
  for (let i = 0; i < list.length; i++) {
    const c: unknown = list[i]
    const where = `Connection ${i + 1}`
    if (!isRecord(c)) return { ok: false, error: `${where} is not an object.` }
    const name = typeof c.name === 'string' ? c.name.trim() : ''
    if (!name || name.length > MAX_NAME_LENGTH)
      return { ok: false, error: `${where} needs a name of 1 to ${MAX_NAME_LENGTH} characters.` }
    const label = `${where} ("${name}")`
    if (names.has(name.toLowerCase()))
      return { ok: false, error: `${label}: the name is used twice in the file.` }
    names.add(name.toLowerCase())
    const endpoint = httpUrl(c.endpoint, false)
    if (endpoint === null) return { ok: false, error: `${label}: "endpoint" must be an http(s) URL.` }
    const adminEndpoint = httpUrl(c.adminEndpoint, true)
    if (adminEndpoint === null)
      return { ok: false, error: `${label}: "adminEndpoint" must be an http(s) URL.` }
    const registryUrl = httpUrl(c.registryUrl, true)
    if (registryUrl === null) return { ok: false, error: `${label}: "registryUrl" must be an http(s) URL.` }
    const environment = oneOf(c.environment, ENVIRONMENTS, 'development')
    if (!environment)
      return { ok: false, error: `${label}: "environment" must be one of ${ENVIRONMENTS.join(', ')}.` }
    const dialect = oneOf(c.dialect, DIALECTS, 'auto')
    if (!dialect) return { ok: false, error: `${label}: "dialect" must be one of ${DIALECTS.join(', ')}.` }
    const authScheme = oneOf(c.authScheme, AUTH_SCHEMES, 'x-auth-token')
    if (!authScheme)
      return { ok: false, error: `${label}: "authScheme" must be one of ${AUTH_SCHEMES.join(', ')}.` }
    const registryAuth = oneOf(c.registryAuth, REGISTRY_AUTHS, 'none')
    if (!registryAuth)
      return { ok: false, error: `${label}: "registryAuth" must be one of ${REGISTRY_AUTHS.join(', ')}.` }
    if (c.useProxy !== undefined && typeof c.useProxy !== 'boolean')
      return { ok: false, error: `${label}: "useProxy" must be true or false.` }
    const username = text(c.username)
    const registryUser = text(c.registryUser)
    if (username === null || registryUser === null)
      return { ok: false, error: `${label}: a user name must be text on one line, without ":".` }
    out.push({
      name,
      environment,
      ...profileFields({
        endpoint,
        dialect,
        useProxy: c.useProxy ?? true,
        authScheme,
        username,
        adminEndpoint,
        registryUrl,
        registryAuth,
        registryUser,
      }),
    })
  }
  return { ok: true, connections: out }
}
