/**
 * Media types and content negotiation, modelled on Jersey as used by Confluent REST Proxy:
 * the client's q wins first, then the server's qs weight, then declaration order
 * (docs/protocols.md §2).
 */
export const V1_JSON = 'application/vnd.kafka.v1+json'
export const V1_BINARY = 'application/vnd.kafka.binary.v1+json'
export const V1_JSON_FORMAT = 'application/vnd.kafka.json.v1+json'
export const V1_AVRO = 'application/vnd.kafka.avro.v1+json'
export const V2_JSON = 'application/vnd.kafka.v2+json'
export const V2_BINARY = 'application/vnd.kafka.binary.v2+json'
export const V2_JSON_FORMAT = 'application/vnd.kafka.json.v2+json'
export const KAFKA_DEFAULT = 'application/vnd.kafka+json'
export const JSON_TYPE = 'application/json'
export const GENERIC_REQUEST = 'application/octet-stream'

export type Offer = readonly [type: string, qs: number]

interface AcceptRange {
  type: string
  subtype: string
  q: number
  specificity: number
}

function parseAccept(header: string): AcceptRange[] {
  const ranges: AcceptRange[] = []
  for (const part of header.split(',')) {
    const [mediaRaw, ...params] = part.split(';')
    const media = mediaRaw.trim().toLowerCase()
    if (media === '') continue
    const slash = media.indexOf('/')
    if (slash <= 0 || slash === media.length - 1) continue
    const type = media.slice(0, slash)
    const subtype = media.slice(slash + 1)
    let q = 1
    for (const param of params) {
      const eq = param.indexOf('=')
      if (eq < 0) continue
      if (param.slice(0, eq).trim().toLowerCase() !== 'q') continue
      const value = Number(param.slice(eq + 1).trim())
      q = Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0
    }
    const specificity = type === '*' ? 0 : subtype === '*' ? 1 : 2
    ranges.push({ type, subtype, q, specificity })
  }
  return ranges
}

/** Quality the client gives a concrete type: that of the most specific range matching it. */
function clientQuality(ranges: AcceptRange[], offer: string): number {
  const [type, subtype] = offer.split('/')
  let best: AcceptRange | null = null
  for (const range of ranges) {
    const matches =
      (range.type === '*' || range.type === type) && (range.subtype === '*' || range.subtype === subtype)
    if (matches && (best === null || range.specificity > best.specificity)) best = range
  }
  return best === null ? 0 : best.q
}

/** Picks the response type; null means 406. A missing or empty Accept header means any type. */
export function negotiate(accept: string | undefined, offers: readonly Offer[]): string | null {
  if (offers.length === 0) return null
  const ranges = accept === undefined || accept.trim() === '' ? [] : parseAccept(accept)
  if (ranges.length === 0) {
    if (accept !== undefined && accept.trim() !== '') return null
    return bestByQs(offers)
  }
  let chosen: string | null = null
  let chosenQ = 0
  let chosenQs = -1
  for (const [type, qs] of offers) {
    const q = clientQuality(ranges, type)
    if (q <= 0) continue
    if (q > chosenQ || (q === chosenQ && qs > chosenQs)) {
      chosen = type
      chosenQ = q
      chosenQs = qs
    }
  }
  return chosen
}

function bestByQs(offers: readonly Offer[]): string {
  let [chosen, chosenQs] = offers[0]
  for (const [type, qs] of offers) {
    if (qs > chosenQs) {
      chosen = type
      chosenQs = qs
    }
  }
  return chosen
}

export interface ContentType {
  /** Lower-cased `type/subtype`, or null when the header is absent. */
  mediaType: string | null
  charset: string | null
}

export function parseContentType(header: string | undefined): ContentType {
  if (header === undefined || header.trim() === '') return { mediaType: null, charset: null }
  const [media, ...params] = header.split(';')
  let charset: string | null = null
  for (const param of params) {
    const eq = param.indexOf('=')
    if (eq < 0) continue
    if (param.slice(0, eq).trim().toLowerCase() === 'charset') {
      charset = param
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1')
    }
  }
  return { mediaType: media.trim().toLowerCase(), charset }
}
