import { describe, expect, it } from 'vitest'
import { murmur2, partitionForKey } from './murmur2.ts'
import { decodeBase64 } from './base64.ts'
import { negotiate, type Offer } from './media-types.ts'
import { topicNameProblem } from './topic-names.ts'
import { splitJsonStream } from './v3-records.ts'

describe('murmur2', () => {
  it("matches Kafka's UtilsTest.testMurmur2 vectors", () => {
    const cases: Array<[string, number]> = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ]
    for (const [input, hash] of cases) expect(murmur2(Buffer.from(input))).toBe(hash)
  })

  it('maps to a partition with toPositive(hash) % n', () => {
    expect(partitionForKey(Buffer.from('21'), 3)).toBe((-973932308 & 0x7fffffff) % 3)
    expect(partitionForKey(Buffer.alloc(0), 7)).toBeLessThan(7)
  })
})

describe('base64', () => {
  it('rejects Confluent test vector aGVsbG8== and non-alphabet text', () => {
    expect(decodeBase64('aGVsbG8==')).toBeNull()
    expect(decodeBase64('not base64!')).toBeNull()
    expect(decodeBase64('a')).toBeNull()
    expect(decodeBase64('aGVsbG9=')).toBeNull() // non-zero trailing bits
    expect(decodeBase64('-_8=')).toBeNull() // base64url alphabet
  })

  it('accepts padded, unpadded, empty and line-wrapped text', () => {
    expect(decodeBase64('aGVsbG8=')?.toString()).toBe('hello')
    expect(decodeBase64('aGVsbG8')?.toString()).toBe('hello')
    expect(decodeBase64('')?.length).toBe(0)
    expect(decodeBase64('aGVs\r\nbG8=')?.toString()).toBe('hello')
  })
})

describe('content negotiation (Confluent RootResourceTest table)', () => {
  const offers: Offer[] = [
    ['application/vnd.kafka.v1+json', 0.9],
    ['application/vnd.kafka+json', 0.8],
    ['application/json', 0.5],
  ]
  it.each([
    ['application/vnd.kafka.v1+json', 'application/vnd.kafka.v1+json'],
    ['application/vnd.kafka+json', 'application/vnd.kafka+json'],
    ['application/json', 'application/json'],
    [
      'application/vnd.kafka.v1+json; qs=0.9, application/vnd.kafka+json; qs=0.8, application/json',
      'application/vnd.kafka.v1+json',
    ],
    [
      'application/vnd.kafka.v1+json; q=0.8, application/vnd.kafka+json; q=0.9, application/json; q=0.7',
      'application/vnd.kafka+json',
    ],
    [
      'application/vnd.kafka.v1+json; q=0.8, application/vnd.kafka+json; q=0.7, application/json; q=0.9',
      'application/json',
    ],
    [undefined, 'application/vnd.kafka.v1+json'],
    ['*/*', 'application/vnd.kafka.v1+json'],
    ['text/plain', null],
    ['application/octet-stream', null],
    ['application/json; q=0', null],
  ])('Accept %s → %s', (accept, expected) => {
    expect(negotiate(accept, offers)).toBe(expected)
  })
})

describe('topic names', () => {
  it("follows Kafka's rules", () => {
    expect(topicNameProblem('orders.v1_x-y')).toBeNull()
    expect(topicNameProblem('.')).not.toBeNull()
    expect(topicNameProblem('..')).not.toBeNull()
    expect(topicNameProblem('')).not.toBeNull()
    expect(topicNameProblem('a'.repeat(249))).toBeNull()
    expect(topicNameProblem('a'.repeat(250))).not.toBeNull()
    expect(topicNameProblem('bad/name')).not.toBeNull()
    expect(topicNameProblem('spaced name')).not.toBeNull()
  })
})

describe('v3 stream splitting', () => {
  it('splits concatenated JSON objects, braces inside strings included', () => {
    const chunks = [...splitJsonStream('{"a":"}{"} {"b":[1,{"c":2}]}\n{"d":"\\"}"}')]
    expect(chunks.map((c) => c.value)).toEqual([{ a: '}{' }, { b: [1, { c: 2 }] }, { d: '"}' }])
  })

  it('reports a truncated object', () => {
    const chunks = [...splitJsonStream('{"a":1}{"b":')]
    expect(chunks[0].value).toEqual({ a: 1 })
    expect(chunks[1].error).not.toBeNull()
  })
})
