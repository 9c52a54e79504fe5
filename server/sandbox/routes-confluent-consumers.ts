/**
 * Confluent v1/v2 consumer instances (docs/protocols.md §4, §5): create, delete and
 * commit offsets. Reading records is in routes-confluent-records.ts, the v2 subscription,
 * assignment and position routes in routes-confluent-v2-consumer.ts.
 */
import { RestError, badRequest, invalidConsumerConfig, unsupportedMediaType } from './errors.ts'
import {
  GENERIC_REQUEST,
  JSON_TYPE,
  KAFKA_DEFAULT,
  V1_AVRO,
  V1_BINARY,
  V1_JSON,
  V1_JSON_FORMAT,
  V2_JSON,
  negotiate,
  parseContentType,
} from './media-types.ts'
import { parseJsonBody, readBody, sendJson, sendNoContent, type Router } from './http-kit.ts'
import type { ConsumerDialect, ConsumerFormat, ConsumerOptions, ResetPolicy } from './consumer-groups.ts'
import {
  V1_CONSUMER_CREATE,
  V2_METADATA,
  isV2,
  requireArrayField,
  requireInteger,
  requireObject,
  topicPartitionOf,
  type ConfluentKit,
} from './confluent-kit.ts'

const DEFAULT_REQUEST_TIMEOUT_MS = 1000
/** v1 knew binary, json and avro; v2 added jsonschema and protobuf (CP ≥ 5.5). */
const V1_FORMATS: ConsumerFormat[] = ['binary', 'json', 'avro']
const V2_FORMATS: ConsumerFormat[] = ['binary', 'json', 'avro', 'jsonschema', 'protobuf']

export function registerConfluentConsumerRoutes(router: Router, kit: ConfluentKit): void {
  const { state, v1, v2, accept, metadataOffers, anyInstance } = kit

  router.add('POST', '/consumers/:group', async (ctx) => {
    const { mediaType } = parseContentType(ctx.req.headers['content-type'])
    let dialect: ConsumerDialect
    if (mediaType === null) dialect = v1 ? 'v1' : 'v2'
    else if (v2 && (mediaType === V2_JSON || isV2(mediaType))) dialect = 'v2'
    else if (
      v1 &&
      [V1_JSON, V1_BINARY, V1_JSON_FORMAT, V1_AVRO, KAFKA_DEFAULT, JSON_TYPE, GENERIC_REQUEST].includes(
        mediaType,
      )
    )
      dialect = 'v1'
    else {
      const negotiated = negotiate(ctx.req.headers.accept, metadataOffers)
      if (negotiated !== null) ctx.errorContentType = negotiated
      throw unsupportedMediaType()
    }
    const type = accept(ctx, dialect === 'v1' ? V1_CONSUMER_CREATE : V2_METADATA)
    const body = parseJsonBody(await readBody(ctx.req, ctx.maxBodyBytes))
    const options = parseConsumerConfig(body, dialect)
    const instance = state.consumers.create(ctx.params.group, dialect, options)
    const base = `${ctx.origin}/consumers/${encodeURIComponent(ctx.params.group)}/instances/${encodeURIComponent(instance.id)}`
    sendJson(ctx, 200, { instance_id: instance.id, base_uri: base }, type)
  })

  router.add('DELETE', '/consumers/:group/instances/:instance', (ctx) => {
    // CP 2.x ConsumersResource also produces the embedded-format v1 types (weighted low).
    accept(ctx, [...(v1 ? V1_CONSUMER_CREATE : []), ...(v2 ? V2_METADATA : [])])
    state.consumers.delete(anyInstance(ctx))
    sendNoContent(ctx)
  })

  router.add('POST', '/consumers/:group/instances/:instance/offsets', async (ctx) => {
    const instance = anyInstance(ctx)
    const type = accept(ctx, instance.dialect === 'v1' ? V1_CONSUMER_CREATE : V2_METADATA)
    const body = parseJsonBody(await readBody(ctx.req, ctx.maxBodyBytes))
    if (instance.dialect === 'v1' || body === undefined || body === null) {
      // v1 commits everything consumed (the body is ignored); v2 does the same for an empty body.
      const committed = state.consumers.commitPositions(instance)
      sendJson(
        ctx,
        200,
        committed.map((c) => ({
          topic: c.topic,
          partition: c.partition,
          consumed: c.offset,
          committed: c.offset,
        })),
        type,
      )
      return
    }
    const entries = requireArrayField(body, 'offsets', ['offsets'])
    const parsed = entries.map((e, i) => {
      const o = requireObject(e, `offsets[${i}]`, ['topic', 'partition', 'offset', 'metadata'])
      return {
        ...topicPartitionOf(o, `offsets[${i}]`),
        offset: requireInteger(o.offset, `offsets[${i}].offset`),
        metadata: o.metadata === undefined || o.metadata === null ? '' : String(o.metadata),
      }
    })
    // Confluent commits offset + 1: the request names the last record processed.
    const out = parsed.map((e) => {
      state.consumers.commitExplicit(instance, e, e.offset + 1, e.metadata)
      return { topic: e.topic, partition: e.partition, consumed: e.offset + 1, committed: e.offset + 1 }
    })
    sendJson(ctx, 200, out, type)
  })
}

