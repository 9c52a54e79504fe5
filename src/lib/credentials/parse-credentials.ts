import { findRegistry, type RegistryCredentials } from './registry-credentials.ts'

/**
 * Reads pasted service credentials: IBM Cloud VCAP_SERVICES (any service entry whose credentials hold
 * `kafka_rest_url` + `api_key` — Message Hub classic — or `kafka_http_url` + `apikey` — newer Event Streams),
 * a single service entry, or a bare credentials object. A Schema Registry URL anywhere in it (see
 * registry-credentials.ts) comes along, or alone.
 */
export type ParsedCredentials =
  | {
      endpoint: string
      apiKey: string
      /** Newer Event Streams keys: the Admin REST API URL. */
      adminEndpoint?: string
      kind: 'message-hub' | 'event-streams'
      /** Where in the pasted JSON it was found, e.g. `messagehub[0]`. */
      source: string
      registry?: RegistryCredentials
    }
  | { kind: 'registry'; source: string; registry: RegistryCredentials }

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
  if (restUrl && apiKey) return { endpoint: restUrl, apiKey, kind: 'message-hub', source }
  const httpUrl = str(c.kafka_http_url)
  const newKey = str(c.apikey) ?? apiKey
  if (httpUrl && newKey) {
    return {
      endpoint: httpUrl,
      apiKey: newKey,
      adminEndpoint: str(c.kafka_admin_url),
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

export function parseCredentials(text: string): CredentialsResult {
  const trimmed = text.trim()
  if (!trimmed) return { ok: false, error: 'Nothing was pasted.' }
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
  const found = search(json, '', 0)
  const registry = findRegistry(json)
  if (registry && !registry.ok) return { ok: false, error: registry.error }
  if (!found && registry) {
    return {
      ok: true,
      credentials: { kind: 'registry', source: registry.source, registry: registry.credentials },
    }
  }
  if (found) {
    try {
      const u = new URL(found.endpoint)
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme')
    } catch {
      return {
        ok: false,
        error: `The credentials name "${found.endpoint}" as the REST URL, which is not an http(s) URL.`,
      }
    }
    return { ok: true, credentials: registry ? { ...found, registry: registry.credentials } : found }
  }
  return {
    ok: false,
    error:
      'No Kafka REST credentials found: expected kafka_rest_url and api_key (Message Hub) or kafka_http_url and apikey (Event Streams) in a credentials object, or a Schema Registry URL (schema_registry_url).',
  }
}
