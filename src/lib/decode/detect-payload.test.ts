import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bytesToBase64 } from '../bytes/base64.ts'
import { detectPayload } from './detect-payload.ts'

const enc = (s: string) => new TextEncoder().encode(s)
const b = (...values: number[]) => new Uint8Array(values)
const PNG = b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52)

describe('detectPayload', () => {
  it.each([
    ['PNG', PNG, 'image/png'],
    ['JPEG', b(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['GIF87a', enc('GIF87a\x01\x00'), 'image/gif'],
    ['GIF89a', enc('GIF89a\x01\x00'), 'image/gif'],
    ['WebP', new Uint8Array([...enc('RIFF'), 0x24, 0, 0, 0, ...enc('WEBPVP8 ')]), 'image/webp'],
  ])('recognises %s images by magic bytes', (_name, bytes, mime) => {
    expect(detectPayload(bytes)).toMatchObject({ kind: 'image', decoder: 'image', mime })
  })

  it('does not take RIFF audio for WebP', () => {
    expect(detectPayload(new Uint8Array([...enc('RIFF'), 0x24, 0, 0, 0, ...enc('WAVEfmt ')])).kind).not.toBe(
      'image',
    )
  })

  it('never reports SVG as a renderable image', () => {
    for (const svg of [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '<?xml version="1.0"?>\n<!-- logo -->\n<SVG width="1"></SVG>',
      '\ufeff  <svg/>',
    ]) {
      const result = detectPayload(enc(svg))
      expect(result).toMatchObject({ kind: 'svg', decoder: 'text', mime: 'image/svg+xml' })
      expect(result.notes.join(' ')).toMatch(/never rendered/)
    }
  })

  it('recognises XML and HTML as text', () => {
    expect(detectPayload(enc('<?xml version="1.0"?><order id="1"/>'))).toMatchObject({
      kind: 'xml',
      decoder: 'text',
    })
    expect(detectPayload(enc('<order id="1"></order>'))).toMatchObject({ kind: 'xml', decoder: 'text' })
    expect(detectPayload(enc('<!DOCTYPE html><html></html>'))).toMatchObject({
      kind: 'html',
      decoder: 'text',
    })
    expect(detectPayload(enc('< 3 is less'))).toMatchObject({ kind: 'text' })
  })

  it.each([
    ['gzip', b(0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0), 'gzip'],
    ['zstd', b(0x28, 0xb5, 0x2f, 0xfd, 0x20, 0x05), 'zstd'],
    ['snappy framed', new Uint8Array([0xff, 0x06, 0, 0, ...enc('sNaPpY')]), 'snappy'],
    ['zip', b(0x50, 0x4b, 0x03, 0x04, 0x14), 'zip'],
    ['PDF', enc('%PDF-1.7\n%âãÏÓ'), 'pdf'],
  ])('recognises %s and suggests base64', (_name, bytes, kind) => {
    expect(detectPayload(bytes)).toMatchObject({ kind, decoder: 'base64' })
  })

  it('decodes Confluent Schema Registry framing', () => {
    const avro = b(0x00, 0x00, 0x00, 0x01, 0x2a, 0x02, 0x06, 0x66, 0x6f, 0x6f)
    const result = detectPayload(avro)
    expect(result).toMatchObject({
      kind: 'schema-registry',
      decoder: 'hex',
      schemaRegistry: { schemaId: 298, payloadOffset: 5 },
    })
    expect(result.notes[0]).toContain('schema id 298')
  })

  it('recognises JSON Schema serializer payloads after the framing', () => {
    const framed = new Uint8Array([0, 0x7f, 0xff, 0xff, 0xff, ...enc('{"id": 12345678901234567890}')])
    const result = detectPayload(framed)
    expect(result).toMatchObject({
      kind: 'schema-registry',
      decoder: 'json',
      schemaRegistry: { schemaId: 2147483647 },
    })
    expect(result.schemaRegistry?.inner.kind).toBe('json')
  })

  it('does not treat schema id 0 or ids above int32 as framing', () => {
    expect(detectPayload(b(0, 0, 0, 0, 0, 1)).kind).toBe('binary')
    expect(detectPayload(b(0, 0x80, 0, 0, 0, 1)).kind).toBe('binary')
    expect(detectPayload(b(0, 0, 0, 1)).kind).toBe('binary') // too short
  })

  it('suggests the JSON view for objects and arrays only', () => {
    expect(detectPayload(enc(' {"a": 1.10}\n'))).toMatchObject({
      kind: 'json',
      decoder: 'json',
      json: { kind: 'object' },
    })
    expect(detectPayload(enc('[1,2]'))).toMatchObject({
      kind: 'json',
      label: 'JSON array',
      json: { kind: 'array' },
    })
    expect(detectPayload(enc('42'))).toMatchObject({
      kind: 'text',
      decoder: 'text',
      json: { kind: 'number' },
    })
    expect(detectPayload(enc('"hi"'))).toMatchObject({ kind: 'text', json: { kind: 'string' } })
    expect(detectPayload(enc('true story'))).not.toHaveProperty('json')
  })

  it('explains almost-JSON so QA can see why it is not pretty-printed', () => {
    const result = detectPayload(enc('{"a": 1,}'))
    expect(result).toMatchObject({ kind: 'text', decoder: 'text' })
    expect(result.notes[0]).toMatch(/^Looks like JSON but is not valid: Trailing comma/)
  })

  it('handles a BOM before JSON', () => {
    const result = detectPayload(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('{"a":1}')]))
    expect(result.kind).toBe('json')
    expect(result.notes).toContain('Starts with a UTF-8 byte order mark (BOM)')
  })

  it('reports text, empty and binary', () => {
    expect(detectPayload(enc('héllo wörld\r\n\ttab'))).toMatchObject({
      kind: 'text',
      decoder: 'text',
      notes: [],
    })
    expect(detectPayload(b())).toMatchObject({ kind: 'empty' })
    const latin1 = detectPayload(b(0x63, 0x61, 0x66, 0xe9))
    expect(latin1).toMatchObject({ kind: 'binary', decoder: 'hex' })
    expect(latin1.notes).toEqual(['Not valid UTF-8 (first invalid byte at offset 3)'])
  })

  it('treats control-heavy UTF-8 (e.g. protobuf) as binary but tolerates a stray control character', () => {
    expect(detectPayload(b(0x0a, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x10, 0x01))).toMatchObject({
      kind: 'binary',
    })
    const stray = detectPayload(enc('a long line of ordinary log text with one\u0007bell in it'))
    expect(stray).toMatchObject({ kind: 'text', notes: ['Contains 1 control character'] })
    expect(detectPayload(enc('\u001b[31mred\u001b[0m')).kind).toBe('text')
  })

  it('notes text that is base64 of something recognisable', () => {
    const result = detectPayload(enc(bytesToBase64(PNG)))
    expect(result.kind).toBe('text')
    expect(result.notes).toEqual(['Text looks like base64 of PNG image (16 bytes)'])
    expect(detectPayload(enc('ThisIsJustAWordThatHappensToBeValid')).notes).toEqual([])
  })

  it('checks only a prefix of very large values and says so', () => {
    const big = enc('{"a":"' + 'é'.repeat(600) + '"}')
    const result = detectPayload(big, { maxScanBytes: 101 }) // cuts inside a 2-byte character
    expect(result.kind).toBe('json')
    expect(result.notes[0]).toMatch(/^Large value: only the first 100 of \d+ bytes were checked/)
  })

  it('never throws on random bytes (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 64 }),
          fc.uint8Array({ maxLength: 32 }).map((x) => new Uint8Array([0, ...x])),
          fc.string({ maxLength: 30 }).map((s) => enc(s)),
          fc.json().map((s) => enc(s)),
        ),
        fc.integer({ min: 1, max: 100 }),
        (bytes, maxScanBytes) => {
          const result = detectPayload(bytes, { maxScanBytes })
          expect(['json', 'text', 'hex', 'image', 'base64']).toContain(result.decoder)
          // The safety net in detectPayload must never be what handled it.
          expect(result.notes.join('\n')).not.toContain('Could not analyse')
        },
      ),
      { numRuns: 1000 },
    )
  })
})
