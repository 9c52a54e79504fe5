/**
 * Confluent REST Proxy API v1 and v2 (docs/protocols.md §4–§5): metadata, produce, the v1
 * simple consumer, v2 partition offsets and v1/v2 consumer instances. Which media types are
 * accepted depends on the enabled APIs, so `apis: ['v1']` behaves like CP 2.x / Message Hub and
 * `apis: ['v2', 'v3']` like CP ≥ 6.
 */
import {
  NotAcceptableError,
  RestError,
  badRequest,
  consumerInstanceNotFound,
  formatMismatch,
  invalidConsumerConfig,
  partitionNotFound,
  topicNotFound,
  unsupportedMediaType,
  validationError,
} from './errors.ts'
import {
  GENERIC_REQUEST,
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
  parseContentType,
  type Offer,
} from './media-types.ts'
import {
  isPlainObject,
  parseIntegerParam,
  parseJsonBody,
  readBody,
  sendJson,
  sendNoContent,
  type RequestContext,
  type Router,
} from './http-kit.ts'
import { decodeBase64, encodeBase64 } from './base64.ts'
import { StorageError, type NewRecord, type StoredRecord, type Topic } from './log-store.ts'
import type {
  ConsumerDialect,
  ConsumerInstance,
  ConsumerOptions,
  EmbeddedFormat,
  FetchedRecord,
  ResetPolicy,
  TopicPartition,
} from './consumer-groups.ts'
import { effectiveTopicConfigs, type SandboxState } from './sandbox-state.ts'

const V1_METADATA: Offer[] = [
  [V1_JSON, 0.9],
  [KAFKA_DEFAULT, 0.8],
  [JSON_TYPE, 0.5],
]
const V2_METADATA: Offer[] = [[V2_JSON, 0.9]]
const V1_DATA: Offer[] = [
  [V1_BINARY, 1],
  [V1_JSON, 0.9],
  [KAFKA_DEFAULT, 0.8],
  [JSON_TYPE, 0.5],
  [V1_JSON_FORMAT, 0.1],
  [V1_AVRO, 0.1],
]
const V2_DATA: Offer[] = [
  [V2_BINARY, 0.1],
  [V2_JSON_FORMAT, 0.1],
  ['application/vnd.kafka.avro.v2+json', 0.1],
  ['application/vnd.kafka.jsonschema.v2+json', 0.1],
  ['application/vnd.kafka.protobuf.v2+json', 0.1],
  [V2_JSON, 0.09],
]
const V1_CONSUMER_CREATE: Offer[] = [...V1_METADATA, [V1_BINARY, 0.1], [V1_JSON_FORMAT, 0.1], [V1_AVRO, 0.1]]

const DEFAULT_REQUEST_TIMEOUT_MS = 1000
const MAX_FETCH_RECORDS = 100_000
const MAX_WAIT_MS = 60_000

const isV2 = (type: string): boolean => type.includes('.v2+')

