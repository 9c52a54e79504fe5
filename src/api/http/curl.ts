import type { RequestLogEntry } from './transport.ts'

/** Quotes for a POSIX shell: single quotes, with embedded single quotes closed, escaped and reopened. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

export interface CurlOptions {
  /** The real key, only when the user explicitly asks to include it; otherwise `$API_KEY` is written. */
  apiKey?: string
}

/**
 * The request as a curl command QA can paste into a bug report. It targets the endpoint directly (not our
 * proxy), and writes the key as `$API_KEY` unless the user opted in to include it.
 */
export function toCurl(
  entry: Pick<RequestLogEntry, 'method' | 'url' | 'headers' | 'authHeader' | 'body'>,
  options: CurlOptions = {},
): string {
  const parts = ['curl']
  if (entry.method !== 'GET') parts.push('-X', entry.method)
  parts.push(shellQuote(entry.url))
  for (const h of entry.headers) parts.push('-H', shellQuote(`${h.name}: ${h.value}`))
  if (entry.authHeader) {
    const { name, scheme } = entry.authHeader
    if (options.apiKey !== undefined) {
      const value =
        scheme === 'bearer'
          ? `Bearer ${options.apiKey}`
          : scheme === 'basic-token'
            ? `Basic ${btoa(`token:${options.apiKey}`)}`
            : options.apiKey
      parts.push('-H', shellQuote(`${name}: ${value}`))
    } else {
      // Double quotes so the shell expands the variable; nothing else in the value needs quoting.
      const value =
        scheme === 'bearer'
          ? 'Bearer $API_KEY'
          : scheme === 'basic-token'
            ? 'Basic $(printf token:%s "$API_KEY" | base64)'
            : '$API_KEY'
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
