import { isLosslessNumber, parse as parseLossless, stringify } from 'lossless-json'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readLane, RealApi } from '../../e2e/support/real-servers.ts'
import { isKafkaRestError, type KafkaRestError } from '../../src/api/errors.ts'
import { SchemaRegistryClient } from '../../src/api/registry/schema-registry-client.ts'
import type { RegisteredSchema, SchemaType } from '../../src/api/registry/registry-types.ts'
import { parseJsonLossless } from '../../src/lib/json/json-lossless.ts'
import { loadCodec } from '../../src/lib/schema/codec-loader.ts'
import { decodeRegistryRecord, encodeRegistryRecord } from '../../src/lib/schema/registry-record.ts'
import type { ParsedSchema } from '../../src/lib/schema/types.ts'

/**
 * The console's registry client and codecs against Karapace 3.15.0's Schema Registry and REST proxy (`npm run
 * real:up`), each side a witness for the other: what the console encodes, Karapace's v2 consumer reads as JSON;
 * what Karapace produces from JSON, the console decodes. Karapace's JSON differs from the console's in documented
 * ways (unions bare, timestamps in Python's isoformat …): each difference is asserted where it shows, so a change
 * on either side fails here.
 */
const lane = readLane()
const REST = lane.karapace.url
const api = new RealApi(lane, 'karapace')
const registry = SchemaRegistryClient.create({
  url: lane.karapace.registryUrl,
  auth: { kind: 'none' },
  useProxy: false,
})
const unique = (p: string) => `${p}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`
const V2 = 'application/vnd.kafka.v2+json'
const FORMAT_TYPES = {
  avro: 'application/vnd.kafka.avro.v2+json',
  jsonschema: 'application/vnd.kafka.jsonschema.v2+json',
  protobuf: 'application/vnd.kafka.protobuf.v2+json',
} as const
type EmbeddedFormat = keyof typeof FORMAT_TYPES

/** Karapace's JSON parsed with every digit kept (a long beyond 2^53 must not be rounded by the test itself). */
const lossless = (text: string) => parseLossless(text) as unknown
const digits = (v: unknown) => (isLosslessNumber(v) ? v.value : String(v))

async function call(method: string, url: string, body?: string, contentType = V2, accept = V2) {
  const res = await fetch(url, {
    method,
    headers: { Accept: accept, ...(body === undefined ? {} : { 'Content-Type': contentType }) },
    body,
    signal: AbortSignal.timeout(30_000),
  })
  return { status: res.status, text: await res.text() }
}

async function ok(method: string, url: string, body?: string, contentType = V2, accept = V2) {
  const res = await call(method, url, body, contentType, accept)
  if (res.status >= 300) throw new Error(`${method} ${url} -> ${res.status} ${res.text.slice(0, 300)}`)
  return res.text ? lossless(res.text) : null
}

/**
 * Reads partition 0 of `topic` from offset 0 with a Karapace v2 consumer in an embedded format; the records' JSON
 * as Karapace renders it, or Karapace's refusal (status + body) when it cannot render them. Deleted in finally.
 */
async function readAs(
  topic: string,
  format: EmbeddedFormat,
  count: number,
): Promise<{ values: unknown[] } | { status: number; text: string }> {
  const group = unique('reg-real')
  const created = (await ok(
    'POST',
    `${REST}/consumers/${group}`,
    JSON.stringify({
      name: 'reader',
      format,
      'auto.offset.reset': 'earliest',
      'auto.commit.enable': 'false',
    }),
  )) as { base_uri: string }
  const base = `${REST}${new URL(created.base_uri).pathname}`
  try {
    await ok('POST', `${base}/assignments`, JSON.stringify({ partitions: [{ topic, partition: 0 }] }))
    // Karapace applies an assignment asynchronously: a seek right after it may be 409 "is unassigned".
    for (let attempt = 1; ; attempt++) {
      const seek = await call(
        'POST',
        `${base}/positions`,
        JSON.stringify({ offsets: [{ topic, partition: 0, offset: 0 }] }),
      )
      if (seek.status < 300) break
      if (attempt >= 10 || seek.status !== 409) throw new Error(`seek -> ${seek.status} ${seek.text}`)
      await new Promise((r) => setTimeout(r, 100 * attempt))
    }
    const values: unknown[] = []
    const deadline = Date.now() + 20_000
    while (values.length < count && Date.now() < deadline) {
      const res = await call('GET', `${base}/records?timeout=1000`, undefined, V2, FORMAT_TYPES[format])
      if (res.status !== 200) return res
      for (const r of lossless(res.text) as Array<{ value: unknown }>) values.push(r.value)
    }
    return { values }
  } finally {
    await call('DELETE', base)
  }
}

