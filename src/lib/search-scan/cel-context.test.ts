import { describe, expect, it } from 'vitest'
import { celContext, parseJsonForCel, payloadForCel } from './cel-context.ts'

const enc = (s: string) => new TextEncoder().encode(s)

describe('parseJsonForCel', () => {
  it('turns integers into bigints, keeps doubles, and keeps every digit beyond 2^53', () => {
    expect(parseJsonForCel('{"a":1,"b":[2,3.5],"c":{"d":-4}}')).toEqual({
      a: 1n,
      b: [2n, 3.5],
      c: { d: -4n },
    })
    expect(parseJsonForCel('{"id":12345678901234567891,"x":1.5}')).toEqual({
      id: 12345678901234567891n,
      x: 1.5,
    })
  })

  it('walks deep documents without recursion and answers undefined for non-JSON', () => {
    const deep = '['.repeat(5000) + '1' + ']'.repeat(5000)
    let v = parseJsonForCel(deep)
    for (let i = 0; i < 5000; i++) v = (v as unknown[])[0]
    expect(v).toBe(1n)
    expect(parseJsonForCel('{nope')).toBeUndefined()
  })
})

describe('payloadForCel and celContext', () => {
  it('parses objects and arrays, and leaves other payloads as text', () => {
    expect(payloadForCel(enc(' {"a":1}'))).toEqual({ a: 1n })
    expect(payloadForCel(enc('42'))).toBe('42')
    expect(payloadForCel(enc('{broken'))).toBe('{broken')
    expect(payloadForCel(new Uint8Array([0xff, 0x41]))).toBe('\uFFFDA')
    expect(payloadForCel(null)).toBeNull()
  })

  it('decodes only what the expression needs, and gives metadata as ints', () => {
    const r = {
      partition: 2,
      offset: '9223372036854775806',
      timestamp: 1000,
      key: enc('k'),
      value: enc('{"a":1}'),
      headers: [
        { name: 'h', value: enc('v') },
        { name: 'n', value: null },
      ],
    }
    const ctx = celContext(r, 10, { key: false, value: true, headers: true })
    expect(ctx.key).toBeNull()
    expect(ctx.value).toEqual({ a: 1n })
    expect([...ctx.headers]).toEqual([
      ['h', 'v'],
      ['n', ''],
    ])
    expect([ctx.partition, ctx.offset, ctx.timestamp, ctx.size]).toEqual([
      2n,
      9223372036854775806n,
      1000n,
      10n,
    ])
  })
})
