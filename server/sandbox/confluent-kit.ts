/**
 * What the Confluent v1/v2 route modules share: the media-type offers, response negotiation,
 * topic/partition/instance lookups, body validation in Jackson's manner, and record rendering.
 */
import {
  NotAcceptableError,
  RestError,
  badRequest,
  consumerInstanceNotFound,
  partitionNotFound,
  topicNotFound,
  validationError,
} from './errors.ts'
import {
  JSON_TYPE,
  KAFKA_DEFAULT,
  V1_AVRO,
  V1_BINARY,
  V1_JSON,
  V1_JSON_FORMAT,
  V2_BINARY,
  V2_JSON,
  V2_JSON_FORMAT,
  negotiate,
  type Offer,
} from './media-types.ts'
import { isPlainObject, parseIntegerParam, type RequestContext } from './http-kit.ts'
import { encodeBase64 } from './base64.ts'
import type { StoredRecord, Topic } from './log-store.ts'
import type { ConsumerFormat, ConsumerInstance, FetchedRecord, TopicPartition } from './consumer-groups.ts'
import type { SandboxState } from './sandbox-state.ts'

export const V1_METADATA: Offer[] = [
  [V1_JSON, 0.9],
  [KAFKA_DEFAULT, 0.8],
  [JSON_TYPE, 0.5],
]
export const V2_METADATA: Offer[] = [[V2_JSON, 0.9]]
export const V1_DATA: Offer[] = [
  [V1_BINARY, 1],
  [V1_JSON, 0.9],
  [KAFKA_DEFAULT, 0.8],
  [JSON_TYPE, 0.5],
  [V1_JSON_FORMAT, 0.1],
  [V1_AVRO, 0.1],
]
export const V2_DATA: Offer[] = [
  [V2_BINARY, 0.1],
  [V2_JSON_FORMAT, 0.1],
  ['application/vnd.kafka.avro.v2+json', 0.1],
  ['application/vnd.kafka.jsonschema.v2+json', 0.1],
  ['application/vnd.kafka.protobuf.v2+json', 0.1],
  [V2_JSON, 0.09],
]
export const V1_CONSUMER_CREATE: Offer[] = [
  ...V1_METADATA,
  [V1_BINARY, 0.1],
  [V1_JSON_FORMAT, 0.1],
  [V1_AVRO, 0.1],
]

export const MAX_FETCH_RECORDS = 100_000

export const isV2 = (type: string): boolean => type.includes('.v2+')

/** Per-server helpers bound to the enabled APIs. */
export interface ConfluentKit {
  state: SandboxState
  v1: boolean
  v2: boolean
  /** The v1 and/or v2 metadata types, by the enabled APIs. */
  metadataOffers: Offer[]
  /** Negotiates the response type; errors from here on carry it (Confluent §1.2). */
  accept(ctx: RequestContext, offers: Offer[]): string
  requireTopic(name: string): Topic
  /** Jersey turns an unparsable int path segment into 404; a number outside the topic is 40402. */
  requirePartition(topic: Topic, raw: string): number
  /** Finds an instance of either dialect (DELETE exists in both APIs under the same path). */
  anyInstance(ctx: RequestContext): ConsumerInstance
}

export function confluentKit(state: SandboxState): ConfluentKit {
  const v1 = state.apis.has('v1')
  const v2 = state.apis.has('v2')
  return {
    state,
    v1,
    v2,
    metadataOffers: [...(v1 ? V1_METADATA : []), ...(v2 ? V2_METADATA : [])],
    accept(ctx, offers) {
      const type = negotiate(ctx.req.headers.accept, offers)
      if (type === null) throw new NotAcceptableError()
      ctx.errorContentType = type
      return type
    },
    requireTopic(name) {
      const topic = state.store.getTopic(name)
      if (topic === undefined) throw topicNotFound()
      return topic
    },
    requirePartition(topic, raw) {
      const p = parseIntegerParam(raw, 'partition')
      if (p < 0 || p >= topic.partitions.length) throw partitionNotFound()
      return p
    },
    anyInstance(ctx) {
      for (const d of ['v2', 'v1'] as const) {
        try {
          return state.consumers.get(ctx.params.group, ctx.params.instance, d)
        } catch {
          // try the other dialect
        }
      }
      throw consumerInstanceNotFound()
    },
  }
}

