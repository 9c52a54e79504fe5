import type { RequestLogEntry } from './transport.ts'

/** Quotes for a POSIX shell: single quotes, with embedded single quotes closed, escaped and reopened. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

export interface CurlOptions {
  /** The real key, only when the user explicitly asks to include it; otherwise `$API_KEY` is written. */
  apiKey?: string
  /** Basic user:password: the user name, written with the key when it is included. */
  user?: string
}

/**
 * The request as a curl command QA can paste into a bug report. It targets the endpoint directly (not our
 * proxy), and writes the key as `$API_KEY` unless the user opted in to include it.
 */
export function toCurl(
  entry: Pick<RequestLogEntry, 'method' | 'url' | 'headers' | 'authHeader' | 'body' | 'service'>,
  options: CurlOptions = {},
): string {
  const parts = ['curl']
  if (entry.method !== 'GET') parts.push('-X', entry.method)
  parts.push(shellQuote(entry.url))
  for (const h of entry.headers) parts.push('-H', shellQuote(`${h.name}: ${h.value}`))
  if (entry.authHeader) {
    const { name, scheme } = entry.authHeader
    if (options.apiKey !== undefined && scheme === 'basic') {
      parts.push('-u', shellQuote(`${options.user ?? ''}:${options.apiKey}`))
    } else if (options.apiKey !== undefined) {
      const value =
        scheme === 'bearer'
          ? `Bearer ${options.apiKey}`
          : scheme === 'basic-token'
            ? `Basic ${btoa(`token:${options.apiKey}`)}`
            : options.apiKey
      parts.push('-H', shellQuote(`${name}: ${value}`))
    } else {
      // Double quotes so the shell expands the variable; nothing else in the value needs quoting.
      const registry = entry.service === 'registry'
      // Basic user:password: the user (Confluent Cloud's API key) is $API_KEY and the password $API_SECRET.
      const key = registry ? '$REGISTRY_SECRET' : scheme === 'basic' ? '$API_SECRET' : '$API_KEY'
      const user = registry ? '$REGISTRY_USER' : '$API_KEY'
      const value =
        scheme === 'bearer'
          ? `Bearer ${key}`
          : scheme === 'basic-token'
            ? `Basic $(printf token:%s "${key}" | base64)`
            : scheme === 'basic'
              ? `Basic $(printf %s "${user}:${key}" | base64)`
              : key
      parts.push('-H', `"${name}: ${value}"`)
    }
  }
  if (entry.body) {
    if (entry.body.text !== null) parts.push('--data-binary', shellQuote(entry.body.text))
    else
      parts.push(
        '--data-binary',
        `@body.bin  # ${entry.body.size} bytes of ${entry.body.binary ? 'binary ' : ''}body, not included`,
      )
  }
  return parts.join(' ')
}
