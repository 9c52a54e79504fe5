import { bytesToBase64 } from '../../lib/bytes/base64.ts'
import { decodeRouteParam, encodePathSegment } from '../../lib/path-segment.ts'
import { compareNames } from '../../lib/search/compare-names.ts'
import { hintForHttpError, isKafkaRestError, KafkaRestError } from '../errors.ts'
import { prepareBody, type HttpTransport, type RestRequest } from '../http/transport.ts'
import type { PreparedProduce, ProduceOptions } from '../kafka-rest-client.ts'
import type {
  Partition,
  ProduceRecord,
  ProduceResult,
  Replica,
  TopicConfigEntry,
  TopicDetail,
  TopicSummary,
} from '../types.ts'
import { toOffset } from '../wire-json.ts'

/**
 * One path segment for a name (every reserved character encoded, so `a/b?c` still addresses `a/b?c`). A name that
 * cannot be one — ".", "..", empty, an unpaired surrogate — is refused before any request is sent, with the reason:
 * names come from endpoints and deep links, and must never change which resource a request addresses.
 */
export function seg(value: string | number, what = 'topic name'): string {
  if (typeof value === 'number') return String(value)
  const r = encodePathSegment(value, what)
  if (r.ok) return r.segment
  throw refusedName(r.reason)
}

/** The error for a name the console will not put into a request URL. */
export function refusedName(reason: string): KafkaRestError {
  return new KafkaRestError({
    kind: 'http',
    message: reason,
    hint: 'The console did not send this request: it would have addressed another resource, or none. Use a client that does not go through URLs (e.g. the Kafka command-line tools) for this name.',
  })
}

export function b64(bytes: Uint8Array | null): string | null {
  return bytes === null ? null : bytesToBase64(bytes)
}

/**
 * Base64 text placed in a JSON body by `stringifyBody`. Base64 never needs JSON escaping, so a value of tens of
 * megabytes is spliced into the output instead of being scanned again by `JSON.stringify`; as a Blob (encoded
 * by a worker) it never even passes through the main thread.
 */
export class Base64Json {
  readonly text: string | Blob
  constructor(text: string | Blob) {
    this.text = text
  }
}

/** A record's value for a JSON body: the pre-encoded `valueBase64` when the caller has it, else encoded here. */
export function valueJson(r: ProduceRecord): Base64Json | null {
  if (r.value === null) return null
  return new Base64Json(r.valueBase64 ?? bytesToBase64(r.value))
}

/** Concatenates body parts: a string when all are strings, else a Blob (the browser streams its parts). */
export function concatBody(parts: Array<string | Blob>): string | Blob {
  return parts.every((p) => typeof p === 'string') ? parts.join('') : new Blob(parts)
}

/** `JSON.stringify(body)`, with every `Base64Json` written as a JSON string by concatenation. */
export function stringifyBody(body: unknown): string | Blob {
  const spliced: Array<string | Blob> = []
  const token = `@krc-base64-${randomId()}@`
  const skeleton = JSON.stringify(body, (_key, v: unknown) =>
    v instanceof Base64Json ? `${token}${spliced.push(v.text) - 1}` : v,
  )
  if (spliced.length === 0) return skeleton
  // split() with a capturing group alternates text and the captured index: [text, i, text, i, …, text].
  const pieces: Array<string | Blob> = skeleton.split(new RegExp(`${token}(\\d+)`))
  for (let i = 1; i < pieces.length; i += 2) pieces[i] = spliced[Number(pieces[i])]
  return concatBody(pieces)
}

/** Thrown when a 2xx body does not have the shape the dialect promises. */
export function unexpected(what: string, got: unknown): KafkaRestError {
  const sample =
    JSON.stringify(got, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))?.slice(0, 120) ?? String(got)
  return new KafkaRestError({
    kind: 'invalid-response',
    message: `Unexpected answer: expected ${what}, got ${sample}`,
    hint: 'The endpoint does not answer like the selected API dialect. Try another API dialect, or check the base path.',
  })
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function asArray(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw unexpected(what, v)
  return v
}

