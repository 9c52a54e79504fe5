/**
 * Reading records through Confluent v1/v2 (docs/protocols.md §4, §5): the v1
 * simple consumer, the v1 consumer-instance read and the v2 `GET …/records`.
 */
import { RestError, badRequest, formatMismatch } from './errors.ts'
import { parseIntegerParam, type RequestContext, type Router } from './http-kit.ts'
import type { ConsumerInstance, FetchedRecord } from './consumer-groups.ts'
import {
  MAX_FETCH_RECORDS,
  V1_DATA,
  V2_DATA,
  dataFormatOfType,
  isWildcardAccept,
  sendRecords,
  type ConfluentKit,
} from './confluent-kit.ts'

const MAX_WAIT_MS = 60_000

export function registerConfluentRecordRoutes(router: Router, kit: ConfluentKit): void {
  const { state, v1, v2, accept, requireTopic, requirePartition } = kit

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

  if (v2) {
    router.add('GET', '/consumers/:group/instances/:instance/records', async (ctx) => {
      const instance = state.consumers.get(ctx.params.group, ctx.params.instance, 'v2')
      const wildcard = isWildcardAccept(ctx.req.headers.accept)
      const type = wildcard ? `application/vnd.kafka.${instance.format}.v2+json` : accept(ctx, V2_DATA)
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
  }
}
