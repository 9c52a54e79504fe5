import type { AuthScheme } from '../../api/types.ts'

/**
 * The connection form, checked and normalised in one place. Connecting and rebuilding the active connection's
 * client both go through here, so the settings a connection was detected with are the ones it keeps using.
 */

/** The form fields a connection is built from (the stored form has these and more). */
export interface ConnectionInput {
  endpoint: string
  apiKey: string
  useProxy: boolean
  authScheme: AuthScheme
  /** IBM Event Streams: the Admin REST API base URL; '' for none. */
  adminEndpoint: string
}

/** The input as a client uses it: trimmed, no trailing slash, no empty admin URL. */
export interface NormalisedConnection {
  endpoint: string
  apiKey: string
  useProxy: boolean
  authScheme: AuthScheme
  adminEndpoint?: string
}

/** Why the form cannot be used, said for the field that needs fixing. */
export interface ConnectionProblem {
  field: 'endpoint' | 'apiKey' | 'adminEndpoint'
  message: string
  hint: string
}

export type CheckedConnection =
  { ok: true; settings: NormalisedConnection } | { ok: false; problem: ConnectionProblem }

function normaliseUrl(raw: string): string {
  return raw.trim().replace(/\/+$/, '')
}

export function normaliseConnection(input: ConnectionInput): NormalisedConnection {
  const adminEndpoint = normaliseUrl(input.adminEndpoint)
  return {
    endpoint: normaliseUrl(input.endpoint),
    apiKey: input.apiKey.trim(),
    useProxy: input.useProxy,
    authScheme: input.authScheme,
    ...(adminEndpoint ? { adminEndpoint } : {}),
  }
}

function urlProblem(
  field: 'endpoint' | 'adminEndpoint',
  raw: string,
  normalised: string,
): ConnectionProblem | null {
  const what = field === 'endpoint' ? 'endpoint' : 'admin endpoint'
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
      hint: 'Remove user:password@ from the URL and put the key in the API key field.',
    }
  }
  return null
}

/** The first problem with the input, checked after normalising (surrounding blanks are not a problem). */
export function connectionProblem(input: ConnectionInput): ConnectionProblem | null {
  const settings = normaliseConnection(input)
  const endpoint = urlProblem('endpoint', input.endpoint, settings.endpoint)
  if (endpoint) return endpoint
  if (/[\r\n]/.test(settings.apiKey)) {
    return {
      field: 'apiKey',
      message: 'The API key contains a line break.',
      hint: 'Paste the key alone, on one line.',
    }
  }
  if (settings.adminEndpoint !== undefined) {
    return urlProblem('adminEndpoint', input.adminEndpoint, settings.adminEndpoint)
  }
  return null
}

/** Checks and normalises in one call: the settings to connect with, or what to fix first. */
export function checkConnection(input: ConnectionInput): CheckedConnection {
  const problem = connectionProblem(input)
  return problem ? { ok: false, problem } : { ok: true, settings: normaliseConnection(input) }
}