/** Produces JSON values through Karapace's REST proxy in an embedded format; the schema id Karapace used. */
async function produceJson(topic: string, format: EmbeddedFormat, schema: string, valuesJson: string[]) {
  // Built as text so that a value's big integers reach Karapace digit for digit.
  const body = `{"value_schema":${JSON.stringify(schema)},"records":[${valuesJson.map((v) => `{"value":${v},"partition":0}`).join(',')}]}`
  const res = (await ok('POST', `${REST}/topics/${topic}`, body, FORMAT_TYPES[format])) as {
    value_schema_id: unknown
    offsets: Array<{ error_code?: unknown }>
  }
  expect(res.offsets.every((o) => !o.error_code)).toBe(true)
  return Number(digits(res.value_schema_id))
}

/** The console's decoder for a schema id, built only from the registry's answers (references by subject/version). */
async function decoderFor(id: number): Promise<{ registered: RegisteredSchema; parsed: ParsedSchema }> {
  const registered = await registry.schemaById(id)
  const refs = await Promise.all(
    registered.references.map(async (r) => ({
      name: r.name,
      schema: (await registry.schemaByVersion(r.subject, r.version)).schema,
    })),
  )
  const codec = await loadCodec(registered.schemaType)
  const parsed = codec.parse(registered.schema, refs)
  if (!parsed.ok) throw new Error(`the console cannot parse schema ${id}: ${parsed.message}`)
  return { registered, parsed: parsed.schema }
}

async function decodeWith(id: number, bytes: Uint8Array | null) {
  const { registered, parsed } = await decoderFor(id)
  const result = decodeRegistryRecord(await loadCodec(registered.schemaType), parsed, bytes!)
  if (!result.ok) throw new Error(`decode failed: ${result.failure.message}`)
  return result.value
}

async function registerAndEncode(
  subject: string,
  schemaType: SchemaType,
  schema: string,
  values: unknown[],
  references: Array<{ name: string; subject: string; version: number; schema: string }> = [],
) {
  const { id } = await registry.register(subject, {
    schema,
    schemaType,
    references: references.map(({ name, subject: s, version }) => ({ name, subject: s, version })),
  })
  const codec = await loadCodec(schemaType)
  const parsed = codec.parse(schema, references)
  if (!parsed.ok) throw new Error(parsed.message)
  const encoded = values.map((v) => {
    const r = encodeRegistryRecord(codec, parsed.schema, id, v)
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    return r.bytes
  })
  return { id, codec, parsed: parsed.schema, encoded }
}

const ORDER_AVRO = JSON.stringify({
  type: 'record',
  name: 'Order',
  namespace: 'console.real',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'note', type: ['null', 'string', 'long'] },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'price', type: { type: 'bytes', logicalType: 'decimal', precision: 20, scale: 2 } },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'] } },
    { name: 'lines', type: { type: 'array', items: 'int' } },
  ],
})
const BLOB_AVRO = JSON.stringify({
  type: 'record',
  name: 'Blob',
  namespace: 'console.real',
  fields: [{ name: 'blob', type: 'bytes' }],
})
const ORDER_JSON_SCHEMA = JSON.stringify({
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    price: { type: 'number' },
    tags: { type: 'array', items: { type: 'string' } },
    extra: { type: ['object', 'null'] },
  },
  required: ['id', 'name'],
})

