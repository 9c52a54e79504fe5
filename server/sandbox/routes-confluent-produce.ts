/**
 * Confluent v1/v2 produce (docs/protocols.md §4, §5): `POST /topics/{t}` and
 * `POST /topics/{t}/partitions/{p}` with the binary or json embedded format.
 */
import { RestError, badRequest, partitionNotFound, unsupportedMediaType, validationError } from './errors.ts'
import {
  GENERIC_REQUEST,
  JSON_TYPE,
  KAFKA_DEFAULT,
  V1_BINARY,
  V1_JSON,
  V1_JSON_FORMAT,
  V2_BINARY,
  V2_JSON,
  V2_JSON_FORMAT,
  negotiate,
  parseContentType,
} from './media-types.ts'
import {
  parseIntegerParam,
  parseJsonBody,
  readBody,
  sendJson,
  type RequestContext,
  type Router,
} from './http-kit.ts'
import { decodeBase64 } from './base64.ts'
import { StorageError, type NewRecord } from './log-store.ts'
import type { ConsumerDialect, EmbeddedFormat } from './consumer-groups.ts'
import { requireInteger, requireObject, type ConfluentKit } from './confluent-kit.ts'
import { RECORD_TOO_LARGE, maxMessageBytes, singleRecordBatchSize } from './topic-limits.ts'

export function registerConfluentProduceRoutes(router: Router, kit: ConfluentKit): void {
  const { state, v1, v2, accept, metadataOffers } = kit

  /** Request Content-Type → embedded format and dialect; 415 for anything else. */
  const produceFormat = (ctx: RequestContext): { format: EmbeddedFormat; dialect: ConsumerDialect } => {
    const { mediaType } = parseContentType(ctx.req.headers['content-type'])
    if (mediaType === null) return { format: 'binary', dialect: v1 ? 'v1' : 'v2' }
    if (v1) {
      if ([V1_BINARY, V1_JSON, KAFKA_DEFAULT, JSON_TYPE, GENERIC_REQUEST].includes(mediaType))
        return { format: 'binary', dialect: 'v1' }
      if (mediaType === V1_JSON_FORMAT) return { format: 'json', dialect: 'v1' }
    }
    if (v2) {
      if (mediaType === V2_BINARY || mediaType === V2_JSON) return { format: 'binary', dialect: 'v2' }
      if (mediaType === V2_JSON_FORMAT) return { format: 'json', dialect: 'v2' }
    }
    throw unsupportedMediaType()
  }

  /** Invalid base64: 422/422 in v1 and in v2 up to CP 6.1; 400/400 on CP ≥ 6.2 (v2-only mode). */
  const base64Failure =
    (dialect: ConsumerDialect) =>
    (what: 'key' | 'value', data: string): RestError =>
      dialect === 'v2' && !v1
        ? badRequest(
            `Bad Request: data="${data.length > 40 ? `${data.slice(0, 40)}…` : data}" is not a valid base64 string.`,
          )
        : validationError(`Record ${what} contains invalid base64 encoding`)

  const produce = async (ctx: RequestContext, partitionUrl: boolean): Promise<void> => {
    // Jersey rejects the request type (415) before the response type (406).
    const negotiated = negotiate(ctx.req.headers.accept, metadataOffers)
    if (negotiated !== null) ctx.errorContentType = negotiated
    const { format, dialect } = produceFormat(ctx)
    // Equal weights: the request's own API version answers when Accept does not decide.
    const type = accept(ctx, dialect === 'v2' ? [...metadataOffers].reverse() : metadataOffers)
    const body = parseJsonBody(await readBody(ctx.req, ctx.maxBodyBytes))
    const records = validateProduceBody(body, format, partitionUrl, base64Failure(dialect))

    const topic = state.store.getTopic(ctx.params.topic)
    let urlPartition: number | null = null
    if (partitionUrl) {
      const p = parseIntegerParam(ctx.params.partition, 'partition')
      // Confluent checks the partition only when the topic exists (PartitionsResource.produce).
      if (topic !== undefined && (p < 0 || p >= topic.partitions.length)) throw partitionNotFound()
      urlPartition = p
    }
    const offsets: Array<Record<string, unknown>> = new Array(records.length)
    if (topic === undefined) {
      // No pre-check in Confluent's code: the producer times out on metadata (retriable, 50003).
      const error = `Topic ${ctx.params.topic} not present in metadata after 60000 ms.`
      offsets.fill({ partition: null, offset: null, error_code: 50003, error })
    } else {
      const limit = maxMessageBytes(topic.configs)
      const accepted: NewRecord[] = []
      const acceptedIndex: number[] = []
      records.forEach((r, i) => {
        const p = urlPartition ?? r.partition
        if (p !== null && p >= topic.partitions.length) {
          offsets[i] = {
            partition: null,
            offset: null,
            error_code: 50002,
            error: `Invalid partition given with record: ${p} is not in the range [0...${topic.partitions.length}).`,
          }
          return
        }
        if (singleRecordBatchSize(r.key, r.value) > limit) {
          // The broker's RecordTooLargeException: not retriable, so Confluent reports 50002.
          offsets[i] = { partition: null, offset: null, error_code: 50002, error: RECORD_TOO_LARGE }
          return
        }
        accepted.push({ key: r.key, value: r.value, partition: p })
        acceptedIndex.push(i)
      })
      try {
        const results = state.store.append(topic, accepted)
        results.forEach((res, j) => {
          offsets[acceptedIndex[j]] = {
            partition: res.partition,
            offset: res.offset,
            error_code: null,
            error: null,
          }
        })
      } catch (err) {
        if (!(err instanceof StorageError)) throw err
        state.log(`produce to ${topic.name} failed: ${err.message}`)
        for (const i of acceptedIndex) {
          offsets[i] = {
            partition: null,
            offset: null,
            error_code: 50003,
            error: `Disk error: ${err.message}`,
          }
        }
      }
    }
    sendJson(ctx, 200, { offsets, key_schema_id: null, value_schema_id: null }, type)
  }

  router.add('POST', '/topics/:topic', (ctx) => produce(ctx, false))
  router.add('POST', '/topics/:topic/partitions/:partition', (ctx) => produce(ctx, true))
}