// ---- records out --------------------------------------------------------------------------

export function isWildcardAccept(header: string | undefined): boolean {
  if (header === undefined) return true
  const parts = header.split(',').map((p) => p.split(';')[0].trim())
  return parts.every((p) => p === '' || p === '*/*')
}

/** The embedded format an Accept/Content-Type names (`vnd.kafka.<fmt>.v<n>+json`); binary when it names none. */
export function dataFormatOfType(type: string): ConsumerFormat {
  const m = /^application\/vnd\.kafka\.(json|avro|jsonschema|protobuf)\.v\d\+json$/.exec(type)
  return m === null ? 'binary' : (m[1] as ConsumerFormat)
}

/** Writes records with the embedded format: base64 for binary, parsed JSON for json. */
export function sendRecords(
  ctx: RequestContext,
  type: string,
  records: FetchedRecord[],
  format: ConsumerFormat,
  withTopic: boolean,
): void {
  const parts: string[] = new Array(records.length)
  for (let i = 0; i < records.length; i++) {
    const { topic, partition, record } = records[i]
    const key = renderData(record, 'key', format)
    const value = renderData(record, 'value', format)
    parts[i] =
      (withTopic ? `{"topic":${JSON.stringify(topic)},` : '{') +
      `"key":${key},"value":${value},"partition":${partition},"offset":${record.offset}}`
  }
  const text = `[${parts.join(',')}]`
  const { res } = ctx
  if (res.headersSent || res.destroyed) return
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

function renderData(record: StoredRecord, which: 'key' | 'value', format: ConsumerFormat): string {
  const data = record[which]
  if (data === null || (data.length === 0 && format !== 'binary' && format !== 'json')) return 'null'
  if (format === 'json') {
    try {
      return JSON.stringify(JSON.parse(data.toString('utf8')))
    } catch {
      throw new RestError(
        422,
        42203,
        `Conversion of JSON to Object failed: record ${which} at offset ${record.offset} is not valid JSON`,
      )
    }
  }
  if (format !== 'binary') throw schemaDeserializationError(data, which, format, record.offset)
  return `"${encodeBase64(data)}"`
}

/**
 * Reading an avro/jsonschema/protobuf consumer: every non-empty key or value needs the schema registry the
 * sandbox does not have, so the read fails as Karapace's does on data it cannot deserialize (422/422, key
 * checked before value). Empty data reads as null there, so it passes here too.
 */
function schemaDeserializationError(data: Buffer, which: 'key' | 'value', format: string, offset: number) {
  const cause =
    data.length >= 5 && data[0] === 0
      ? `schema id ${data.readUInt32BE(1)} cannot be looked up: the sandbox has no schema registry`
      : 'the bytes do not start with a schema registry header (magic byte 0 and a 4-byte schema id)'
  return new RestError(
    422,
    422,
    `${which} deserialization error for format ${format}: ${cause} (offset ${offset})`,
  )
}

// ---- body validation ------------------------------------------------------------------------

/** Unknown fields are rejected as Jackson does in rest-utils: 422 `Unrecognized field: <name>`. */
export function requireObject(value: unknown, what: string, allowed: string[]): Record<string, unknown> {
  if (!isPlainObject(value)) throw badRequest(`${what} must be a JSON object`)
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw validationError(`Unrecognized field: ${key}`)
  }
  return value
}

export function requireArrayField(body: unknown, field: string, allowed: string[]): unknown[] {
  if (body === undefined || body === null) throw validationError(`${field} may not be null`)
  const o = requireObject(body, 'request', allowed)
  const list = o[field]
  if (list === undefined || list === null) throw validationError(`${field} may not be null`)
  if (!Array.isArray(list)) throw badRequest(`${field} must be a JSON array`)
  return list
}

export function requireInteger(value: unknown, what: string): number {
  // Jackson accepts numeric strings for int/long fields.
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw badRequest(`${what} must be an integer`)
  return n
}

export function topicPartitionOf(o: Record<string, unknown>, what: string): TopicPartition {
  if (typeof o.topic !== 'string' || o.topic === '') throw validationError(`${what}.topic may not be empty`)
  const partition = requireInteger(o.partition, `${what}.partition`)
  if (partition < 0) throw validationError(`${what}.partition must not be negative`)
  return { topic: o.topic, partition }
}
