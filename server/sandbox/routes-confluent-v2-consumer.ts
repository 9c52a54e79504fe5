/**
 * The v2 consumer instance's state (docs/protocols.md §5): subscription, assignments,
 * positions (seek by offset, timestamp or to an edge) and committed offsets.
 */
import { RestError, badRequest, partitionNotFound, unsupportedMediaType, validationError } from './errors.ts'
import { V2_JSON, parseContentType } from './media-types.ts'
import {
  parseJsonBody,
  readBody,
  sendJson,
  sendNoContent,
  type RequestContext,
  type Router,
} from './http-kit.ts'
import type { ConsumerInstance } from './consumer-groups.ts'
import {
  V2_METADATA,
  isV2,
  requireArrayField,
  requireInteger,
  requireObject,
  topicPartitionOf,
  type ConfluentKit,
} from './confluent-kit.ts'

export function registerV2ConsumerStateRoutes(router: Router, kit: ConfluentKit): void {
  const { state, accept } = kit

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
}
