import type { AuthScheme } from '../../api/types.ts'
import {
  ACCEPTED_FORMATS,
  readAivenService,
  readConfluentKeyFile,
  readUserUrl,
  type BasicAuthFound,
  type FormatResult,
} from './credential-formats.ts'
import { findRegistry, type RegistryCredentials } from './registry-credentials.ts'

/**
 * Reads pasted service credentials: IBM Cloud VCAP_SERVICES (any service entry whose credentials hold
 * `kafka_rest_url` + `api_key` — Message Hub classic — or `kafka_http_url` + `apikey` — today's Event Streams),
 * a single service entry, or a bare credentials object; Confluent Cloud's API key file; an Aiven service JSON; or a
 * `user:password@host` URL (see credential-formats.ts). A Schema Registry anywhere in it (see
 * registry-credentials.ts) comes along, or alone.
 */
export type ParsedCredentials =
  | {
      /** The REST base URL; absent when the format names none (a Confluent Cloud key file without it). */
      endpoint?: string
      /** The secret: API key, or the Basic password. */
      apiKey: string
      authScheme: AuthScheme
      /** Basic user:password: the user name. */
      username?: string
      /** Today's Event Streams keys: the Admin REST API URL. */
      adminEndpoint?: string
      kind: 'message-hub' | 'event-streams' | 'confluent-cloud' | 'aiven' | 'url'
      /** Where in the pasted text it was found, e.g. `messagehub[0]`. */
      source: string
      /** Something the user should know, e.g. that a URL was derived. */
      note?: string
      registry?: RegistryCredentials
    }
  | { kind: 'registry'; source: string; registry: RegistryCredentials; note?: string }

export type CredentialsResult = { ok: true; credentials: ParsedCredentials } | { ok: false; error: string }

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined
}

type KafkaCredentials = Exclude<ParsedCredentials, { kind: 'registry' }>

function fromCredentials(c: Record<string, unknown>, source: string): KafkaCredentials | null {
  const restUrl = str(c.kafka_rest_url)
  const apiKey = str(c.api_key)
  if (restUrl && apiKey)
    return { endpoint: restUrl, apiKey, authScheme: 'x-auth-token', kind: 'message-hub', source }
  const httpUrl = str(c.kafka_http_url)
  const newKey = str(c.apikey) ?? apiKey
  if (httpUrl && newKey) {
    return {
      endpoint: httpUrl,
      apiKey: newKey,
      // Today's REST producer and admin APIs take the key as Bearer (X-Auth-Token is deprecated there).
      authScheme: 'bearer',
      ...(str(c.kafka_admin_url) ? { adminEndpoint: str(c.kafka_admin_url) } : {}),
      kind: 'event-streams',
      source,
    }
  }
  return null
}

function search(value: unknown, path: string, depth: number): KafkaCredentials | null {
  if (depth > 6) return null
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = search(value[i], `${path}[${i}]`, depth + 1)
      if (found) return found
    }
    return null
  }
  if (!isRecord(value)) return null
  const direct = fromCredentials(value, path || 'credentials')
  if (direct) return direct
  if (isRecord(value.credentials)) {
    const nested = fromCredentials(value.credentials, path || 'credentials')
    if (nested) return nested
  }
  for (const [key, child] of Object.entries(value)) {
    const found = search(child, path ? `${path}.${key}` : key, depth + 1)
    if (found) return found
  }
  return null
}

const UNKNOWN = `Not a credentials format the console reads. Accepted: ${ACCEPTED_FORMATS.join('; ')}.`

function fromBasic(found: BasicAuthFound, kind: 'confluent-cloud' | 'aiven' | 'url'): ParsedCredentials {
  if (found.registryOnly) {
    // A Schema Registry key (Confluent Cloud resource lsrc-…): it fills the registry's auth; the URL is typed.
    return {
      kind: 'registry',
      source: found.source,
      note: found.endpoint ? undefined : 'enter the Schema Registry URL',
      registry: { url: found.endpoint ?? '', auth: 'basic', user: found.username, secret: found.password },
    }
  }
  return {
    kind,
    ...(found.endpoint ? { endpoint: found.endpoint } : {}),
    apiKey: found.password,
    authScheme: 'basic',
    username: found.username,
    source: found.source,
    ...(found.note ? { note: found.note } : {}),
  }
}

function settle(result: FormatResult, kind: 'confluent-cloud' | 'aiven' | 'url'): CredentialsResult | null {
  if (!result) return null
  return result.ok ? { ok: true, credentials: fromBasic(result.found, kind) } : result
}

export function parseCredentials(text: string): CredentialsResult {
  const trimmed = text.trim()
  if (!trimmed) return { ok: false, error: 'Nothing was pasted.' }
  if (trimmed.length > 1_000_000)
    return { ok: false, error: 'That is too long to be credentials (over 1 MB).' }
  if (!/^[[{]/.test(trimmed)) {
    return (
      settle(readConfluentKeyFile(trimmed), 'confluent-cloud') ??
      settle(readUserUrl(trimmed), 'url') ?? { ok: false, error: UNKNOWN }
    )
  }
  let json: unknown
  try {
    json = JSON.parse(trimmed)
  } catch (e) {
    const position = /position (\d+)/.exec(String((e as Error).message))?.[1]
    return {
      ok: false,
      error: `That is not valid JSON${position ? ` (problem at character ${Number(position) + 1})` : ''}. Paste the whole credentials object or VCAP_SERVICES.`,
    }
  }
  const registry = findRegistry(json)
  if (registry && !registry.ok) return { ok: false, error: registry.error }
  const found = search(json, '', 0)
  if (found) {
    try {
      const u = new URL(found.endpoint ?? '')
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme')
    } catch {
      return {
        ok: false,
        error: `The credentials name "${String(found.endpoint).slice(0, 200)}" as the REST URL, which is not an http(s) URL.`,
      }
    }
    if (!registry) return { ok: true, credentials: found }
    // Event Streams' registry takes the same API key (Basic token:<apikey>) when the credentials name no other.
    const reg =
      found.kind === 'event-streams' && registry.credentials.auth === 'none'
        ? { ...registry.credentials, auth: 'basic-token' as const, secret: found.apiKey }
        : registry.credentials
    return { ok: true, credentials: { ...found, registry: reg } }
  }
  const aiven = readAivenService(json)
  if (aiven) {
    if (!aiven.ok) return aiven
    const credentials = fromBasic(aiven.found, 'aiven')
    return {
      ok: true,
      credentials: registry ? { ...credentials, registry: registry.credentials } : credentials,
    }
  }
  if (registry) {
    return {
      ok: true,
      credentials: { kind: 'registry', source: registry.source, registry: registry.credentials },
    }
  }
  return { ok: false, error: UNKNOWN }
}
