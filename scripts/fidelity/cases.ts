/**
 * The requests `npm run fidelity` sends, in order, to the sandbox and to Karapace (Confluent REST Proxy v2
 * dialect). Later steps use what earlier ones returned (`vars`), so each server runs the list on its own.
 */

export const V2 = 'application/vnd.kafka.v2+json'
export const V2_BINARY = 'application/vnd.kafka.binary.v2+json'
export const V2_JSON = 'application/vnd.kafka.json.v2+json'
const V2_AVRO = 'application/vnd.kafka.avro.v2+json'

/** Topics both servers must have: one with 3 partitions and Kafka's default `max.message.bytes`. */
export const TOPIC = 'fidelity-a'
export const TOPIC_PARTITIONS = 3
/** A one-partition topic holding only JSON values, for the json consumer. */
export const TOPIC_JSON = 'fidelity-json'
/** A one-partition topic holding one 5 KB record, for reads with a small max_bytes. */
export const TOPIC_BIG = 'fidelity-big'

export type Vars = Record<string, string | number>

export interface Step {
  id: string
  /** What the row is about, for the table. */
  title: string
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string | ((v: Vars) => string)
  /** `undefined` sends no body; a string is sent as is; anything else as JSON. */
  body?: unknown | ((v: Vars) => unknown)
  /** Headers besides the API key header (which `auth` controls). */
  headers?: Record<string, string>
  /** `key` (default): the key as X-Auth-Token; `none`; `bearer`; `basic`; `wrong`: a wrong key. */
  auth?: 'key' | 'none' | 'bearer' | 'basic' | 'wrong'
  /** A records read: repeated until it returns something (up to this many polls); empty or not is compared. */
  pollUntilRecords?: number
  /** Objects whose keys are data, compared by value types only. */
  maps?: string[]
  /** Waits this long after the answer (Karapace applies an assignment asynchronously). */
  pauseAfterMs?: number
  /** Keeps something from a 2xx answer for later steps. */
  keep?: (body: unknown, v: Vars) => void
}

/**
 * Karapace applies an assignment asynchronously: a seek right after it sometimes answers 409 "… is unassigned".
 * The console seeks right after assigning too; the pause keeps this run deterministic (see docs/fidelity.md).
 */
const ASSIGN_PAUSE_MS = 1000
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
const t = `/topics/${TOPIC}`
const produceBinary = { 'Content-Type': V2_BINARY, Accept: V2 }
const produceJson = { 'Content-Type': V2_JSON, Accept: V2 }
const v2Body = { 'Content-Type': V2, Accept: V2 }
/** The subscribing consumer has a group of its own: a live group member would refuse the others' commits. */
const groupOf = (name: string, v: Vars) => (name === 'sub' ? `${v.group}-sub` : String(v.group))
const inst = (name: string) => (v: Vars) => `/consumers/${groupOf(name, v)}/instances/${name}`
const tp = (partition: number) => ({ topic: TOPIC, partition })

