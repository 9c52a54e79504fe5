/**
 * v3 produce (docs/protocols.md §6): `POST …/records` (one object, or a stream of them →
 * one delivery report each) and `POST …/records:batch` (207).
 */
import { RestError, badRequest } from './errors.ts'
import { JSON_TYPE } from './media-types.ts'
import { isPlainObject, sendJson, sendRaw, type RequestContext, type Router } from './http-kit.ts'
import { StorageError } from './log-store.ts'
import { parseJson, type V3Kit } from './v3-kit.ts'
import { RECORD_TOO_LARGE, maxMessageBytes, singleRecordBatchSize } from './topic-limits.ts'
import { RECORD_FIELDS, parseV3Record, splitJsonStream, type V3Record } from './v3-records.ts'

interface ProduceOutcome {
  ok: boolean
  json: Record<string, unknown>
}

export function registerV3ProduceRoutes(router: Router, kit: V3Kit): void {
  const { state, accept, bodyText } = kit

  router.add('POST', '/v3/clusters/:cluster/topics/:topic/records', async (ctx) => {
    accept(ctx)
    const text = await bodyText(ctx)
    if (text.trim() === '') {
      throw new RestError(422, 422, 'Payload error. Request body is empty. Data is required.')
    }
    const reports: string[] = []
    const pending: Array<{ index: number; record: V3Record }> = []
    // Produce in order but write in one batch; a stream of N objects gets N delivery reports.
    for (const chunk of splitJsonStream(text)) {
      if (chunk.error !== null) {
        reports.push(JSON.stringify({ error_code: 400, message: chunk.error }))
        break
      }
      const parsed = parseV3Record(chunk.value, RECORD_FIELDS)
      if ('error' in parsed) {
        reports.push(JSON.stringify({ error_code: parsed.code, message: parsed.error }))
        continue
      }
      pending.push({ index: reports.length, record: parsed.record })
      reports.push('')
    }
    const outcomes = produceRecords(
      ctx,
      pending.map((p) => p.record),
    )
    pending.forEach((p, i) => {
      reports[p.index] = JSON.stringify(outcomes[i].json)
    })
    sendRaw(ctx, 200, reports.join(''), JSON_TYPE)
  })

  router.add('POST', '/v3/clusters/:cluster/topics/:topic/records:batch', async (ctx) => {
    accept(ctx)
    const body = parseJson(await bodyText(ctx))
    if (!isPlainObject(body) || !Array.isArray(body.entries)) {
      throw new RestError(422, 42208, 'Payload error. The request body must be {"entries": [...]}.')
    }
    for (const key of Object.keys(body))
      if (key !== 'entries') throw badRequest(`Unrecognized field "${key}"`)
    if (body.entries.length === 0)
      throw new RestError(422, 42208, 'Payload error. entries must not be empty.')
    const ids = new Set<string>()
    const failures: unknown[] = []
    const pending: Array<{ id: string; record: V3Record }> = []
    for (const entry of body.entries) {
      if (!isPlainObject(entry) || (typeof entry.id !== 'string' && typeof entry.id !== 'number')) {
        throw new RestError(422, 42208, 'Payload error. Every entry needs an id.')
      }
      const id = String(entry.id)
      if (ids.has(id)) throw new RestError(422, 42208, `Payload error. Duplicate entry id: ${id}`)
      ids.add(id)
      const { id: _id, ...rest } = entry
      const parsed = parseV3Record(rest, RECORD_FIELDS)
      if ('error' in parsed) failures.push({ id, error_code: parsed.code, message: parsed.error })
      else pending.push({ id, record: parsed.record })
    }
    const outcomes = produceRecords(
      ctx,
      pending.map((p) => p.record),
    )
    const successes: unknown[] = []
    outcomes.forEach((o, i) => {
      if (o.ok) successes.push({ id: pending[i].id, ...o.json })
      else failures.push({ id: pending[i].id, ...o.json })
    })
    sendJson(ctx, 207, { successes, failures }, JSON_TYPE)
  })

  /** Appends valid records (one batch) and builds their delivery reports. */
  function produceRecords(ctx: RequestContext, records: V3Record[]): ProduceOutcome[] {
    const topic = state.store.getTopic(ctx.params.topic)
    if (topic === undefined) {
      return records.map(() => ({ ok: false, json: { error_code: 40401, message: 'Topic not found.' } }))
    }
    const outcomes: ProduceOutcome[] = new Array(records.length)
    const accepted: number[] = []
    const limit = maxMessageBytes(topic.configs)
    records.forEach((r, i) => {
      if (r.partition !== undefined && r.partition !== null && r.partition >= topic.partitions.length) {
        outcomes[i] = {
          ok: false,
          json: { error_code: 40402, message: `Partition ${r.partition} of topic ${topic.name} not found.` },
        }
      } else if (singleRecordBatchSize(r.key, r.value, r.headers) > limit) {
        // RecordTooLargeException → 413 (rest-utils KafkaExceptionMapper).
        outcomes[i] = { ok: false, json: { error_code: 413, message: RECORD_TOO_LARGE } }
      } else accepted.push(i)
    })
    try {
      const results = state.store.append(
        topic,
        accepted.map((i) => records[i]),
      )
      results.forEach((res, j) => {
        const i = accepted[j]
        const info = records[i]
        const json: Record<string, unknown> = {
          error_code: 200,
          cluster_id: ctx.params.cluster,
          topic_name: topic.name,
          partition_id: res.partition,
          offset: res.offset,
          timestamp: new Date(res.timestamp).toISOString(),
        }
        if (info.keyType !== undefined) json.key = { type: info.keyType, size: records[i].key?.length ?? -1 }
        if (info.valueType !== undefined)
          json.value = { type: info.valueType, size: records[i].value?.length ?? -1 }
        outcomes[i] = { ok: true, json }
      })
    } catch (err) {
      if (!(err instanceof StorageError)) throw err
      state.log(`v3 produce to ${topic.name} failed: ${err.message}`)
      for (const i of accepted)
        outcomes[i] = { ok: false, json: { error_code: 50003, message: `Disk error: ${err.message}` } }
    }
    return outcomes
  }
}
