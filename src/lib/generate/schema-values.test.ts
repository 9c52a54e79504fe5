import { describe, expect, it } from 'vitest'
import { parseWireFormat } from '../schema/wire-format.ts'
import { GenerateSpecError, type GenerateSpec } from './generator.ts'
import { mainThreadSource } from './record-source.ts'
import { describeSchemaSource, type SchemaSource } from './schema-source.ts'

const AVRO: SchemaSource = {
  subject: 'orders-value',
  version: 2,
  id: 7,
  format: 'AVRO',
  schema: JSON.stringify({
    type: 'record',
    name: 'Order',
    fields: [
      { name: 'id', type: { type: 'string', logicalType: 'uuid' } },
      { name: 'customer', type: 'Customer' },
      { name: 'total', type: 'long' },
      { name: 'next', type: ['null', 'Order'] },
    ],
  }),
  references: [
    {
      name: 'Customer',
      schema: JSON.stringify({
        type: 'record',
        name: 'Customer',
        fields: [
          { name: 'name', type: 'string' },
          { name: 'email', type: 'string' },
        ],
      }),
    },
  ],
}

const PROTO: SchemaSource = {
  subject: 'events-value',
  version: 1,
  id: 9,
  format: 'PROTOBUF',
  schema: `syntax = "proto3"; package demo;
    message First { string x = 1; }
    message Event { int64 at = 1; map<string, int32> counts = 2; oneof o { string a = 3; double b = 4; } }`,
  references: [],
  messageName: 'demo.Event',
  messageIndexes: [1],
}

const spec = (valueSchema: SchemaSource, seed = 42): GenerateSpec => ({
  keyTemplate: 'k-{{seq}}',
  valueTemplate: 'unused {{',
  valueFormat: 'json',
  headers: [],
  seed,
  valueSchema,
})

describe('values from a schema in a generate run', () => {
  it('frames every value for the schema id and decodes it back; the same seed gives the same bytes', async () => {
    const source = await mainThreadSource(spec(AVRO))
    const t = performance.now()
    const records = await source.records(0, 2000)
    const ms = performance.now() - t
    console.info(`schema generation (Avro, main thread): ${Math.round((2000 / ms) * 1000)} records/s`)
    for (const r of records.slice(0, 50)) {
      const wire = parseWireFormat(r.value, 'AVRO')
      expect(wire).toMatchObject({ ok: true, schemaId: 7, payloadOffset: 5 })
      const json = JSON.parse(source.schemaValues!.describe(r.value))
      expect(json.customer.email).toMatch(/@example\.com$/)
    }
    expect(new TextDecoder().decode(records[3].key!)).toBe('k-4') // {{seq}} counts from 1
    const again = await (await mainThreadSource(spec(AVRO))).records(1990, 10)
    expect(again).toEqual(records.slice(1990))
    const other = await (await mainThreadSource(spec(AVRO, 43))).records(0, 1)
    expect(other[0].value).not.toEqual(records[0].value)
    expect(describeSchemaSource(AVRO)).toBe('Avro · orders-value v2 (schema 7)')
  })

  it('the key and headers repeat top-level fields of the value with {{ref name}} (long as its digits)', async () => {
    const source = await mainThreadSource({
      ...spec(AVRO),
      keyTemplate: '{{ref id}}',
      headers: [
        { name: 'total', template: '{{ref total}}' },
        { name: 'nested', template: '[{{ref customer}}]' },
      ],
    })
    const [r] = await source.records(0, 1)
    const json = JSON.parse(source.schemaValues!.describe(r.value))
    expect(new TextDecoder().decode(r.key!)).toBe(json.id)
    expect(new TextDecoder().decode(r.headers[0].value)).toBe(String(json.total))
    // A nested record is not a scalar: nothing to repeat.
    expect(new TextDecoder().decode(r.headers[1].value)).toBe('[]')
  })

  it('writes the chosen Protobuf message’s indexes', async () => {
    const source = await mainThreadSource(spec(PROTO))
    const t = performance.now()
    const [r] = await source.records(0, 2000)
    console.info(
      `schema generation (Protobuf, main thread): ${Math.round((2000 / (performance.now() - t)) * 1000)} records/s`,
    )
    expect(parseWireFormat(r.value, 'PROTOBUF')).toMatchObject({ ok: true, schemaId: 9, messageIndexes: [1] })
    expect(Object.keys(JSON.parse(source.schemaValues!.describe(r.value)))).toContain('at')
  })

  it('reports a schema that does not parse, and a constraint it cannot meet, under "Value schema"', async () => {
    await expect(mainThreadSource(spec({ ...AVRO, schema: '{"type":"nope"}' }))).rejects.toThrow(
      /Value schema: orders-value v2 cannot be used: .*nope/,
    )
    const json: SchemaSource = {
      ...AVRO,
      format: 'JSON',
      references: [],
      schema:
        '{"type":"object","properties":{"zip":{"type":"string","pattern":"^[0-9]{5}$"}},"required":["zip"]}',
    }
    const source = await mainThreadSource(spec(json))
    const error = await source.records(0, 1).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GenerateSpecError)
    expect((error as Error).message).toMatch(
      'Value schema: record 1: Cannot generate a value for /properties/zip/pattern: pattern is not supported',
    )
  })
})
