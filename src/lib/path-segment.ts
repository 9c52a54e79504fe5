/**
 * Names from an endpoint (topics, consumer groups, instance ids, cluster ids) and from a deep link are data, not
 * URLs. `encodeURIComponent` throws on an unpaired UTF-16 surrogate and `decodeURIComponent` on malformed
 * percent-encoding; these helpers never throw and say why a name cannot be used instead.
 */
import { codePointLabel } from './bytes/describe-char.ts'

/** Longer names are refused: servers reject such URLs (414) and encoding them would cost time on every render. */
export const MAX_SEGMENT_CHARS = 4096

export type SegmentResult = { ok: true; segment: string } | { ok: false; reason: string }
export type DecodeResult = { ok: true; value: string } | { ok: false; reason: string }

/** Index of the first UTF-16 surrogate without its partner, or -1. Such a string has no UTF-8 form. */
export function unpairedSurrogateAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0xd800 || c > 0xdfff) continue
    if (c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++
      continue
    }
    return i
  }
  return -1
}

/** Why `text` cannot go into a URL at all (path or query), or null. `what` is e.g. "topic name". */
export function urlTextProblem(text: string, what = 'name'): string | null {
  const at = unpairedSurrogateAt(text)
  if (at < 0) return null
  return `This ${what} contains an unpaired UTF-16 surrogate (${codePointLabel(text.charCodeAt(at))}) and cannot be put in a URL.`
}

/**
 * Why `name` cannot be one path segment, or null. '.' and '..' are refused outright: every URL parser on the way
 * (fetch, the proxy, the endpoint) reads them, and their `%2e` spellings, as "this folder" and "the parent
 * folder", so the request would address another resource whatever the encoding.
 */
export function pathSegmentProblem(name: string, what = 'name'): string | null {
  if (name === '') return `An empty ${what} cannot be put in a URL path.`
  // Kafka names have at most 249 characters; a megabyte "name" from a hostile endpoint is not encoded per render.
  if (name.length > MAX_SEGMENT_CHARS) {
    return `This ${what} is ${name.length.toLocaleString('en-US')} characters long, too long for a URL path (at most ${MAX_SEGMENT_CHARS.toLocaleString('en-US')}).`
  }
  if (name === '.' || name === '..') {
    return `A ${what} "${name}" cannot be put in a URL path: URL parsers read "${name}" as ${name === '.' ? 'the current' : 'the parent'} folder, so the request would address something else.`
  }
  return urlTextProblem(name, what)
}

/** One path segment for `name` (every reserved character percent-encoded), or the reason it cannot be one. */
export function encodePathSegment(name: string, what = 'name'): SegmentResult {
  const problem = pathSegmentProblem(name, what)
  return problem ? { ok: false, reason: problem } : { ok: true, segment: encodeURIComponent(name) }
}

/** Decodes one route parameter from a deep link (`#/topics/<param>`); malformed percent-encoding is a reason. */
export function decodeRouteParam(raw: string): DecodeResult {
  try {
    return { ok: true, value: decodeURIComponent(raw) }
  } catch {
    const shown = raw.length > 80 ? `${raw.slice(0, 80)}…` : raw
    return {
      ok: false,
      reason: `"${shown}" is not valid percent-encoding (a "%" must be followed by two hex digits that spell UTF-8).`,
    }
  }
}