export function registerConfluentRoutes(router: Router, state: SandboxState): void {
  const v1 = state.apis.has('v1')
  const v2 = state.apis.has('v2')
  if (!v1 && !v2) return
  const metadataOffers: Offer[] = [...(v1 ? V1_METADATA : []), ...(v2 ? V2_METADATA : [])]

  /** Negotiates the response type; errors from here on carry it (docs/protocols.md §2.2). */
  const accept = (ctx: RequestContext, offers: Offer[]): string => {
    const type = negotiate(ctx.req.headers.accept, offers)
    if (type === null) throw new NotAcceptableError()
    ctx.errorContentType = type
    return type
  }

  const requireTopic = (name: string): Topic => {
    const topic = state.store.getTopic(name)
    if (topic === undefined) throw topicNotFound()
    return topic
  }

  /** Jersey turns an unparsable int path segment into 404; a number outside the topic is 40402. */
  const requirePartition = (topic: Topic, raw: string): number => {
    const p = parseIntegerParam(raw, 'partition')
    if (p < 0 || p >= topic.partitions.length) throw partitionNotFound()
    return p
  }

  const partitionJson = (p: number): unknown => ({
    partition: p,
    leader: state.brokerId,
    replicas: [{ broker: state.brokerId, leader: true, in_sync: true }],
  })

  router.add('GET', '/', (ctx) => {
    sendJson(ctx, 200, {}, accept(ctx, metadataOffers))
  })

  router.add('GET', '/topics', (ctx) => {
    sendJson(ctx, 200, state.store.topicNames(), accept(ctx, metadataOffers))
  })

  router.add('GET', '/topics/:topic', (ctx) => {
    const type = accept(ctx, metadataOffers)
    const topic = requireTopic(ctx.params.topic)
    sendJson(
      ctx,
      200,
      {
        name: topic.name,
        configs: effectiveTopicConfigs(state, topic.configs),
        partitions: topic.partitions.map((_, p) => partitionJson(p)),
      },
      type,
    )
  })

  router.add('GET', '/topics/:topic/partitions', (ctx) => {
    const type = accept(ctx, metadataOffers)
    const topic = requireTopic(ctx.params.topic)
    sendJson(
      ctx,
      200,
      topic.partitions.map((_, p) => partitionJson(p)),
      type,
    )
  })

  router.add('GET', '/topics/:topic/partitions/:partition', (ctx) => {
    const type = accept(ctx, metadataOffers)
    const topic = requireTopic(ctx.params.topic)
    sendJson(ctx, 200, partitionJson(requirePartition(topic, ctx.params.partition)), type)
  })

  router.add('GET', '/brokers', (ctx) => {
    sendJson(ctx, 200, { brokers: [state.brokerId] }, accept(ctx, metadataOffers))
  })

  // ---- produce ----------------------------------------------------------------------------

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

  /** Invalid base64: 422/422 in v1 and in v2 up to CP 6.1; 400/400 on CP ≥ 6.2 (v2-only mode). */
  const base64Failure =
    (dialect: ConsumerDialect) =>
    (what: 'key' | 'value', data: string): RestError =>
      dialect === 'v2' && !v1
        ? badRequest(
            `Bad Request: data="${data.length > 40 ? `${data.slice(0, 40)}…` : data}" is not a valid base64 string.`,
          )
        : validationError(`Record ${what} contains invalid base64 encoding`)

  router.add('POST', '/topics/:topic', (ctx) => produce(ctx, false))
  router.add('POST', '/topics/:topic/partitions/:partition', (ctx) => produce(ctx, true))

  // ---- v1 simple consumer ----------------------------------------------------------------

  if (v1) {
    router.add('GET', '/topics/:topic/partitions/:partition/messages', (ctx) => {
      const type = accept(ctx, V1_DATA)
      const format = dataFormatOfType(type)
      const topic = requireTopic(ctx.params.topic)
      const p = requirePartition(topic, ctx.params.partition)
      const log = topic.partitions[p]
      const offsetParam = ctx.query.get('offset')
      const timestampParam = ctx.query.get('timestamp')
      if (offsetParam !== null && timestampParam !== null) {
        throw badRequest('Either `offset` or `timestamp` query parameters must be set.')
      }
      let offset = offsetParam === null ? 0 : parseIntegerParam(offsetParam, 'offset')
      if (timestampParam !== null) {
        const ts = Date.parse(timestampParam)
        if (Number.isNaN(ts)) throw badRequest(`Invalid timestamp: ${timestampParam}`)
        offset = log.offsetForTimestamp(ts)
      }
      const countParam = ctx.query.get('count')
      const count = countParam === null ? 1 : parseIntegerParam(countParam, 'count')
      if (offset < log.logStartOffset || offset > log.logEndOffset) {
        // Kafka answers OFFSET_OUT_OF_RANGE; Confluent surfaces it as 500/50002. A bad offset is the
        // caller's input, so the sandbox says so with a 400 (see README, deviations).
        throw new RestError(
          400,
          40002,
          `Kafka error: Fetch response contains an error code: 1 (OFFSET_OUT_OF_RANGE): offset ${offset} is outside [${log.logStartOffset}, ${log.logEndOffset}] for ${topic.name}-${p}.`,
        )
      }
      const records =
        count <= 0 ? [] : log.read(offset, Math.min(count, MAX_FETCH_RECORDS), state.maxResponseBytes)
      const withTopic = v2 // CP ≥ 3.2.2 adds `topic`; v1-only mode mirrors CP 2.x / Message Hub.
      sendRecords(
        ctx,
        type,
        records.map((record) => ({ topic: topic.name, partition: p, record })),
        format,
        withTopic,
      )
    })
  }

  // ---- v2 partition offsets ------------------------------------------------------------

  if (v2) {
    router.add('GET', '/topics/:topic/partitions/:partition/offsets', (ctx) => {
      const type = accept(ctx, V2_METADATA)
      const topic = requireTopic(ctx.params.topic)
      const log = topic.partitions[requirePartition(topic, ctx.params.partition)]
      sendJson(ctx, 200, { beginning_offset: log.logStartOffset, end_offset: log.logEndOffset }, type)
    })
  }

  // ---- consumer instances ----------------------------------------------------------------

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

  /** Finds an instance of either dialect (DELETE exists in both APIs under the same path). */
  const anyInstance = (ctx: RequestContext): ConsumerInstance => {
    for (const d of ['v2', 'v1'] as const) {
      try {
        return state.consumers.get(ctx.params.group, ctx.params.instance, d)
      } catch {
        // try the other dialect
      }
    }
    throw consumerInstanceNotFound()
  }

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

  if (v1) {
    router.add('GET', '/consumers/:group/instances/:instance/topics/:topic', async (ctx) => {
      const instance = state.consumers.get(ctx.params.group, ctx.params.instance, 'v1')
      const type = accept(ctx, V1_DATA)
      const format = dataFormatOfType(type)
      if (format !== instance.format) throw formatMismatch()
      requireTopic(ctx.params.topic)
      const topics = instance.subscribedTopics
      if (topics === null) state.consumers.subscribe(instance, [ctx.params.topic], null)
      else if (topics.length !== 1 || topics[0] !== ctx.params.topic) {
        throw new RestError(
          409,
          40901,
          'Consumer cannot subscribe the the specified target because it has already subscribed to other topics.',
        )
      }
      const maxBytesParam = ctx.query.get('max_bytes')
      const maxBytes = maxBytesParam === null ? -1 : parseIntegerParam(maxBytesParam, 'max_bytes')
      const records = await readInstance(ctx, instance, instance.requestTimeoutMs, maxBytes)
      sendRecords(ctx, type, records, format, v2)
    })
  }

  if (!v2) return

  // ---- v2 consumer API --------------------------------------------------------------------

  const v2Instance = (ctx: RequestContext): ConsumerInstance =>
    state.consumers.get(ctx.params.group, ctx.params.instance, 'v2')

  /** v2 consumer requests take `application/vnd.kafka.v2+json` (a missing type is tolerated). */
  const v2Body = async (ctx: RequestContext): Promise<unknown> => {
    const { mediaType } = parseContentType(ctx.req.headers['content-type'])
    if (mediaType !== null && mediaType !== V2_JSON && !isV2(mediaType)) throw unsupportedMediaType()
    return parseJsonBody(await readBody(ctx.req, ctx.maxBodyBytes))
  }

  const base = '/consumers/:group/instances/:instance'

  router.add('POST', `${base}/subscription`, async (ctx) => {
    accept(ctx, V2_METADATA)
    const instance = v2Instance(ctx)
    const body = await v2Body(ctx)
    const o = requireObject(body, 'request', ['topics', 'topic_pattern'])
    const hasTopics = Array.isArray(o.topics) && o.topics.length > 0
    const hasPattern = typeof o.topic_pattern === 'string' && o.topic_pattern !== ''
    if (o.topics !== undefined && o.topics !== null && !Array.isArray(o.topics))
      throw badRequest('topics must be an array of topic names')
    if (hasTopics && hasPattern) {
      throw new RestError(
        409,
        40903,
        'Illegal state: Subscription to topics and pattern are mutually exclusive',
      )
    }
    if (hasTopics) {
      const topics = (o.topics as unknown[]).map((t, i) => {
        if (typeof t !== 'string' || t === '')
          throw validationError(`topics[${i}] must be a non-empty string`)
        return t
      })
      state.consumers.subscribe(instance, [...new Set(topics)], null)
    } else if (hasPattern) {
      let pattern: RegExp
      try {
        pattern = new RegExp(`^(?:${o.topic_pattern as string})$`)
      } catch (err) {
        throw validationError(`Invalid topic_pattern: ${(err as Error).message}`)
      }
      state.consumers.subscribe(instance, null, pattern)
    } else {
      throw validationError('A subscription needs a non-empty topics list or a topic_pattern')
    }
    sendNoContent(ctx)
  })

  router.add('GET', `${base}/subscription`, (ctx) => {
    const type = accept(ctx, V2_METADATA)
    const instance = v2Instance(ctx)
    sendJson(ctx, 200, { topics: state.consumers.subscribedTopicNames(instance) }, type)
  })

  router.add('DELETE', `${base}/subscription`, (ctx) => {
    accept(ctx, V2_METADATA)
    state.consumers.unsubscribe(v2Instance(ctx))
    sendNoContent(ctx)
  })

  router.add('POST', `${base}/assignments`, async (ctx) => {
    accept(ctx, V2_METADATA)
    const instance = v2Instance(ctx)
    const body = await v2Body(ctx)
    const partitions = requireArrayField(body, 'partitions', ['partitions']).map((e, i) =>
      topicPartitionOf(requireObject(e, `partitions[${i}]`, ['topic', 'partition']), `partitions[${i}]`),
    )
    state.consumers.assign(instance, partitions)
    sendNoContent(ctx)
  })

  router.add('GET', `${base}/assignments`, (ctx) => {
    const type = accept(ctx, V2_METADATA)
    const instance = v2Instance(ctx)
    sendJson(ctx, 200, { partitions: state.consumers.assignment(instance).map((tp) => ({ ...tp })) }, type)
  })

  router.add('POST', `${base}/positions`, async (ctx) => {
    accept(ctx, V2_METADATA)
    const instance = v2Instance(ctx)
    const body = await v2Body(ctx)
    const o = requireObject(body, 'request', ['offsets', 'timestamps'])
    if (o.timestamps !== undefined && o.timestamps !== null) {
      const entries = requireArrayField(o, 'timestamps', ['offsets', 'timestamps']).map((e, i) => {
        const t = requireObject(e, `timestamps[${i}]`, ['topic', 'partition', 'timestamp'])
        const ts = typeof t.timestamp === 'number' ? t.timestamp : Date.parse(String(t.timestamp))
        if (!Number.isFinite(ts)) throw validationError(`timestamps[${i}].timestamp is not a valid timestamp`)
        return { ...topicPartitionOf(t, `timestamps[${i}]`), ts }
      })
      for (const e of entries) {
        const log = state.store.getTopic(e.topic)?.partitions[e.partition]
        state.consumers.seek(instance, e, log === undefined ? 0 : log.offsetForTimestamp(e.ts))
      }
    } else {
      const entries = requireArrayField(o, 'offsets', ['offsets', 'timestamps']).map((e, i) => {
        const t = requireObject(e, `offsets[${i}]`, ['topic', 'partition', 'offset', 'metadata'])
        const offset = requireInteger(t.offset, `offsets[${i}].offset`)
        if (offset < 0)
          throw validationError(`offsets[${i}].offset: seek offset must not be a negative number`)
        return { ...topicPartitionOf(t, `offsets[${i}]`), offset }
      })
      for (const e of entries) state.consumers.seek(instance, e, e.offset)
    }
    sendNoContent(ctx)
  })

  for (const edge of ['beginning', 'end'] as const) {
    router.add('POST', `${base}/positions/${edge}`, async (ctx) => {
      accept(ctx, V2_METADATA)
      const instance = v2Instance(ctx)
      const body = await v2Body(ctx)
      const partitions = requireArrayField(body, 'partitions', ['partitions']).map((e, i) =>
        topicPartitionOf(requireObject(e, `partitions[${i}]`, ['topic', 'partition']), `partitions[${i}]`),
      )
      for (const tp of partitions) state.consumers.seekToEdge(instance, tp, edge)
      sendNoContent(ctx)
    })
  }

  router.add('GET', `${base}/records`, async (ctx) => {
    const instance = v2Instance(ctx)
    const wildcard = isWildcardAccept(ctx.req.headers.accept)
    const type = wildcard ? (instance.format === 'json' ? V2_JSON_FORMAT : V2_BINARY) : accept(ctx, V2_DATA)
    ctx.errorContentType = type
    const format = dataFormatOfType(type)
    if (format !== instance.format) throw formatMismatch()
    const timeoutParam = ctx.query.get('timeout')
    const maxBytesParam = ctx.query.get('max_bytes')
    const timeout = timeoutParam === null ? -1 : parseIntegerParam(timeoutParam, 'timeout')
    const maxBytes = maxBytesParam === null ? -1 : parseIntegerParam(maxBytesParam, 'max_bytes')
    if (!instance.hasSubscription && instance.manualAssignment === null) {
      throw new RestError(
        409,
        40903,
        'Illegal state: Consumer is not subscribed to any topics or assigned any partitions',
      )
    }
    const records = await readInstance(
      ctx,
      instance,
      timeout < 0 ? instance.requestTimeoutMs : timeout,
      maxBytes,
    )
    sendRecords(ctx, type, records, format, true)
  })

  router.add('GET', `${base}/offsets`, async (ctx) => {
    const type = accept(ctx, V2_METADATA)
    const instance = v2Instance(ctx)
    const body = await v2Body(ctx)
    // Confluent's committedOffsets throws partition-not-found on a missing body.
    if (body === undefined || body === null) throw partitionNotFound()
    const partitions = requireArrayField(body, 'partitions', ['partitions']).map((e, i) =>
      topicPartitionOf(requireObject(e, `partitions[${i}]`, ['topic', 'partition']), `partitions[${i}]`),
    )
    const offsets: unknown[] = []
    for (const tp of partitions) {
      const c = state.consumers.committed(instance.group, tp)
      if (c !== undefined)
        offsets.push({ topic: tp.topic, partition: tp.partition, offset: c.offset, metadata: c.metadata })
    }
    sendJson(ctx, 200, { offsets }, type)
  })

  async function readInstance(
    ctx: RequestContext,
    instance: ConsumerInstance,
    timeoutMs: number,
    maxBytes: number,
  ): Promise<FetchedRecord[]> {
    const abort = new AbortController()
    const onClose = (): void => abort.abort()
    ctx.res.on('close', onClose)
    try {
      return await instance.exclusive(() =>
        state.consumers.fetch(
          instance,
          {
            timeoutMs: Math.min(timeoutMs, MAX_WAIT_MS),
            maxBytes: maxBytes <= 0 ? state.maxResponseBytes : Math.min(maxBytes, state.maxResponseBytes),
            maxRecords: MAX_FETCH_RECORDS,
          },
          abort.signal,
        ),
      )
    } finally {
      ctx.res.off('close', onClose)
    }
  }
}

