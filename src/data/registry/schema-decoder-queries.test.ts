import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import type { KafkaRestClient } from '../../api/kafka-rest-client.ts'
import type { RegisteredSchema, SubjectVersion } from '../../api/registry/registry-types.ts'
import type { SchemaRegistryClient } from '../../api/registry/schema-registry-client.ts'
import { decodeRegistryRecord } from '../../lib/schema/registry-record.ts'
import { provideKafkaClient } from '../connection-scope.ts'
import { schemaDecoderQueryOptions } from './schema-decoder-queries.ts'

/** A registry of hand-made answers: ids and subject versions, counting the calls. */
function fakeRegistry(byId: Record<number, RegisteredSchema>, versions: Record<string, SubjectVersion>) {
  const calls = { byId: 0, byVersion: 0 }
  const registry = {
    schemaById: (id: number) => {
      calls.byId++
      return byId[id] ? Promise.resolve(byId[id]) : Promise.reject(new Error(`no schema ${id}`))
    },
    schemaByVersion: (subject: string, version: number) => {
      calls.byVersion++
      const v = versions[`${subject}:${version}`]
      return v ? Promise.resolve(v) : Promise.reject(new Error(`no ${subject} v${version}`))
    },
  } as unknown as SchemaRegistryClient
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  provideKafkaClient(qc, 'c', {} as KafkaRestClient, registry)
  return { qc, calls }
}

const version = (subject: string, v: number, schema: string, refs: SubjectVersion['references'] = []) =>
  ({ subject, version: v, id: 100 + v, schemaType: 'PROTOBUF', schema, references: refs }) as SubjectVersion

describe('schemaDecoderQueryOptions', () => {
  it('decodes with a schema fetched once per id', async () => {
    const avro = { id: 7, schemaType: 'AVRO' as const, schema: '"string"', references: [] }
    const { qc, calls } = fakeRegistry({ 7: avro }, {})
    const decoder = await qc.fetchQuery(schemaDecoderQueryOptions('c', 7))
    await qc.fetchQuery(schemaDecoderQueryOptions('c', 7))
    expect(calls.byId).toBe(1)
    const framed = Uint8Array.of(0, 0, 0, 0, 7, 4, 0x68, 0x69) // magic, id 7, Avro string "hi"
    const decoded = decodeRegistryRecord(decoder.codec, decoder.schema, framed)
    expect(decoded.ok && decoded.value.json).toBe('"hi"')
  })

  it('follows references of references, each once, and a cycle ends', async () => {
    const main: RegisteredSchema = {
      id: 1,
      schemaType: 'PROTOBUF',
      schema: 'syntax = "proto3";\nimport "b.proto";\nmessage M { B b = 1; }',
      references: [{ name: 'b.proto', subject: 'b', version: 1 }],
    }
    const { qc, calls } = fakeRegistry(
      { 1: main },
      {
        'b:1': version('b', 1, 'syntax = "proto3";\nimport "c.proto";\nmessage B { C c = 1; }', [
          { name: 'c.proto', subject: 'c', version: 1 },
        ]),
        'c:1': version('c', 1, 'syntax = "proto3";\nmessage C { string s = 1; }', [
          { name: 'b.proto', subject: 'b', version: 1 },
        ]),
      },
    )
    const decoder = await qc.fetchQuery(schemaDecoderQueryOptions('c', 1))
    expect(decoder.format).toBe('PROTOBUF')
    expect(calls.byVersion).toBe(2)
  })

  it('refuses references nested deeper than it follows, and says so', async () => {
    const chain: Record<string, SubjectVersion> = {}
    for (let i = 0; i < 12; i++) {
      chain[`s${i}:1`] = version(`s${i}`, 1, 'syntax = "proto3";', [
        { name: `s${i + 1}`, subject: `s${i + 1}`, version: 1 },
      ])
    }
    const main: RegisteredSchema = {
      id: 2,
      schemaType: 'PROTOBUF',
      schema: 'syntax = "proto3";',
      references: [{ name: 's0', subject: 's0', version: 1 }],
    }
    const { qc } = fakeRegistry({ 2: main }, chain)
    await expect(qc.fetchQuery(schemaDecoderQueryOptions('c', 2))).rejects.toThrow(/nest deeper than 8/)
  })
})
