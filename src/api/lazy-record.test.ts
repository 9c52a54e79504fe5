import { describe, expect, it } from 'vitest'
import { bytesToBase64 } from '../lib/bytes/base64.ts'
import {
  base64ByteLength,
  isNullPart,
  lazyWire,
  partBytesOnce,
  recordBytesPrefix,
  recordFromBase64,
  startsWithZeroByte,
} from './lazy-record.ts'

describe('recordFromBase64', () => {
  it('knows sizes before decoding and decodes on first read', () => {
    const r = recordFromBase64({ topic: 't', partition: 1, offset: '5', key: null, value: 'AAEC/w==' })
    expect(r.valueSize).toBe(4)
    expect(r.keySize).toBe(0)
    expect(r.key).toBeNull()
    expect(Array.from(r.value!)).toEqual([0, 1, 2, 255])
    expect(r.value).toBe(r.value)
  })
  it('holds the base64 or the bytes, never both; the fields a list reads are plain own fields', () => {
    const r = recordFromBase64({
      topic: 't',
      partition: 1,
      offset: '5',
      timestamp: 7,
      key: 'aw==',
      value: 'AAEC/w==',
    })
    expect(lazyWire(r)).toEqual({ key: 'aw==', value: 'AAEC/w==' })
    expect(Object.keys(r).sort()).toEqual([
      'keySize',
      'offset',
      'partition',
      'timestamp',
      'topic',
      'valueSize',
    ])
    expect(r.value).toBe(r.value)
    // Read once: the bytes replace the base64 (a worker is then sent bytes, not the text).
    expect(lazyWire(r)).toBeUndefined()
    expect(Array.from(partBytesOnce(r, 'value')!)).toEqual([0, 1, 2, 255])
    expect('headers' in r).toBe(false)
  })
  it('shows invalid base64 as its text instead of throwing', () => {
    const r = recordFromBase64({ topic: 't', partition: 0, offset: '0', key: '!!', value: '' })
    expect(new TextDecoder().decode(r.key!)).toBe('!!')
    expect(r.value!.length).toBe(0)
  })
  it.each([
    ['', 0],
    ['AA==', 1],
    ['AAE=', 2],
    ['AAEC', 3],
    ['AAECAw', 4],
  ])('base64ByteLength(%j) = %i', (b64, n) => expect(base64ByteLength(b64)).toBe(n))
})

describe('recordBytesPrefix', () => {
  const b64 = (bytes: number[]) => bytesToBase64(new Uint8Array(bytes))
  const bytes = Array.from({ length: 1000 }, (_, i) => (i * 7) & 0xff)

  it('decodes only the prefix of a lazy value and leaves the record lazy', () => {
    const wire = { topic: 't', partition: 0, offset: '0', key: null, value: b64(bytes) }
    const r = recordFromBase64(wire)
    for (const n of [0, 1, 2, 3, 4, 100, 999])
      expect(Array.from(recordBytesPrefix(r, 'value', n)!)).toEqual(bytes.slice(0, n))
    expect(Array.from(recordBytesPrefix(r, 'value', 5000)!)).toEqual(bytes)
    expect(recordBytesPrefix(r, 'key', 10)).toBeNull()
  })
  it('uses already decoded bytes, and slices records that are not lazy', () => {
    const r = recordFromBase64({ topic: 't', partition: 0, offset: '0', key: 'AAEC', value: b64(bytes) })
    void r.value
    expect(Array.from(recordBytesPrefix(r, 'value', 3)!)).toEqual(bytes.slice(0, 3))
    const plain = { ...r, key: new Uint8Array([9, 8, 7]), value: null }
    expect(Array.from(recordBytesPrefix(plain, 'key', 2)!)).toEqual([9, 8])
    expect(recordBytesPrefix(plain, 'value', 2)).toBeNull()
  })
  it('falls back to the full decode for invalid base64 or base64 with whitespace', () => {
    const bad = recordFromBase64({
      topic: 't',
      partition: 0,
      offset: '0',
      key: null,
      value: '!!not base64!!',
    })
    expect(new TextDecoder().decode(recordBytesPrefix(bad, 'value', 5)!)).toBe('!!not')
    const wrapped = b64(bytes).replace(/(.{8})/g, '$1\n')
    const spaced = recordFromBase64({ topic: 't', partition: 0, offset: '0', key: null, value: wrapped })
    expect(Array.from(recordBytesPrefix(spaced, 'value', 40)!)).toEqual(bytes.slice(0, 40))
  })
})

describe('isNullPart', () => {
  it('answers from the wire text without decoding a lazy record, and asks other records directly', () => {
    const r = recordFromBase64({ topic: 't', partition: 0, offset: '0', key: null, value: 'AAEC' })
    expect(isNullPart(r, 'key')).toBe(true)
    expect(isNullPart(r, 'value')).toBe(false)
    expect(lazyWire(r)).toBeDefined() // still lazy: nothing was decoded
    expect(isNullPart({ key: new Uint8Array(), value: null }, 'key')).toBe(false)
    expect(isNullPart({ key: new Uint8Array(), value: null }, 'value')).toBe(true)
  })
})

describe('partBytesOnce', () => {
  it('gives the same bytes as reading the record, and leaves a lazy record lazy', () => {
    const r = recordFromBase64({ topic: 't', partition: 0, offset: '0', key: '!!', value: 'AAEC/w==' })
    expect(Array.from(partBytesOnce(r, 'value')!)).toEqual([0, 1, 2, 255])
    expect(new TextDecoder().decode(partBytesOnce(r, 'key')!)).toBe('!!')
    expect(lazyWire(r)).toBeDefined()
    expect(Array.from(partBytesOnce(r, 'value')!)).toEqual(Array.from(r.value!))
    expect(partBytesOnce({ key: null, value: null }, 'key')).toBeNull()
  })
})

describe('startsWithZeroByte', () => {
  it('answers from the base64 as decoding would, for every first and second byte, and leaves the record lazy', () => {
    for (let first = 0; first < 256; first++) {
      for (const second of [0, 0x0f, 0x10, 0xff]) {
        const value = bytesToBase64(new Uint8Array([first, second, 7, 1, 2]))
        const r = recordFromBase64({ topic: 't', partition: 0, offset: '0', key: null, value })
        expect(startsWithZeroByte(r, 'value')).toBe(first === 0)
        expect(startsWithZeroByte(r, 'key')).toBe(false)
        expect(lazyWire(r)).toBeDefined()
      }
    }
  })
  it('decodes the head when the base64 starts with whitespace, and asks other records directly', () => {
    const spaced = recordFromBase64({ topic: 't', partition: 0, offset: '0', key: ' AAEC', value: '' })
    expect(startsWithZeroByte(spaced, 'key')).toBe(true)
    expect(startsWithZeroByte(spaced, 'value')).toBe(false)
    const plain = {
      topic: 't',
      partition: 0,
      offset: '0',
      keySize: 1,
      valueSize: 0,
      key: new Uint8Array([0]),
      value: null,
    }
    expect(startsWithZeroByte(plain, 'key')).toBe(true)
    expect(startsWithZeroByte(plain, 'value')).toBe(false)
  })
})
