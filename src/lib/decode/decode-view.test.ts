import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { base64ToBytes } from '../bytes/base64.ts'
import { hexToBytes } from '../bytes/hex.ts'
import { expectBytes } from '../testing/bytes-assert.ts'
import { detectPayload } from './detect-payload.ts'
import { base64View, imageMime, jsonView, resolveDecoder, VIEW_DECODERS, wirePrefix } from './decode-view.ts'
import { hexDumpRow, hexDumpRowCount, hexDumpText } from './hex-dump.ts'
import { rowPreview } from './row-preview.ts'
import { textView } from './text-view.ts'

const enc = (s: string) => new TextEncoder().encode(s)
const b = (...v: number[]) => new Uint8Array(v)
const PNG = b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)

describe('jsonView', () => {
  it('pretty-prints without losing big integers, decimals or key order', () => {
    const bytes = enc('{"z":12345678901234567890123,"a":1.10,"e":1e400,"s":"\\u00e9"}')
    const view = jsonView(bytes, detectPayload(bytes))
    expect(view).toEqual({
      ok: true,
      payloadOffset: 0,
      text: '{\n  "z": 12345678901234567890123,\n  "a": 1.10,\n  "e": 1e400,\n  "s": "\\u00e9"\n}',
    })
  })

  it('pretty-prints the payload of a Schema Registry framed JSON value', () => {
    const bytes = new Uint8Array([0, 0, 0, 0, 42, ...enc('{"id":1}')])
    const d = detectPayload(bytes)
    expect(jsonView(bytes, d)).toEqual({ ok: true, payloadOffset: 5, text: '{\n  "id": 1\n}' })
    expect(wirePrefix(bytes, d)).toEqual({ schemaId: 42, hex: '00 00 00 00 2a', payloadOffset: 5 })
  })

  it('explains invalid JSON and waits for a click on huge values', () => {
    const bad = enc('{"a":')
    expect(jsonView(bad, detectPayload(bad))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Not valid JSON/),
    })
    const big = enc(`[${'1,'.repeat(2_200_000)}1]`)
    expect(jsonView(big, detectPayload(big, { maxScanBytes: 16 }))).toMatchObject({
      ok: false,
      tooLarge: true,
    })
  })
})

describe('images', () => {
  it('offers PNG/JPEG/GIF/WebP only, never SVG', () => {
    expect(imageMime(detectPayload(PNG))).toBe('image/png')
    expect(imageMime(detectPayload(enc('<svg onload="alert(1)"/>')))).toBeNull()
    expect(imageMime(detectPayload(enc('GIF89a')))).toBe('image/gif')
    expect(imageMime(detectPayload(enc('hello')))).toBeNull()
  })
  it('auto picks the detected decoder; a choice overrides it', () => {
    expect(resolveDecoder('auto', detectPayload(PNG))).toBe('image')
    expect(resolveDecoder('hex', detectPayload(PNG))).toBe('hex')
    expect(resolveDecoder('auto', detectPayload(b(0x1f, 0x8b, 8, 0)))).toBe('base64')
    expect(detectPayload(b(0x1f, 0x8b, 8, 0)).label).toBe('gzip-compressed data')
  })
})

describe('base64View', () => {
  it('shows a prefix that matches the full encoding', () => {
    const bytes = new Uint8Array(100).map((_, i) => i)
    const v = base64View(bytes, 10)
    expect(v.truncated).toBe(true)
    expectBytes(base64ToBytes(v.text), bytes.subarray(0, 9))
    expect(base64View(bytes).truncated).toBe(false)
  })
})

describe('every decoder over random bytes (property)', () => {
  it('never throws, and hex and base64 round-trip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const d = detectPayload(bytes)
        for (const choice of ['auto', ...VIEW_DECODERS] as const)
          expect(VIEW_DECODERS).toContain(resolveDecoder(choice, d))
        textView(bytes)
        jsonView(bytes, d)
        imageMime(d)
        wirePrefix(bytes, d)
        rowPreview(bytes.subarray(0, 40), bytes.length)
        expectBytes(base64ToBytes(base64View(bytes).text), bytes)
        // The hex column of every row parses back to exactly the bytes.
        const rows = Array.from({ length: hexDumpRowCount(bytes.length) }, (_, i) => hexDumpRow(bytes, i).hex)
        expectBytes(hexToBytes(rows.join(' ')), bytes)
        // And so does the copied dump (hex columns between the offset and the |ascii| gutter).
        const copied = hexDumpText(bytes)
          .split('\n')
          .filter((line) => line.includes('|'))
          .map((line) => line.slice(line.indexOf('  ') + 2, line.lastIndexOf('  |')))
          .join(' ')
        expectBytes(hexToBytes(copied), bytes)
      }),
      { numRuns: 300 },
    )
  })

  it('schema registry framing with random payloads never throws', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 0x7fffffff }),
        fc.uint8Array({ maxLength: 100 }),
        (id, payload) => {
          const bytes = new Uint8Array([
            0,
            id >>> 24,
            (id >>> 16) & 255,
            (id >>> 8) & 255,
            id & 255,
            ...payload,
          ])
          const d = detectPayload(bytes)
          expect(wirePrefix(bytes, d)?.schemaId).toBe(id)
          jsonView(bytes, d)
          rowPreview(bytes, bytes.length)
        },
      ),
    )
  })
})