const CONSUMER_FIELDS = [
  'name',
  'id',
  'format',
  'auto.offset.reset',
  'auto.commit.enable',
  'fetch.min.bytes',
  'consumer.request.timeout.ms',
]

function parseConsumerConfig(body: unknown, dialect: ConsumerDialect): ConsumerOptions {
  const o = body === undefined || body === null ? {} : requireObject(body, 'request', CONSUMER_FIELDS)
  const str = (field: string): string | null => {
    const v = o[field]
    if (v === undefined || v === null) return null
    if (typeof v === 'object') throw badRequest(`${field} must be a string`)
    return String(v)
  }
  const id = str('name') ?? str('id')
  if (id !== null && (id === '' || /[/\s]/.test(id)))
    throw invalidConsumerConfig(`invalid consumer name '${id}'`)
  const formatRaw = (str('format') ?? 'binary').toLowerCase()
  // Schema formats are accepted as a real proxy does; reading their records fails (no registry, see sendRecords).
  const formats = dialect === 'v1' ? V1_FORMATS : V2_FORMATS
  if (!formats.includes(formatRaw as ConsumerFormat))
    throw invalidConsumerConfig(`unknown format '${formatRaw}' (one of ${formats.join(', ')})`)
  const resetRaw = str('auto.offset.reset')
  let reset: ResetPolicy
  const v1Names: Record<string, ResetPolicy> = {
    smallest: 'earliest',
    largest: 'latest',
    earliest: 'earliest',
    latest: 'latest',
  }
  const v2Names: Record<string, ResetPolicy> = { earliest: 'earliest', latest: 'latest', none: 'none' }
  if (resetRaw === null) reset = 'latest'
  else {
    const r = (dialect === 'v1' ? v1Names : v2Names)[resetRaw]
    if (r === undefined)
      throw invalidConsumerConfig(
        `auto.offset.reset '${resetRaw}' is not one of ${Object.keys(dialect === 'v1' ? v1Names : v2Names).join(', ')}`,
      )
    reset = r
  }
  const commitRaw = str('auto.commit.enable')
  if (commitRaw !== null && !/^(true|false)$/i.test(commitRaw))
    throw invalidConsumerConfig(`auto.commit.enable must be "true" or "false"`)
  const timeoutRaw = o['consumer.request.timeout.ms']
  let requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS
  if (timeoutRaw !== undefined && timeoutRaw !== null) {
    requestTimeoutMs = requireInteger(timeoutRaw, 'consumer.request.timeout.ms')
    if (requestTimeoutMs < 0) throw invalidConsumerConfig('consumer.request.timeout.ms must not be negative')
  }
  const fetchMin = o['fetch.min.bytes']
  if (fetchMin !== undefined && fetchMin !== null) {
    const n = requireInteger(fetchMin, 'fetch.min.bytes')
    if (n < -1)
      throw new RestError(
        400,
        40001,
        `Invalid consumer configuration. It does not abide by the constraints: fetch.min.bytes must be >= -1`,
      )
  }
  return {
    id,
    format: formatRaw as ConsumerFormat,
    reset,
    autoCommit: commitRaw === null ? true : commitRaw.toLowerCase() === 'true',
    requestTimeoutMs,
  }
}