export const STEPS: Step[] = [
  // ---- metadata ----
  { id: 'root', title: 'GET /', method: 'GET', path: '/', headers: { Accept: V2 } },
  { id: 'topics', title: 'topic list', method: 'GET', path: '/topics', headers: { Accept: V2 } },
  {
    id: 'topic',
    title: 'topic metadata',
    method: 'GET',
    path: t,
    headers: { Accept: V2 },
    maps: ['configs'],
  },
  { id: 'partitions', title: 'partitions', method: 'GET', path: `${t}/partitions`, headers: { Accept: V2 } },
  {
    id: 'partition',
    title: 'one partition',
    method: 'GET',
    path: `${t}/partitions/1`,
    headers: { Accept: V2 },
  },
  {
    id: 'offsets',
    title: 'partition offsets',
    method: 'GET',
    path: `${t}/partitions/0/offsets`,
    headers: { Accept: V2 },
  },
  { id: 'brokers', title: 'brokers', method: 'GET', path: '/brokers', headers: { Accept: V2 } },
  {
    id: 'missing-topic',
    title: 'missing topic',
    method: 'GET',
    path: '/topics/fidelity-missing',
    headers: { Accept: V2 },
  },
  {
    id: 'missing-topic-partitions',
    title: 'partitions of a missing topic',
    method: 'GET',
    path: '/topics/fidelity-missing/partitions',
    headers: { Accept: V2 },
  },
  {
    id: 'bad-partition',
    title: 'partition out of range',
    method: 'GET',
    path: `${t}/partitions/99`,
    headers: { Accept: V2 },
  },
  {
    id: 'bad-partition-offsets',
    title: 'offsets of a partition out of range',
    method: 'GET',
    path: `${t}/partitions/99/offsets`,
    headers: { Accept: V2 },
  },
  {
    id: 'partition-not-int',
    title: 'partition not a number',
    method: 'GET',
    path: `${t}/partitions/x`,
    headers: { Accept: V2 },
  },

  // ---- content negotiation ----
  {
    id: 'accept-json',
    title: 'Accept: application/json',
    method: 'GET',
    path: '/topics',
    headers: { Accept: 'application/json' },
  },
  { id: 'accept-any', title: 'Accept: */*', method: 'GET', path: '/topics', headers: { Accept: '*/*' } },
  { id: 'accept-none', title: 'no Accept header', method: 'GET', path: '/topics' },
  {
    id: 'accept-v1',
    title: 'Accept: v1 type',
    method: 'GET',
    path: '/topics',
    headers: { Accept: 'application/vnd.kafka.v1+json' },
  },
  {
    id: 'accept-html',
    title: 'Accept: text/html (406)',
    method: 'GET',
    path: '/topics',
    headers: { Accept: 'text/html' },
  },
  {
    id: 'produce-ct-plain',
    title: 'produce with Content-Type text/plain (415)',
    method: 'POST',
    path: t,
    headers: { 'Content-Type': 'text/plain', Accept: V2 },
    body: { records: [{ value: b64('x') }] },
  },
  {
    id: 'produce-ct-json',
    title: 'produce with Content-Type application/json',
    method: 'POST',
    path: t,
    headers: { 'Content-Type': 'application/json', Accept: V2 },
    body: { records: [{ value: b64('x') }] },
  },
  {
    id: 'produce-ct-none',
    title: 'produce without Content-Type',
    method: 'POST',
    path: t,
    headers: { Accept: V2 },
    body: { records: [{ value: b64('x') }] },
  },

  // ---- produce ----
  {
    id: 'produce-binary',
    title: 'produce binary',
    method: 'POST',
    path: t,
    headers: produceBinary,
    body: { records: [{ value: b64('hello') }, { value: b64('world') }] },
  },
  {
    id: 'produce-binary-keys',
    title: 'produce binary with keys',
    method: 'POST',
    path: t,
    headers: produceBinary,
    body: {
      records: [
        { key: b64('k1'), value: b64('v1') },
        { key: b64('k2'), value: b64('v2') },
      ],
    },
  },
  {
    id: 'produce-binary-partition',
    title: 'produce binary, partition in the record',
    method: 'POST',
    path: t,
    headers: produceBinary,
    body: { records: [{ value: b64('to p1'), partition: 1 }] },
  },
  {
    id: 'produce-to-partition',
    title: 'produce to a partition URL',
    method: 'POST',
    path: `${t}/partitions/2`,
    headers: produceBinary,
    body: { records: [{ value: b64('to p2') }] },
  },
  {
    id: 'produce-to-bad-partition',
    title: 'produce to a partition URL out of range',
    method: 'POST',
    path: `${t}/partitions/99`,
    headers: produceBinary,
    body: { records: [{ value: b64('x') }] },
  },
  {
    id: 'produce-record-bad-partition',
    title: 'produce, record partition out of range',
    method: 'POST',
    path: t,
    headers: produceBinary,
    body: { records: [{ value: b64('x'), partition: 99 }] },
  },
  {
    id: 'produce-null-value',
    title: 'produce a null value',
    method: 'POST',
    path: t,
    headers: produceBinary,
    body: { records: [{ key: b64('tomb'), value: null }] },
  },
  {
    id: 'produce-bad-base64',
    title: 'produce invalid base64',
    method: 'POST',
    path: t,
    headers: produceBinary,
    body: { records: [{ value: 'not base64!' }] },
  },
  {
    id: 'produce-missing-topic',
    title: 'produce to a missing topic',
    method: 'POST',
    path: '/topics/fidelity-missing',
    headers: produceBinary,
    body: { records: [{ value: b64('x') }] },
  },
  {
    id: 'produce-empty-records',
    title: 'produce an empty records list',
    method: 'POST',
    path: t,
    headers: produceBinary,
    body: { records: [] },
  },
  { id: 'produce-no-body', title: 'produce without a body', method: 'POST', path: t, headers: produceBinary },
  {
    id: 'produce-malformed',
    title: 'produce malformed JSON',
    method: 'POST',
    path: t,
    headers: produceBinary,
    body: '{"records": [',
  },
  {
    id: 'produce-unknown-field',
    title: 'produce with an unknown record field',
    method: 'POST',
    path: t,
    headers: produceBinary,
    body: { records: [{ value: b64('x'), colour: 'red' }] },
  },
  {
    id: 'produce-json',
    title: 'produce json',
    method: 'POST',
    path: `/topics/${TOPIC_JSON}`,
    headers: produceJson,
    body: { records: [{ value: { id: 1, ok: true } }, { value: [1, 2, 3] }] },
  },
  {
    id: 'produce-json-keys',
    title: 'produce json with keys',
    method: 'POST',
    path: `/topics/${TOPIC_JSON}`,
    headers: produceJson,
    body: { records: [{ key: 'k', value: { id: 2 } }] },
  },
  {
    id: 'produce-5kb',
    title: 'produce a 5 KB record (for max_bytes)',
    method: 'POST',
    path: `/topics/${TOPIC_BIG}`,
    headers: produceBinary,
    body: { records: [{ value: Buffer.alloc(5000, 0x61).toString('base64') }] },
  },
  {
    id: 'produce-too-large',
    title: 'produce a 2 MB record (topic max.message.bytes 1048588)',
    method: 'POST',
    path: t,
    headers: produceBinary,
    body: { records: [{ value: Buffer.alloc(2 * 1024 * 1024, 0x62).toString('base64') }] },
  },

  // ---- consumers ----
  {
    id: 'consumer-create-binary',
    title: 'create a binary consumer',
    method: 'POST',
    path: (v) => `/consumers/${v.group}`,
    headers: v2Body,
    body: { name: 'bin', format: 'binary', 'auto.offset.reset': 'earliest', 'auto.commit.enable': 'false' },
  },
  {
    id: 'consumer-create-json',
    title: 'create a json consumer',
    method: 'POST',
    path: (v) => `/consumers/${v.group}`,
    headers: v2Body,
    body: { name: 'json', format: 'json', 'auto.offset.reset': 'earliest' },
  },
  {
    id: 'consumer-create-avro',
    title: 'create an avro consumer',
    method: 'POST',
    path: (v) => `/consumers/${v.group}`,
    headers: v2Body,
    body: { name: 'avro', format: 'avro', 'auto.offset.reset': 'earliest' },
  },
  {
    id: 'consumer-create-jsonschema',
    title: 'create a jsonschema consumer',
    method: 'POST',
    path: (v) => `/consumers/${v.group}`,
    headers: v2Body,
    body: { name: 'jsonschema', format: 'jsonschema' },
  },
  {
    id: 'consumer-create-protobuf',
    title: 'create a protobuf consumer',
    method: 'POST',
    path: (v) => `/consumers/${v.group}`,
    headers: v2Body,
    body: { name: 'protobuf', format: 'protobuf' },
  },
  {
    id: 'consumer-create-duplicate',
    title: 'create a consumer with a name in use',
    method: 'POST',
    path: (v) => `/consumers/${v.group}`,
    headers: v2Body,
    body: { name: 'bin', format: 'binary' },
  },
  {
    id: 'consumer-create-bad-format',
    title: 'create a consumer with an unknown format',
    method: 'POST',
    path: (v) => `/consumers/${v.group}`,
    headers: v2Body,
    body: { name: 'bad', format: 'xml' },
  },
  {
    id: 'consumer-create-bad-reset',
    title: 'create a consumer with a bad auto.offset.reset',
    method: 'POST',
    path: (v) => `/consumers/${v.group}`,
    headers: v2Body,
    body: { name: 'bad2', 'auto.offset.reset': 'smallest' },
  },
  {
    id: 'records-unsubscribed',
    title: 'read records before subscribing',
    method: 'GET',
    path: (v) => `${inst('json')(v)}/records?timeout=500`,
    headers: { Accept: V2_JSON },
  },
  {
    id: 'consumer-create-sub',
    title: 'create a consumer for subscribing',
    method: 'POST',
    path: (v) => `/consumers/${groupOf('sub', v)}`,
    headers: v2Body,
    body: { name: 'sub', format: 'binary', 'auto.offset.reset': 'earliest' },
  },
  {
    id: 'subscribe',
    title: 'subscribe',
    method: 'POST',
    path: (v) => `${inst('sub')(v)}/subscription`,
    headers: v2Body,
    body: { topics: [TOPIC] },
  },
  {
    id: 'subscription',
    title: 'get the subscription',
    method: 'GET',
    path: (v) => `${inst('sub')(v)}/subscription`,
    headers: { Accept: V2 },
  },
  {
    id: 'unsubscribe',
    title: 'unsubscribe',
    method: 'DELETE',
    path: (v) => `${inst('sub')(v)}/subscription`,
    headers: { Accept: V2 },
  },
  {
    id: 'assign',
    title: 'assign partitions',
    method: 'POST',
    path: (v) => `${inst('bin')(v)}/assignments`,
    headers: v2Body,
    body: { partitions: [tp(0), tp(1), tp(2)] },
    pauseAfterMs: ASSIGN_PAUSE_MS,
  },
  {
    id: 'assignments',
    title: 'get the assignments',
    method: 'GET',
    path: (v) => `${inst('bin')(v)}/assignments`,
    headers: { Accept: V2 },
  },
  {
    id: 'seek',
    title: 'seek to an offset',
    method: 'POST',
    path: (v) => `${inst('bin')(v)}/positions`,
    headers: v2Body,
    body: { offsets: [{ ...tp(0), offset: 0 }] },
  },
  {
    id: 'seek-end',
    title: 'seek to the end',
    method: 'POST',
    path: (v) => `${inst('bin')(v)}/positions/end`,
    headers: v2Body,
    body: { partitions: [tp(1)] },
  },
  {
    id: 'seek-beginning',
    title: 'seek to the beginning',
    method: 'POST',
    path: (v) => `${inst('bin')(v)}/positions/beginning`,
    headers: v2Body,
    body: { partitions: [tp(1), tp(2)] },
  },
  {
    id: 'records-binary',
    title: 'read records (binary)',
    method: 'GET',
    path: (v) => `${inst('bin')(v)}/records?timeout=1000`,
    headers: { Accept: V2_BINARY },
    pollUntilRecords: 8,
  },
  {
    id: 'records-wrong-format',
    title: 'read a binary consumer with the json type (406)',
    method: 'GET',
    path: (v) => `${inst('bin')(v)}/records?timeout=500`,
    headers: { Accept: V2_JSON },
  },
  {
    id: 'commit-no-body',
    title: 'commit offsets without a body',
    method: 'POST',
    path: (v) => `${inst('bin')(v)}/offsets`,
    headers: v2Body,
  },
  {
    id: 'commit-body',
    title: 'commit explicit offsets',
    method: 'POST',
    path: (v) => `${inst('bin')(v)}/offsets`,
    headers: v2Body,
    body: { offsets: [{ ...tp(1), offset: 0 }] },
  },
  {
    id: 'committed',
    title: 'get committed offsets (GET with a body)',
    method: 'GET',
    path: (v) => `${inst('bin')(v)}/offsets`,
    headers: v2Body,
    body: { partitions: [tp(1)] },
  },
  {
    id: 'consumer-create-big',
    title: 'create a consumer for the 5 KB record',
    method: 'POST',
    path: (v) => `/consumers/${v.group}`,
    headers: v2Body,
    body: { name: 'big', format: 'binary', 'auto.offset.reset': 'earliest', 'auto.commit.enable': 'false' },
  },
  {
    id: 'assign-big',
    title: 'assign the 5 KB record’s partition',
    method: 'POST',
    path: (v) => `${inst('big')(v)}/assignments`,
    headers: v2Body,
    body: { partitions: [{ topic: TOPIC_BIG, partition: 0 }] },
    pauseAfterMs: ASSIGN_PAUSE_MS,
  },
  {
    id: 'records-max-bytes',
    title: 'read with max_bytes smaller than the only record',
    method: 'GET',
    path: (v) => `${inst('big')(v)}/records?timeout=1000&max_bytes=100`,
    headers: { Accept: V2_BINARY },
    pollUntilRecords: 3,
  },
  {
    id: 'assign-json',
    title: 'assign the json consumer',
    method: 'POST',
    path: (v) => `${inst('json')(v)}/assignments`,
    headers: v2Body,
    body: { partitions: [{ topic: TOPIC_JSON, partition: 0 }] },
    pauseAfterMs: ASSIGN_PAUSE_MS,
  },
  {
    id: 'records-json',
    title: 'read records (json)',
    method: 'GET',
    path: (v) => `${inst('json')(v)}/records?timeout=1000`,
    headers: { Accept: V2_JSON },
    pollUntilRecords: 8,
  },
  {
    id: 'assign-avro',
    title: 'assign the avro consumer',
    method: 'POST',
    path: (v) => `${inst('avro')(v)}/assignments`,
    headers: v2Body,
    body: { partitions: [tp(1)] },
    pauseAfterMs: ASSIGN_PAUSE_MS,
  },
  {
    id: 'records-avro',
    title: 'read records (avro) of non-Avro data',
    method: 'GET',
    path: (v) => `${inst('avro')(v)}/records?timeout=1000`,
    headers: { Accept: V2_AVRO },
    pollUntilRecords: 8,
  },
  {
    id: 'delete',
    title: 'delete the consumer',
    method: 'DELETE',
    path: inst('bin'),
    headers: { Accept: V2 },
  },
  {
    id: 'delete-again',
    title: 'delete the consumer again',
    method: 'DELETE',
    path: inst('bin'),
    headers: { Accept: V2 },
  },
  {
    id: 'records-deleted',
    title: 'read records of a deleted consumer',
    method: 'GET',
    path: (v) => `${inst('bin')(v)}/records?timeout=500`,
    headers: { Accept: V2_BINARY },
  },
  ...['sub', 'big', 'json', 'avro', 'jsonschema', 'protobuf'].map((name): Step => ({
    id: `delete-${name}`,
    title: `delete the ${name} consumer`,
    method: 'DELETE',
    path: inst(name),
    headers: { Accept: V2 },
  })),

  // ---- other paths and auth ----
  {
    id: 'unknown-path',
    title: 'unknown path',
    method: 'GET',
    path: '/fidelity/nowhere',
    headers: { Accept: V2 },
  },
  {
    id: 'wrong-method',
    title: 'DELETE /topics (wrong method)',
    method: 'DELETE',
    path: '/topics',
    headers: { Accept: V2 },
  },
  {
    id: 'auth-none',
    title: 'no credentials',
    method: 'GET',
    path: '/topics',
    headers: { Accept: V2 },
    auth: 'none',
  },
  {
    id: 'auth-bearer',
    title: 'Authorization: Bearer <key>',
    method: 'GET',
    path: '/topics',
    headers: { Accept: V2 },
    auth: 'bearer',
  },
  {
    id: 'auth-basic',
    title: 'Authorization: Basic token:<key>',
    method: 'GET',
    path: '/topics',
    headers: { Accept: V2 },
    auth: 'basic',
  },
  {
    id: 'auth-wrong',
    title: 'a wrong key',
    method: 'GET',
    path: '/topics',
    headers: { Accept: V2 },
    auth: 'wrong',
  },
]
