import { describe, expect, it } from 'vitest'
import { NO_CAPABILITIES, withCapabilities, type Capabilities } from '../../api/capabilities.ts'
import { byteList, expectBytes } from '../../lib/testing/bytes-assert.ts'
import {
  buildRecord,
  countErrors,
  encodeField,
  encodeText,
  newHeaderDraft,
  newRecordDraft,
} from './record-draft.ts'

const ALL: Capabilities = {
  ...NO_CAPABILITIES,
  produce: { batch: true, toPartition: true, keys: true, headers: true, timestamp: false, tombstones: true },
}

describe('encodeText (the bytes a text field sends)', () => {
  it('sends emoji as their 4-byte UTF-8 sequences', () => {
    const r = encodeText('a😀é')
    expect(r.ok && byteList(r.bytes)).toEqual([0x61, 0xf0, 0x9f, 0x98, 0x80, 0xc3, 0xa9])
  })

  it('keeps a ZWJ emoji sequence, a BOM and NUL byte for byte', () => {
    const r = encodeText('\ufeff👩‍💻\u0000')
    expect(r.ok && byteList(r.bytes)).toEqual([
      0xef, 0xbb, 0xbf, 0xf0, 0x9f, 0x91, 0xa9, 0xe2, 0x80, 0x8d, 0xf0, 0x9f, 0x92, 0xbb, 0,
    ])
  })

  it.each([
    ['a high surrogate alone', 'ab\ud83d', 2, 'D83D'],
    ['a low surrogate alone', '\ude00x', 0, 'DE00'],
    ['two highs in a row', '\ud83d\ud83d\ude00', 0, 'D83D'],
  ])('refuses %s instead of sending U+FFFD', (_what, text, index, hex) => {
    const r = encodeText(text)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.index).toBe(index)
      expect(r.error.message).toContain(`U+${hex}`)
      expect(r.error.message).toContain(`position ${index + 1}`)
    }
  })

  it('sends an empty text as zero bytes', () => {
    const r = encodeText('')
    expect(r.ok && r.bytes.length).toBe(0)
  })
})

describe('encodeField', () => {
  it('decodes base64 (whitespace, URL-safe and missing padding accepted)', () => {
    for (const text of ['AAEC/w==', 'AAEC\n/w==', 'AAEC_w', 'AAEC/w']) {
      const r = encodeField(text, 'base64')
      expect(r.ok && byteList(r.bytes)).toEqual([0, 1, 2, 255])
    }
  })

  it('reports invalid base64 with its position', () => {
    const r = encodeField('aGVs*G8=', 'base64')
    expect(r).toMatchObject({ ok: false, error: { index: 4 } })
    if (!r.ok) expect(r.error.message).toMatch(/'\*' at position 5/)
  })

  it('sends JSON exactly as typed (big integers, spacing, key order)', () => {
    const text = '{ "b": 12345678901234567890123, "a": 1.10 }'
    const r = encodeField(text, 'json')
    expect(r.ok && new TextDecoder().decode(r.bytes)).toBe(text)
  })

  it('reports invalid JSON with line, column and the offset to select', () => {
    const r = encodeField('{\n  "a": 1,\n  "b": tru\n}', 'json')
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.message).toMatch(/^Invalid JSON: .*line 3, column 8/)
      expect(r.error.index).toBe(19)
    }
  })
})

describe('buildRecord', () => {
  it('builds key, value and headers as bytes', () => {
    const draft = newRecordDraft({
      keyFormat: 'text',
      key: 'k',
      valueFormat: 'base64',
      value: 'AP8=',
      headers: [
        newHeaderDraft({ name: 'h', value: 'v' }),
        newHeaderDraft(),
        newHeaderDraft({ name: 'b', value: 'AA==', format: 'base64' }),
      ],
    })
    const r = buildRecord(draft, ALL)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(byteList(r.record.key)).toEqual([0x6b])
    expect(byteList(r.record.value)).toEqual([0, 255])
    expect(r.record.headers?.map((h) => [h.name, byteList(h.value)])).toEqual([
      ['h', [0x76]],
      ['b', [0]],
    ])
    expect(r.file).toBeNull()
  })

  it('distinguishes no key from an empty key', () => {
    const none = buildRecord(newRecordDraft(), ALL)
    const empty = buildRecord(newRecordDraft({ keyFormat: 'text', key: '' }), ALL)
    expect(none.ok && none.record.key).toBeNull()
    expect(empty.ok && empty.record.key?.length).toBe(0)
  })

  it('sends a null value only where the dialect allows tombstones', () => {
    const draft = newRecordDraft({ valueFormat: 'null' })
    const ok = buildRecord(draft, ALL)
    expect(ok.ok && ok.record.value).toBeNull()
    const refused = buildRecord(draft, withCapabilities(ALL, { produce: { tombstones: false } }))
    expect(refused).toMatchObject({
      ok: false,
      errors: { value: { message: expect.stringMatching(/tombstone/) } },
    })
  })

  it('leaves headers out where the dialect has none', () => {
    const r = buildRecord(
      newRecordDraft({ headers: [newHeaderDraft({ name: 'h', value: 'v' })] }),
      withCapabilities(ALL, { produce: { headers: false } }),
    )
    expect(r.ok && r.record.headers).toBeUndefined()
  })

  it('returns the file for a file value, and asks for one when missing', () => {
    const file = new File([new Uint8Array([1, 2, 3])], 'x.bin')
    const r = buildRecord(newRecordDraft({ valueFormat: 'file', file }), ALL)
    expect(r.ok && r.file).toBe(file)
    expect(buildRecord(newRecordDraft({ valueFormat: 'file' }), ALL)).toMatchObject({
      ok: false,
      errors: { value: { message: expect.stringMatching(/Choose a file/) } },
    })
  })

  it('reports every problem at once', () => {
    const h = newHeaderDraft({ name: '', value: 'orphan' })
    const r = buildRecord(
      newRecordDraft({ keyFormat: 'base64', key: '!!', valueFormat: 'json', value: '{', headers: [h] }),
      ALL,
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(Object.keys(r.errors).sort()).toEqual(['headers', 'key', 'value'])
    expect(r.errors.headers?.[h.id]?.name).toBe('Enter a header name.')
    expect(countErrors(r.errors)).toBe(3)
  })

  it('sends a lone surrogate in text nowhere: it is an error, not U+FFFD', () => {
    const r = buildRecord(newRecordDraft({ value: 'x\ud800' }), ALL)
    expect(r).toMatchObject({ ok: false, errors: { value: { index: 1 } } })
  })

  it('builds emoji text into exact bytes', () => {
    const r = buildRecord(newRecordDraft({ keyFormat: 'text', key: '🔑', value: '🎉' }), ALL)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expectBytes(r.record.key, [0xf0, 0x9f, 0x94, 0x91])
    expectBytes(r.record.value, [0xf0, 0x9f, 0x8e, 0x89])
  })
})
