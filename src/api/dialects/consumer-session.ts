import { isKafkaRestError, KafkaRestError } from '../errors.ts'
import type { HttpTransport } from '../http/transport.ts'
import type { PartitionReader } from '../kafka-rest-client.ts'
import { recordFromBase64 } from '../lazy-record.ts'
import type { FetchRequest, FetchResult, KafkaRecord, RecordHeader } from '../types.ts'
import { stringifyWithOffsets, toOffset } from '../wire-json.ts'
import { base64ToBytes } from '../../lib/bytes/base64.ts'
import { V2 } from './media-types.ts'
import { pollRecords } from './poll-records.ts'
import { asArray, asInt, asObject, consumerPathFromBaseUri, isObject, randomId, seg } from './shared.ts'

/** The v2 consumer API as spoken by Confluent, Karapace and Strimzi (they differ in small ways). */
export type ConsumerFlavor = 'confluent' | 'karapace' | 'strimzi'

const OFFSET_KEYS = new Set(['offset'])
const POLL_TIMEOUT_MS = 1000
const SEEK_ATTEMPTS = 5

/** Tracks live instances so they can be deleted on dispose or when the page goes away. */
export class ConsumerRegistry {
  private readonly live = new Map<string, HttpTransport>()

  add(path: string, transport: HttpTransport) {
    this.live.set(path, transport)
  }

  remove(path: string) {
    this.live.delete(path)
  }

  get size() {
    return this.live.size
  }

  async deleteAll(keepalive = false): Promise<void> {
    const all = [...this.live.entries()]
    this.live.clear()
    await Promise.allSettled(all.map(([path, t]) => deleteInstance(t, path, keepalive)))
  }
}

function deleteInstance(transport: HttpTransport, path: string, keepalive: boolean) {
  // Confluent answers a misleading 40403 to a DELETE without the v2 Accept (confluentinc/kafka-rest#593).
  return transport.request({
    method: 'DELETE',
    path,
    accept: V2.metadata,
    contentType: V2.metadata,
    keepalive,
    timeoutMs: 10_000,
  })
}

function createBody(flavor: ConsumerFlavor, name: string): Record<string, unknown> {
  const body: Record<string, unknown> = { name, format: 'binary', 'auto.offset.reset': 'earliest' }
  // Strimzi validates against its schema: its key is the Java client's boolean; Confluent's is a string.
  if (flavor === 'strimzi') body['enable.auto.commit'] = false
  else body['auto.commit.enable'] = 'false'
  return body
}

function parseHeaders(raw: unknown): RecordHeader[] | undefined {
  if (!Array.isArray(raw)) return undefined
  return raw.filter(isObject).map((h) => ({
    name: String(h.key ?? h.name ?? ''),
    value: typeof h.value === 'string' ? safeBase64(h.value) : null,
  }))
}

function safeBase64(b64: string): Uint8Array {
  try {
    return base64ToBytes(b64)
  } catch {
    return new TextEncoder().encode(b64)
  }
}

export function parseV2Record(raw: unknown, flavor: ConsumerFlavor): KafkaRecord {
  const r = asObject(raw, 'a consumer record')
  const wire = {
    topic: String(r.topic ?? ''),
    partition: asInt(r.partition, 'partition'),
    offset: toOffset(r.offset),
    key: typeof r.key === 'string' ? r.key : null,
    value: typeof r.value === 'string' ? r.value : null,
    timestamp: typeof r.timestamp === 'number' ? r.timestamp : undefined,
    // Strimzi omits `headers` when a record has none; it is still a dialect that exposes headers.
    headers: flavor === 'strimzi' ? (parseHeaders(r.headers) ?? []) : undefined,
  }
  return recordFromBase64(wire)
}

/**
 * Seeks the fresh consumer to the window's first offset. Karapace applies an assignment asynchronously: a seek
 * right after it may answer 409 40903 "… is unassigned", so that answer is retried a few times, briefly.
 */