export function asObject(v: unknown, what: string): Record<string, unknown> {
  if (!isObject(v)) throw unexpected(what, v)
  return v
}

export function asInt(v: unknown, what: string): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v
  if (typeof v === 'bigint') return Number(v)
  throw unexpected(`an integer ${what}`, v)
}

export function asStringList(v: unknown, what: string): string[] {
  return asArray(v, what).map((x) => {
    if (typeof x !== 'string') throw unexpected(what, v)
    return x
  })
}

/** Confluent v1/v2, Strimzi and Karapace partition metadata: `{partition, leader, replicas: [{broker, leader, in_sync}]}`. */
export function parsePartition(raw: unknown): Partition {
  const p = asObject(raw, 'partition metadata')
  const replicas: Replica[] = asArray(p.replicas ?? [], 'replicas').map((r) => {
    const o = asObject(r, 'a replica')
    return { broker: asInt(o.broker, 'broker id'), leader: o.leader === true, inSync: o.in_sync === true }
  })
  const leader = typeof p.leader === 'number' && p.leader >= 0 ? p.leader : null
  return {
    id: asInt(p.partition, 'partition id'),
    leader,
    replicas,
    inSync: replicas.filter((r) => r.inSync).map((r) => r.broker),
  }
}

export function parseConfigMap(raw: unknown): TopicConfigEntry[] | null {
  if (!isObject(raw)) return null
  return Object.entries(raw)
    .map(([name, value]) => ({ name, value: value === null || value === undefined ? null : String(value) }))
    .sort((a, b) => compareNames(a.name, b.name))
}

/** `GET /topics/{t}` in v1/v2 dialects. */
export function parseTopicDetail(raw: unknown, name: string): TopicDetail {
  const o = asObject(raw, 'topic metadata')
  const partitions = asArray(o.partitions ?? [], 'partitions').map(parsePartition)
  partitions.sort((a, b) => a.id - b.id)
  return { name: typeof o.name === 'string' ? o.name : name, partitions, configs: parseConfigMap(o.configs) }
}

/**
 * The `offsets` array of a Confluent-style produce response. A per-record error inside an HTTP 200 is a
 * failure: Confluent puts 50002/50003 (docs say 1/2) in `error_code`, Strimzi an HTTP-like code.
 */
export function parseProduceOffsets(raw: unknown, expected: number): ProduceResult[] {
  const o = asObject(raw, 'a produce response with offsets')
  const offsets = asArray(o.offsets, 'offsets')
  const results = offsets.map((entry): ProduceResult => {
    const e = asObject(entry, 'an offsets entry')
    const code = typeof e.error_code === 'number' ? e.error_code : null
    const message = typeof e.error === 'string' ? e.error : typeof e.message === 'string' ? e.message : null
    if ((code !== null && code !== 200) || message !== null || e.offset === null || e.offset === undefined) {
      return {
        ok: false,
        errorCode: code,
        message: message ?? 'The endpoint reported no offset for this record.',
      }
    }
    // Karapace reports a stored record with an empty value as partition 0, offset -1 (its result object is
    // falsy when the value is empty): stored, but where is unknown.
    if (typeof e.offset === 'number' && e.offset < 0) return { ok: true, partition: null, offset: null }
    return { ok: true, partition: asInt(e.partition, 'partition'), offset: toOffset(e.offset) }
  })
  if (results.length !== expected) {
    throw unexpected(`${expected} offsets entries`, offsets.length)
  }
  return results
}

