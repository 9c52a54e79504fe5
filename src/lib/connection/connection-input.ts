import type { RegistryAuth } from '../../api/registry/registry-types.ts'
import type { AuthScheme } from '../../api/types.ts'

/**
 * The connection form, checked and normalised in one place. Connecting and rebuilding the active connection's
 * client both go through here, so the settings a connection was detected with are the ones it keeps using.
 */

/** The form fields a connection is built from (the stored form has these and more). */
export interface ConnectionInput {
  endpoint: string
  apiKey: string
  /** Basic user:password: the user name ('' or absent otherwise). */
  username?: string
  useProxy: boolean
  authScheme: AuthScheme
  /** IBM Event Streams: the Admin REST API base URL; '' for none. */
  adminEndpoint: string
  /** The Schema Registry base URL; '' (or absent) for none. */
  registryUrl?: string
  registryAuth?: RegistryAuthKind
  /** Basic auth: the user name (Confluent Cloud: the registry API key). */
  registryUser?: string
  /** Basic auth: the password (Confluent Cloud: the API secret); Bearer: the token. */
  registrySecret?: string
}

export type RegistryAuthKind = RegistryAuth['kind']

/** The registry as a client uses it. */
export interface RegistryConnection {
  url: string
  auth: RegistryAuth
}

/** The input as a client uses it: trimmed, no trailing slash, no empty admin URL. */
export interface NormalisedConnection {
  endpoint: string
  apiKey: string
  useProxy: boolean
  authScheme: AuthScheme
  /** Only with Basic user:password. */
  authUser?: string
  adminEndpoint?: string
  /** Only when a Schema Registry URL was given. */
  registry?: RegistryConnection
}

/** Why the form cannot be used, said for the field that needs fixing. */
export interface ConnectionProblem {
  field:
    'endpoint' | 'apiKey' | 'username' | 'adminEndpoint' | 'registryUrl' | 'registryUser' | 'registrySecret'
  message: string
  hint: string
}

export type CheckedConnection =
  { ok: true; settings: NormalisedConnection } | { ok: false; problem: ConnectionProblem }

function normaliseUrl(raw: string): string {
  return raw.trim().replace(/\/+$/, '')
}

function normaliseRegistry(input: ConnectionInput): RegistryConnection | null {
  const url = normaliseUrl(input.registryUrl ?? '')
  if (!url) return null
  // A user name is a label, kept as typed but for surrounding blanks; so is a secret (pasted with a newline).
  const user = (input.registryUser ?? '').trim()
  const secret = (input.registrySecret ?? '').trim()
  const kind = input.registryAuth ?? 'none'
  switch (kind) {
    case 'basic':
      return { url, auth: { kind: 'basic', user, password: secret } }
    case 'bearer':
    case 'x-auth-token':
    case 'basic-token':
      return { url, auth: { kind, token: secret } }
    default:
      return { url, auth: { kind: 'none' } }
  }
}

export function normaliseConnection(input: ConnectionInput): NormalisedConnection {
  const adminEndpoint = normaliseUrl(input.adminEndpoint)
  const registry = normaliseRegistry(input)
  return {
    endpoint: normaliseUrl(input.endpoint),
    apiKey: input.apiKey.trim(),
    useProxy: input.useProxy,
    authScheme: input.authScheme,
    ...(input.authScheme === 'basic' ? { authUser: (input.username ?? '').trim() } : {}),
    ...(adminEndpoint ? { adminEndpoint } : {}),
    ...(registry ? { registry } : {}),
  }
}

const URL_WHAT = { endpoint: 'endpoint', adminEndpoint: 'admin endpoint', registryUrl: 'Schema Registry' }

function urlProblem(
  field: 'endpoint' | 'adminEndpoint' | 'registryUrl',
  raw: string,
  normalised: string,
): ConnectionProblem | null {
  const what = URL_WHAT[field]
  let url: URL
  try {
    url = new URL(normalised)
  } catch {
    return {
      field,
      message: `"${raw}" is not a URL.`,
      hint: `Enter the full ${what} URL, e.g. https://kafka-rest.example.com:443 or http://127.0.0.1:8082.`,
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { field, message: `The ${what} must be an http or https URL.`, hint: 'Use http:// or https://.' }
  }
  if (url.username || url.password) {
    return {
      field,
      message: `The ${what} URL contains credentials.`,
      hint:
        field === 'registryUrl'
          ? 'Remove user:password@ from the URL and choose Basic auth with that user and password.'
          : 'Remove user:password@ from the URL and put the key in the API key field.',
    }
  }
  return null
}

function registryProblem(input: ConnectionInput, registry: RegistryConnection): ConnectionProblem | null {
  const url = urlProblem('registryUrl', input.registryUrl ?? '', registry.url)
  if (url) return url
  const { auth } = registry
  if (auth.kind === 'basic' && auth.user.includes(':')) {
    return {
      field: 'registryUser',
      message: 'The Schema Registry user name contains a colon.',
      hint: 'Basic auth cannot send a user name with ":" (it separates user and password). Check what was pasted.',
    }
  }
  if (auth.kind === 'basic' && /[\r\n]/.test(auth.user)) {
    return {
      field: 'registryUser',
      message: 'The Schema Registry user name contains a line break.',
      hint: 'Enter the user name alone, on one line.',
    }
  }
  const secret = auth.kind === 'basic' ? auth.password : auth.kind === 'none' ? '' : auth.token
  if (/[\r\n]/.test(secret)) {
    return {
      field: 'registrySecret',
      message: `The Schema Registry ${auth.kind === 'basic' ? 'password' : 'token'} contains a line break.`,
      hint: 'Paste it alone, on one line.',
    }
  }
  return null
}

/** The first problem with the input, checked after normalising (surrounding blanks are not a problem). */
export function connectionProblem(input: ConnectionInput): ConnectionProblem | null {
  const settings = normaliseConnection(input)
  const endpoint = urlProblem('endpoint', input.endpoint, settings.endpoint)
  if (endpoint) return endpoint
  const secretName = settings.authScheme === 'basic' ? 'password' : 'API key'
  if (/[\r\n]/.test(settings.apiKey)) {
    return {
      field: 'apiKey',
      message: `The ${secretName} contains a line break.`,
      hint: `Paste the ${secretName} alone, on one line.`,
    }
  }
  if (settings.authScheme === 'basic') {
    const user = settings.authUser ?? ''
    if (!user) {
      return {
        field: 'username',
        message: 'Basic auth needs a username.',
        hint: 'Enter the username (Confluent Cloud: the API key; Aiven: avnadmin), or choose another auth scheme.',
      }
    }
    if (user.includes(':') || /[\r\n]/.test(user)) {
      return {
        field: 'username',
        message: `The username contains ${user.includes(':') ? 'a colon' : 'a line break'}.`,
        hint: 'Basic auth cannot send a username with ":" or a line break (":" separates user and password). Check what was pasted.',
      }
    }
  }
  if (settings.adminEndpoint !== undefined) {
    const admin = urlProblem('adminEndpoint', input.adminEndpoint, settings.adminEndpoint)
    if (admin) return admin
  }
  return settings.registry ? registryProblem(input, settings.registry) : null
}

/** Checks and normalises in one call: the settings to connect with, or what to fix first. */
export function checkConnection(input: ConnectionInput): CheckedConnection {
  const problem = connectionProblem(input)
  return problem ? { ok: false, problem } : { ok: true, settings: normaliseConnection(input) }
}
