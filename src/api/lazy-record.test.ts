import { describe, expect, it } from 'vitest'
import { base64ByteLength, recordFromBase64 } from './lazy-record.ts'

describe('recordFromBase64', () => {
  it('knows sizes before decoding and decodes on first read', () => {
    const r = recordFromBase64({ topic: 't', partition: 1, offset: '5', key: null, value: 'AAEC/w==' })
    expect(r.valueSize).toBe(4)
    expect(r.keySize).toBe(0)
    expect(r.key).toBeNull()
    expect(Array.from(r.value!)).toEqual([0, 1, 2, 255])
    expect(r.value).toBe(r.value)
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