/** `…/consumers/<group>/instances/<instance>` at the end of a URL's path (query and fragment allowed after it). */
const INSTANCE_URI = /\/consumers\/([^/?#]*)\/instances\/([^/?#]*)\/?(?:[?#][^]*)?$/

/**
 * The path of a consumer instance, rebuilt so it goes through our endpoint (and proxy). The group and instance
 * come from `base_uri` when it has the documented layout (else from `instance_id`): they are read from the raw
 * text, not a parsed URL — parsing would already have collapsed an instance named ".." into its parent — then
 * decoded and encoded again, so a hostile id can neither climb out of `/consumers/<group>/instances/` nor make
 * the final DELETE hit another path. Throws (before any request) when an id cannot be addressed.
 */
export function consumerPathFromBaseUri(baseUri: unknown, group: string, instance: string): string {
  const m = typeof baseUri === 'string' && baseUri.length <= 8192 ? INSTANCE_URI.exec(baseUri) : null
  if (m) {
    const g = decodeRouteParam(m[1])
    const i = decodeRouteParam(m[2])
    if (!g.ok || !i.ok) {
      throw refusedName(
        `The endpoint's consumer instance URL (base_uri) is not valid: ${g.ok ? '' : g.reason}${i.ok ? '' : i.reason}`,
      )
    }
    group = g.value
    instance = i.value
  }
  return `/consumers/${seg(group, 'consumer group')}/instances/${seg(instance, 'consumer instance id')}`
}

export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

export function unsupported(what: string, dialectName: string): KafkaRestError {
  return new KafkaRestError({
    kind: 'http',
    message: `${what} is not available with ${dialectName}.`,
    hint: 'This API dialect has no such operation.',
  })
}

/** `GET /topics` in the v1/v2 dialects: a JSON array of names. */
export async function listTopicNames(
  t: HttpTransport,
  accept: string,
  signal?: AbortSignal,
): Promise<TopicSummary[]> {
  const names = asStringList(await t.json({ path: '/topics', accept, signal }), 'a list of topic names')
  return names.map((name) => ({ name }))
}

/** `GET /topics/{t}` in the v1/v2 dialects. */
export async function getTopicDetail(
  t: HttpTransport,
  name: string,
  accept: string,
  signal?: AbortSignal,
): Promise<TopicDetail> {
  return parseTopicDetail(await t.json({ path: `/topics/${seg(name)}`, accept, signal }), name)
}

/** One binary record of a Confluent-style produce body; the partition goes in the URL when one is chosen. */
export function binaryRecordBody(r: ProduceRecord, toPartition: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { value: valueJson(r) }
  if (r.key !== null) out.key = b64(r.key)
  if (!toPartition && r.partition !== undefined) out.partition = r.partition
  return out
}

/**
 * Confluent-style produce (v1, v2 and the bridges that copy it): `{records: [...]}` to the topic or partition URL,
 * one `offsets[]` entry back per record. The body is built now; `send()` sends it.
 */
export function prepareProduceBinary(
  t: HttpTransport,
  topic: string,
  records: ProduceRecord[],
  options: ProduceOptions,
  types: { accept: string; contentType: string },
  recordBody: (r: ProduceRecord, toPartition: boolean) => Record<string, unknown> = binaryRecordBody,
): PreparedProduce {
  const toPartition = options.partition !== undefined
  const path = toPartition ? `/topics/${seg(topic)}/partitions/${options.partition}` : `/topics/${seg(topic)}`
  const body = stringifyBody({ records: records.map((r) => recordBody(r, toPartition)) })
  const req: RestRequest = {
    method: 'POST',
    path,
    accept: types.accept,
    contentType: types.contentType,
    body: typeof body === 'string' ? prepareBody(body) : body,
    signal: options.signal,
    onUploadProgress: options.onUploadProgress,
    onRequest: options.onRequest,
    timeoutMs: 120_000,
  }
  return { send: async () => parseProduceOffsets(await t.json(req), records.length) }
}

/**
 * Re-reads an endpoint's 404 for a topic lookup as "topic not found" where its own code says something else
 * (the Strimzi bridge: 404 + UnknownTopicOrPartitionException; Karapace: 40403, Confluent's code for a missing
 * consumer instance).
 */
export async function topicNotFoundOn404<T>(call: Promise<T>, codes: Array<number | null>): Promise<T> {
  try {
    return await call
  } catch (e) {
    if (!isKafkaRestError(e) || e.status !== 404 || !codes.includes(e.errorCode)) throw e
    throw new KafkaRestError({
      kind: e.kind,
      message: e.message,
      hint: hintForHttpError(404, 40401, { html: false }),
      status: e.status,
      errorCode: e.errorCode,
      serverMessage: e.serverMessage,
      details: e.details,
      request: e.request,
      responseText: e.responseText,
    })
  }
}