// ---- body validation ------------------------------------------------------------------------

interface ParsedProduceRecord {
  key: Buffer | null
  value: Buffer | null
  partition: number | null
}

const PRODUCE_FIELDS = ['records', 'key_schema', 'key_schema_id', 'value_schema', 'value_schema_id']

function validateProduceBody(
  body: unknown,
  format: EmbeddedFormat,
  partitionUrl: boolean,
  base64Failure: (what: 'key' | 'value', data: string) => RestError,
): ParsedProduceRecord[] {
  if (body === undefined || body === null) throw validationError('request may not be null')
  const o = requireObject(body, 'request', PRODUCE_FIELDS)
  if (o.records === undefined || o.records === null) throw validationError('records may not be empty')
  if (!Array.isArray(o.records)) throw badRequest('records must be a JSON array')
  if (o.records.length === 0) throw validationError('records may not be empty')
  const recordFields = partitionUrl ? ['key', 'value'] : ['key', 'value', 'partition']
  return o.records.map((r: unknown, i: number) => {
    const rec = requireObject(r, `records[${i}]`, recordFields)
    let partition: number | null = null
    if (rec.partition !== undefined && rec.partition !== null) {
      partition = requireInteger(rec.partition, `records[${i}].partition`)
      if (partition < 0) {
        throw validationError(
          `Invalid partition: ${partition}. Partition number should always be non-negative or null.`,
        )
      }
    }
    return {
      key: embeddedData(rec.key, 'key', format, base64Failure),
      value: embeddedData(rec.value, 'value', format, base64Failure),
      partition,
    }
  })
}

function embeddedData(
  data: unknown,
  what: 'key' | 'value',
  format: EmbeddedFormat,
  base64Failure: (what: 'key' | 'value', data: string) => RestError,
): Buffer | null {
  if (data === undefined || data === null) return null
  if (format === 'json') return Buffer.from(JSON.stringify(data), 'utf8')
  if (typeof data === 'object')
    throw badRequest(
      `Record ${what} must be a base64 string, not a JSON ${Array.isArray(data) ? 'array' : 'object'}`,
    )
  // Jackson coerces scalars to String for a String field; base64 decoding then decides.
  const text = String(data)
  const decoded = decodeBase64(text)
  if (decoded === null) throw base64Failure(what, text)
  return decoded
}
