import { describe, expect, it } from 'vitest'
import type { KafkaRecord } from '../../api/types.ts'
import { loadCodec } from '../schema/codec-loader.ts'
import { encodeRegistryRecord } from '../schema/registry-record.ts'
import { decodeWindow, schemaIdsOf, type ReadySchema } from './decoded-window.ts'
import { recordsToCsv, recordsToNdjson } from './export-records.ts'
import { filterRecords } from './record-filter.ts'

const SCHEMA = JSON.stringify({
  type: 'record',
  name: 'Payment',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'seq', type: 'long' },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['PENDING', 'REFUNDED'] } },
  ],
})

async function avroSchema(): Promise<ReadySchema> {
  const codec = await loadCodec('AVRO')
  const parsed = codec.parse(SCHEMA)
  if (!parsed.ok) throw new Error(parsed.message)
  return { codec, schema: parsed.schema }
}

function record(offset: string, value: Uint8Array | null, key: Uint8Array | null = null): KafkaRecord {
  return {
    topic: 't',
    partition: 0,
    offset,
    key,
    value,
    keySize: key?.length ?? null,
    valueSize: value?.length ?? null,
  } as KafkaRecord
}

describe('a window of Schema Registry records, decoded for the filter and the exports', () => {
  it('filters by decoded text and exports the decoded JSON beside the exact bytes', async () => {
    const ready = await avroSchema()
    const encode = (value: unknown) => {
      const r = encodeRegistryRecord(ready.codec, ready.schema, 9, value)
      if (!r.ok) throw new Error(JSON.stringify(r.errors))
      return r.bytes
    }
    const refunded = record('0', encode({ id: 'a', seq: '9007199254740993', status: 'REFUNDED' }))
    const pending = record('1', encode({ id: 'b', seq: 1, status: 'PENDING' }))
    const plain = record('2', new TextEncoder().encode('REFUNDED as text'))
    const unknownId = record('3', Uint8Array.of(0, 0, 0, 0, 42, 1, 2))
    const all = [refunded, pending, plain, unknownId]
    expect(schemaIdsOf(all)).toEqual([9, 42])

    const decoded = decodeWindow(new Map([[9, ready]]))
    expect(decoded.get(refunded)?.value).toBe('{"id":"a","seq":9007199254740993,"status":"REFUNDED"}')
    // Decoded once, on first ask: the same text object comes back.
    expect(decoded.get(refunded)).toBe(decoded.get(refunded))
    expect(decoded.get(plain)).toBeUndefined()
    expect(decoded.get(unknownId)).toBeUndefined()
    expect(decodeWindow(new Map()).get(refunded)).toBeUndefined()
    // An enum is an index on the wire: only the decoded text holds "REFUNDED" (ASCII case folded as for bytes).
    expect(filterRecords(all, 'refunded')).toEqual([plain])
    expect(filterRecords(all, 'refunded', decoded)).toEqual([refunded, plain])

    const ndjson = recordsToNdjson([refunded], decoded)
    expect(ndjson).toContain('"encoding":"base64","valueDecoded":{"id":"a","seq":9007199254740993,')
    expect(() => JSON.parse(ndjson)).not.toThrow()
    const csv = recordsToCsv([refunded, plain], 'UTC', decoded).split('\r\n')
    expect(csv[0]).toBe('topic,partition,offset,timestamp,key,value,headers,key_decoded,value_decoded')
    expect(csv[1]).toMatch(/,,"\{""id"":""a"",""seq"":9007199254740993,""status"":""REFUNDED""\}"$/)
    expect(csv[2]).toMatch(/REFUNDED as text,,,$/)
    expect(recordsToCsv([plain], 'UTC').split('\r\n')[0]).toBe(
      'topic,partition,offset,timestamp,key,value,headers',
    )
  })

  it('names at most the number of schema ids asked for', () => {
    const many = Array.from({ length: 100 }, (_, i) => record(String(i), Uint8Array.of(0, 0, 0, 1, i, 0)))
    expect(schemaIdsOf(many, 10)).toHaveLength(10)
  })
})