describe('Karapace Schema Registry and REST proxy against the console registry client and codecs', () => {
  const topics: Record<string, string> = {}

  beforeAll(async () => {
    for (const t of ['avroIn', 'blobIn', 'jsonIn', 'avroOut', 'avroLogical', 'jsonOut', 'proto'])
      topics[t] = unique(`reg-real-${t.toLowerCase()}`)
    await Promise.all(Object.values(topics).map((t) => api.createTopic(t, 1)))
  })

  afterAll(async () => {
    // Subjects are soft-deleted so a rerun's compatibility checks start clean; topics stay (unique names).
    const subjects = await registry.listSubjects().catch(() => [] as string[])
    await Promise.all(
      subjects
        .filter((s) => s.startsWith('reg-real-'))
        .map((s) => registry.deleteSubject(s).catch(() => null)),
    )
  })

  it('Avro the console encodes reads back through a Karapace avro consumer as the same values', async () => {
    // As the console shows them (and takes them): the console's decode must give back these exact texts.
    const texts = [
      '{"id":9007199254740993,"note":{"string":"first ✓"},"at":"2026-12-06T14:10:33.123Z","price":"12345678901234567.89","status":"PAID","lines":[1,-2,2147483647]}',
      '{"id":-9223372036854775808,"note":{"long":9007199254740995},"at":"2026-12-06T14:10:33.000Z","price":"-0.05","status":"NEW","lines":[]}',
      '{"id":1,"note":null,"at":"1970-01-01T00:00:00.000Z","price":"0.00","status":"NEW","lines":[0]}',
    ]
    const values = texts.map((t) => parseJsonLossless(t) as Record<string, unknown>)
    const subject = `${topics.avroIn}-value`
    const { id, encoded } = await registerAndEncode(subject, 'AVRO', ORDER_AVRO, values)
    await api.produce(
      topics.avroIn,
      encoded.map((value) => ({ value, partition: 0 })),
    )
    for (const [i, bytes] of encoded.entries()) expect((await decodeWith(id, bytes)).json).toBe(texts[i])

    const read = await readAs(topics.avroIn, 'avro', values.length)
    if (!('values' in read))
      throw new Error(`Karapace could not read the records: ${read.status} ${read.text}`)
    const got = read.values as Array<Record<string, unknown>>
    expect(got).toHaveLength(values.length)
    for (const [i, want] of values.entries()) {
      const k = got[i]
      // long: an exact JSON number on both sides.
      expect(digits(k.id)).toBe(digits(want.id))
      // union: Karapace gives the bare value (Python's datum), the console Avro's JSON encoding {"branch": value}.
      expect(k.note === null ? null : digits(k.note)).toBe(
        want.note === null ? null : digits(Object.values(want.note as object)[0]),
      )
      // timestamp-millis: Karapace gives Python's isoformat (microseconds, and none at all on a whole second),
      // the console milliseconds: the same instant, other text.
      expect(Date.parse(k.at as string)).toBe(Date.parse(want.at as string))
      expect(k.at).toBe(pythonIso(want.at as string))
      // decimal: a JSON number on Karapace, lossy beyond a double's digits (see KARAPACE_DECIMALS).
      expect(digits(k.price)).toBe(decimalAsKarapace(want.price as string))
      expect(k.status).toBe(want.status)
      expect((k.lines as unknown[]).map(digits)).toEqual((want.lines as unknown[]).map(digits))
    }
  })

  it('Avro bytes the console encodes: Karapace cannot render them as JSON; the console shows hex', async () => {
    const { id, encoded } = await registerAndEncode(`${topics.blobIn}-value`, 'AVRO', BLOB_AVRO, [
      { blob: '00ff10' },
    ])
    await api.produce(topics.blobIn, [{ value: encoded[0], partition: 0 }])
    expect((await decodeWith(id, encoded[0])).json).toBe('{"blob":"00ff10"}')
    // Karapace's avro consumer hands Python bytes to ujson, which refuses them (`TypeError: reject_bytes is on`
    // in its log): a 500 for the whole batch. The console shows Avro bytes as hex.
    const read = await readAs(topics.blobIn, 'avro', 1)
    expect(read).toMatchObject({ status: 500 })
  })

  it('JSON Schema the console encodes reads back through a Karapace jsonschema consumer as the same JSON', async () => {
    const texts = [
      '{"id":12345678901234567890,"name":"Ada ✓","price":1.10,"tags":["a","b"],"extra":{"k":[1,null,true]}}',
      '{"id":-1,"name":"","extra":null}',
    ]
    const { id, encoded } = await registerAndEncode(
      `${topics.jsonIn}-value`,
      'JSON',
      ORDER_JSON_SCHEMA,
      texts.map(parseJsonLossless),
    )
    await api.produce(
      topics.jsonIn,
      encoded.map((value) => ({ value, partition: 0 })),
    )
    for (const [i, bytes] of encoded.entries()) expect((await decodeWith(id, bytes)).json).toBe(texts[i])
    const read = await readAs(topics.jsonIn, 'jsonschema', texts.length)
    if (!('values' in read))
      throw new Error(`Karapace could not read the records: ${read.status} ${read.text}`)
    // Karapace keeps big integers exact, but reads 1.10 as a float (written back as 1.1) and sorts the keys of
    // its answer (the console keeps the payload's order and digits): the same JSON values, other text.
    expect(read.values.map((v) => stringify(v))).toEqual([
      '{"extra":{"k":[1,null,true]},"id":12345678901234567890,"name":"Ada ✓","price":1.1,"tags":["a","b"]}',
      '{"extra":null,"id":-1,"name":""}',
    ])
    expect(read.values).toEqual(texts.map((t) => lossless(t.replace('1.10', '1.1'))))
  })

  it('Avro that Karapace produces from JSON decodes in the console to the same values', async () => {
    const schema = JSON.stringify({
      type: 'record',
      name: 'Reading',
      namespace: 'console.real',
      fields: [
        { name: 'id', type: 'long' },
        { name: 'label', type: ['null', 'string'] },
        { name: 'ratio', type: 'double' },
        { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['A', 'B'] } },
        { name: 'attrs', type: { type: 'map', values: 'long' } },
        {
          name: 'inner',
          type: { type: 'record', name: 'Inner', fields: [{ name: 'ok', type: 'boolean' }] },
        },
      ],
    })
    const sent = [
      '{"id":9007199254740993,"label":{"string":"tagged ✓"},"ratio":0.5,"kind":"B","attrs":{"x":-9223372036854775808},"inner":{"ok":true}}',
      '{"id":-3,"label":null,"ratio":-1.5e-7,"kind":"A","attrs":{},"inner":{"ok":false}}',
    ]
    const id = await produceJson(topics.avroOut, 'avro', schema, sent)
    const stored = await api.readRecords(topics.avroOut, 0, 0, sent.length)
    expect(stored).toHaveLength(sent.length)
    const decoded = await Promise.all(stored.map((r) => decodeWith(id, r.value)))
    expect(decoded.map((d) => d.format)).toEqual(['AVRO', 'AVRO'])
    // Exactly what was sent, tagged union and all (Karapace accepts the tagged form and stores the branch).
    expect(decoded[0].json).toBe(sent[0])
    expect(decoded[1].json).toBe(sent[1])
    expect(decoded[0].value).toMatchObject({ id: 9007199254740993n })

    // Karapace cannot produce Avro logical types from JSON: Python's avro wants a datetime (or Decimal, bytes)
    // where JSON has a number or string, so a timestamp-millis given as its number is refused (42205). The
    // console takes both the number and the ISO text.
    const logical = JSON.stringify({
      type: 'record',
      name: 'Stamp',
      fields: [{ name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } }],
    })
    const refused = await call(
      'POST',
      `${REST}/topics/${topics.avroLogical}`,
      JSON.stringify({ value_schema: logical, records: [{ value: { at: 1796566233123 } }] }),
      FORMAT_TYPES.avro,
    )
    expect([refused.status, (JSON.parse(refused.text) as { error_code: number }).error_code]).toEqual([
      422, 42205,
    ])
  })

  it('JSON Schema that Karapace produces from JSON decodes in the console to the same JSON', async () => {
    const sent = [
      '{"id":12345678901234567890,"name":"Grace ü/","price":2.5,"tags":["x"],"extra":{"deep":{"n":-7}}}',
      '{"id":0,"name":"zero"}',
    ]
    const id = await produceJson(topics.jsonOut, 'jsonschema', ORDER_JSON_SCHEMA, sent)
    expect((await registry.schemaById(id)).schemaType).toBe('JSON')
    const stored = await api.readRecords(topics.jsonOut, 0, 0, sent.length)
    const decoded = await Promise.all(stored.map((r) => decodeWith(id, r.value)))
    // Karapace writes the payload with ujson, which escapes non-ASCII and "/" (`"Grace \u00fc\/"`); the console
    // shows the payload's JSON text as written, escapes included: the same value, other text.
    expect(decoded.map((d) => d.json)).toEqual([sent[0].replace('ü/', '\\u00fc\\/'), sent[1]])
    expect(decoded.map((d) => JSON.parse(d.json) as unknown)).toEqual(
      sent.map((t) => JSON.parse(t) as unknown),
    )
    expect(decoded.map((d) => stringify(d.value))).toEqual(sent.map((t) => stringify(lossless(t))))
    expect(decoded.every((d) => d.warnings.length === 0)).toBe(true)
  })

  it('Protobuf with a reference: the console encodes, and decodes with what Karapace serves', async () => {
    const commonText = `syntax = "proto3";
package acme.common;

message Money {
  string currency = 1;
  int64 units = 2;
}
`
    const orderText = `syntax = "proto3";
package acme.orders;

import "acme/common.proto";

message Order {
  int64 id = 1;
  acme.common.Money total = 2;
  repeated string tags = 3;
  bytes blob = 4;
}
`
    const commonSubject = unique('reg-real-acme-common')
    const { id: commonId } = await registry.register(commonSubject, {
      schema: commonText,
      schemaType: 'PROTOBUF',
    })
    expect(commonId).toBeGreaterThan(0)
    const value = {
      id: '-9223372036854775808',
      total: { currency: 'EUR', units: '9007199254740993' },
      tags: ['a', 'ü'],
      blob: '00ff',
    }
    const { id, encoded } = await registerAndEncode(
      `${topics.proto}-value`,
      'PROTOBUF',
      orderText,
      [value],
      [{ name: 'acme/common.proto', subject: commonSubject, version: 1, schema: commonText }],
    )
    const served = await registry.schemaById(id)
    expect(served.references).toEqual([{ name: 'acme/common.proto', subject: commonSubject, version: 1 }])
    const decoded = await decodeWith(id, encoded[0])
    expect(decoded.messageName).toBe('acme.orders.Order')
    // proto3's JSON mapping, as the console shows it: 64-bit integers as strings (exact), bytes as hex.
    expect(decoded.json).toBe(JSON.stringify(value))

    // Karapace's REST proxy has a `protobuf` consumer format, but it compiles each schema with `protoc` at read
    // time (karapace/protobuf/io.py) and this lane's machine has no protoc: the read is a 500 (its log says
    // FileNotFoundError: 'protoc'). So Karapace cannot be the witness of Protobuf records here; the decoder above,
    // built only from Karapace's registry answers, is.
    await api.produce(topics.proto, [{ value: encoded[0], partition: 0 }])
    const read = await readAs(topics.proto, 'protobuf', 1)
    expect(read).toMatchObject({ status: 500 })
  })

  it('maps Karapace errors: an unknown schema id is 40403, a compatibility refusal 409 with the registry message', async () => {
    const unknown = await registry.schemaById(2_000_000_000).catch((e: unknown) => e)
    expect(isKafkaRestError(unknown)).toBe(true)
    const e404 = unknown as KafkaRestError
    expect([e404.status, e404.errorCode]).toEqual([404, 40403])
    expect(e404.hint).toMatch(/no schema with this id/)

    const subject = unique('reg-real-compat')
    const v1 = JSON.stringify({ type: 'record', name: 'C', fields: [{ name: 'a', type: 'string' }] })
    const v2 = JSON.stringify({ type: 'record', name: 'C', fields: [{ name: 'a', type: 'int' }] })
    await registry.register(subject, { schema: v1, schemaType: 'AVRO' })
    expect(await registry.checkCompatibility(subject, { schema: v2, schemaType: 'AVRO' })).toMatchObject({
      compatible: false,
    })
    const refused = await registry
      .register(subject, { schema: v2, schemaType: 'AVRO' })
      .catch((e: unknown) => e)
    expect(isKafkaRestError(refused)).toBe(true)
    const e409 = refused as KafkaRestError
    expect(e409.status).toBe(409)
    expect(e409.serverMessage).toMatch(/incompatible/i)
    expect(e409.hint).toMatch(/not compatible/)
  })
})

/** Python's datetime.isoformat() + 'Z' of an instant: microseconds, or none on a whole second. */
function pythonIso(iso: string) {
  const [base, frac] = iso.replace(/Z$/, '').split('.')
  return Number(frac) ? `${base}.${frac.padEnd(6, '0')}Z` : `${base}Z`
}

/**
 * Karapace writes its responses with ujson, which writes a Python Decimal as a double: a decimal beyond 15-17
 * significant digits loses its exact value (the console keeps it as an exact decimal string).
 */
const KARAPACE_DECIMALS: Record<string, string> = {
  '12345678901234567.89': '1.2345678901234568e+16',
  '-0.05': '-0.05',
  '0.00': '0.0',
}
const decimalAsKarapace = (exact: string) => KARAPACE_DECIMALS[exact]