async function seekWhenAssigned(
  transport: HttpTransport,
  base: string,
  tp: { topic: string; partition: number },
  req: FetchRequest,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await transport.request({
        method: 'POST',
        path: `${base}/positions`,
        accept: V2.metadata,
        contentType: V2.metadata,
        body: stringifyWithOffsets({ offsets: [{ ...tp, offset: req.offset }] }, OFFSET_KEYS),
        signal: req.signal,
      })
      return
    } catch (e) {
      const unassigned = isKafkaRestError(e) && e.status === 409 && /unassigned/i.test(e.serverMessage ?? '')
      if (!unassigned || attempt >= SEEK_ATTEMPTS) throw e
      await new Promise((r) => setTimeout(r, 100 * attempt))
    }
  }
}

/**
 * Creates the instance and registers it for cleanup. The path it will have is registered *before* the request, so
 * a page closed while the answer is on its way still deletes it on pagehide. The create itself is never aborted: an
 * aborted fetch loses an answer the server has already acted on, leaving an instance nobody knows. When the
 * caller gives up (navigation, Stop), it is told at once and the instance is deleted as soon as its answer lands.
 */
async function createInstance(
  transport: HttpTransport,
  registry: ConsumerRegistry,
  flavor: ConsumerFlavor,
  group: string,
  name: string,
  signal: AbortSignal | undefined,
): Promise<string> {
  if (signal?.aborted) throw cancelled()
  const predicted = consumerPathFromBaseUri(undefined, group, name)
  registry.add(predicted, transport)
  const creating = transport
    .json({
      method: 'POST',
      path: `/consumers/${seg(group)}`,
      accept: V2.metadata,
      contentType: V2.metadata,
      body: JSON.stringify(createBody(flavor, name)),
      timeoutMs: 30_000,
    })
    .then((raw) => {
      const created = asObject(raw, 'a consumer instance')
      return consumerPathFromBaseUri(created.base_uri, group, String(created.instance_id ?? name))
    })
  const settle = (base: string | null) => {
    registry.remove(predicted)
    if (base !== null) registry.add(base, transport)
  }
  try {
    const base = await untilAborted(creating, signal)
    settle(base)
    return base
  } catch (e) {
    if (!signal?.aborted) {
      settle(null)
      throw e
    }
    // Given up on: delete what the create made once it answers (the pagehide cleanup covers it until then).
    void creating
      .then(
        (base) => deleteInstance(transport, base, false).catch(() => undefined),
        () => undefined,
      )
      .finally(() => settle(null))
    throw e
  }
}

function cancelled() {
  return new KafkaRestError({ kind: 'aborted', message: 'Cancelled.', hint: 'The request was cancelled.' })
}

/** Resolves with `p`, or rejects as cancelled as soon as `signal` aborts (leaving `p` running). */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled())
    signal.addEventListener('abort', onAbort, { once: true })
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/** Assigns the fresh instance to the one partition it reads. */
function assign(transport: HttpTransport, base: string, req: FetchRequest) {
  return transport.request({
    method: 'POST',
    path: `${base}/assignments`,
    accept: V2.metadata,
    contentType: V2.metadata,
    body: JSON.stringify({ partitions: [{ topic: req.topic, partition: req.partition }] }),
    signal: req.signal,
  })
}