function isWildcardAccept(header: string | undefined): boolean {
  if (header === undefined) return true
  const parts = header.split(',').map((p) => p.split(';')[0].trim())
  return parts.every((p) => p === '' || p === '*/*')
}

function dataFormatOfType(type: string): EmbeddedFormat | 'other' {
  if (type.includes('.json.v')) return 'json'
  if (type.includes('.avro.') || type.includes('.jsonschema.') || type.includes('.protobuf.')) return 'other'
  return 'binary'
}

/** Writes records with the embedded format: base64 for binary, parsed JSON for json. */
function sendRecords(
  ctx: RequestContext,
  type: string,
  records: FetchedRecord[],
  format: EmbeddedFormat | 'other',
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

function renderData(record: StoredRecord, which: 'key' | 'value', format: EmbeddedFormat | 'other'): string {
  const data = record[which]
  if (data === null) return 'null'
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
  return `"${encodeBase64(data)}"`
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

/** Unknown fields are rejected as Jackson does in rest-utils: 422 `Unrecognized field: <name>`. */
export function requireObject(value: unknown, what: string, allowed: string[]): Record<string, unknown> {
  if (!isPlainObject(value)) throw badRequest(`${what} must be a JSON object`)
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw validationError(`Unrecognized field: ${key}`)
  }
  return value
}

function requireArrayField(body: unknown, field: string, allowed: string[]): unknown[] {
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

function topicPartitionOf(o: Record<string, unknown>, what: string): TopicPartition {
  if (typeof o.topic !== 'string' || o.topic === '') throw validationError(`${what}.topic may not be empty`)
  const partition = requireInteger(o.partition, `${what}.partition`)
  if (partition < 0) throw validationError(`${what}.partition must not be negative`)
  return { topic: o.topic, partition }
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
  if (formatRaw !== 'binary' && formatRaw !== 'json') {
    if (['avro', 'jsonschema', 'protobuf'].includes(formatRaw))
      throw invalidConsumerConfig(
        `format '${formatRaw}' needs a schema registry, which the sandbox does not have`,
      )
    throw invalidConsumerConfig(`unknown format '${formatRaw}'`)
  }
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
    format: formatRaw,
    reset,
    autoCommit: commitRaw === null ? true : commitRaw.toLowerCase() === 'true',
    requestTimeoutMs,
  }
}