/** Seeks to the window's first offset and polls until `count` records or the end offset. */
async function seekAndPoll(
  transport: HttpTransport,
  base: string,
  flavor: ConsumerFlavor,
  req: FetchRequest,
): Promise<FetchResult> {
  await seekWhenAssigned(transport, base, { topic: req.topic, partition: req.partition }, req)
  // The first polls of a fresh consumer are often empty while it fetches; with a known end offset we keep
  // polling a while, without one a few empty polls mean "nothing more".
  // With a byte limit, each empty answer raises the limit fourfold for the next poll (back to the hint after
  // records): a record larger than max_bytes is never returned and the position stays on it, so a fixed limit
  // would end the window there, while dropping the limit at once could bring a huge answer to a warming-up consumer.
  // Not on the Strimzi bridge: past max_bytes it answers 422 for the whole poll and its consumer has already moved
  // past those records (HttpSinkBridgeEndpoint#pollHandler), so a limit there loses records instead of bounding.
  const hint = flavor === 'strimzi' ? undefined : req.maxBytes
  let limit = hint === undefined ? undefined : Math.max(1, Math.floor(hint))
  const { records, nextOffset, note } = await pollRecords(
    req,
    async () => {
      const batch = asArray(
        await transport.json({
          path: `${base}/records`,
          query:
            limit === undefined
              ? { timeout: POLL_TIMEOUT_MS }
              : { timeout: POLL_TIMEOUT_MS, max_bytes: limit },
          // Strimzi compares Accept by exact string: send one media type, no list.
          accept: V2.binary,
          signal: req.signal,
          timeoutMs: POLL_TIMEOUT_MS + 30_000,
        }),
        'a list of records',
      )
      if (limit !== undefined && hint !== undefined)
        limit = batch.length === 0 ? Math.min(limit * 4, 2 ** 31 - 1) : Math.max(1, Math.floor(hint))
      return batch.map((raw) => parseV2Record(raw, flavor))
    },
    { emptyIsEnd: false, limits: { maxIdlePolls: req.endOffset !== undefined ? 8 : 3 } },
  )
  return { records, nextOffset, note }
}

function deleteQuietly(transport: HttpTransport, registry: ConsumerRegistry, base: string) {
  registry.remove(base)
  return deleteInstance(transport, base, false).then(
    () => undefined,
    () => {
      // Already gone (expired) or the endpoint is unreachable: nothing more we can do from here.
    },
  )
}

/**
 * Reads a window of one partition with a temporary consumer instance:
 * create → assign → seek → poll until `count` records or the end offset → delete (always, in `finally`).
 */
export async function fetchWithConsumer(
  transport: HttpTransport,
  registry: ConsumerRegistry,
  flavor: ConsumerFlavor,
  req: FetchRequest,
): Promise<FetchResult> {
  const id = randomId()
  const group = `krc-browse-${id}`
  const base = await createInstance(transport, registry, flavor, group, `krc-${id}`, req.signal)
  try {
    await assign(transport, base, req)
    return await seekAndPoll(transport, base, flavor, req)
  } finally {
    await deleteQuietly(transport, registry, base)
  }
}

/**
 * One consumer instance for many reads of one partition (a topic search): created and assigned on the first read,
 * seeked before each read (a poll may have fetched past the window), deleted on close — and after a failed or
 * cancelled read, so a Stop leaves nothing behind; the next read then starts a fresh one.
 */
export function createPartitionReader(
  transport: HttpTransport,
  registry: ConsumerRegistry,
  flavor: ConsumerFlavor,
  topic: string,
  partition: number,
): PartitionReader {
  let base: string | null = null
  let closed = false
  const drop = async () => {
    const b = base
    base = null
    if (b) await deleteQuietly(transport, registry, b)
  }
  return {
    async fetch(req) {
      if (closed) throw new Error('The partition reader is closed.')
      if (req.topic !== topic || req.partition !== partition)
        throw new Error(`This reader reads ${topic} partition ${partition} only.`)
      try {
        if (base === null) {
          const id = randomId()
          base = await createInstance(transport, registry, flavor, `krc-scan-${id}`, `krc-${id}`, req.signal)
          if (closed) throw new Error('The partition reader is closed.')
          await assign(transport, base, req)
        }
        return await seekAndPoll(transport, base, flavor, req)
      } catch (e) {
        await drop()
        throw e
      }
    },
    async close() {
      closed = true
      await drop()
    },
  }
}
