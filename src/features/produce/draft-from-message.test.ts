import { describe, expect, it } from 'vitest'
import { NO_CAPABILITIES, withCapabilities, type Capabilities } from '../../api/capabilities.ts'
import { byteList, expectBytes } from '../../lib/testing/bytes-assert.ts'
import { PREFILL_FILE_THRESHOLD, prefillFromDraft } from './draft-from-message.ts'
import { buildRecord } from './record-draft.ts'

const CAPS: Capabilities = {
  ...NO_CAPABILITIES,
  produce: { batch: false, toPartition: true, keys: true, headers: true, timestamp: false, tombstones: true },
}
const enc = (s: string) => new TextEncoder().encode(s)

/** "Produce again" must send exactly the message's bytes: prefill, then build what the form would send. */
function roundTrip(key: Uint8Array | null, value: Uint8Array | null, caps = CAPS) {
  const prefill = prefillFromDraft({ topic: 't', partition: 1, key, value }, caps)
  const built = buildRecord(prefill.record, caps)
  if (!built.ok) throw new Error(JSON.stringify(built.errors))
  return { prefill, built }
}

describe('prefillFromDraft', () => {
  it('shows UTF-8 as text and JSON objects as JSON, and sends the same bytes back', () => {
    const { prefill, built } = roundTrip(enc('order-1 😀'), enc('{"id": 12345678901234567890}'))
    expect(prefill.record).toMatchObject({ keyFormat: 'text', key: 'order-1 😀', valueFormat: 'json' })
    expect(prefill).toMatchObject({ topic: 't', partition: 1, notes: [] })
    expect(byteList(built.record.key)).toEqual(byteList(enc('order-1 😀')))
    expect(byteList(built.record.value)).toEqual(byteList(enc('{"id": 12345678901234567890}')))
  })

  it.each([
    ['invalid UTF-8', new Uint8Array([0xff, 0x00, 0xc3])],
    ['a CR (a textarea would turn it into LF)', enc('a\r\nb')],
    ['a lone surrogate encoded as CESU bytes', new Uint8Array([0xed, 0xa0, 0x80])],
  ])('uses base64 for %s, byte for byte', (_what, bytes) => {
    const { prefill, built } = roundTrip(bytes, bytes)
    expect(prefill.record.keyFormat).toBe('base64')
    expect(prefill.record.valueFormat).toBe('base64')
    expect(byteList(built.record.key)).toEqual(Array.from(bytes))
    expect(byteList(built.record.value)).toEqual(Array.from(bytes))
  })

  it('keeps a line break in a value as text but not in a single-line key', () => {
    const { prefill } = roundTrip(enc('a\nb'), enc('line 1\nline 2'))
    expect(prefill.record.keyFormat).toBe('base64')
    expect(prefill.record).toMatchObject({ valueFormat: 'text', value: 'line 1\nline 2' })
  })

  it('turns a large value into a file with the same bytes', async () => {
    const big = new Uint8Array(PREFILL_FILE_THRESHOLD + 1).map((_, i) => i)
    const { prefill, built } = roundTrip(null, big)
    expect(prefill.record.valueFormat).toBe('file')
    expect(built.file?.size).toBe(big.length)
    expectBytes(new Uint8Array(await built.file!.arrayBuffer()), big)
  })

  it('keeps a tombstone, and says when the endpoint cannot send one', () => {
    expect(roundTrip(null, null).built.record).toMatchObject({ key: null, value: null })
    const refused = prefillFromDraft(
      { topic: 't', key: null, value: null },
      withCapabilities(CAPS, { produce: { tombstones: false } }),
    )
    expect(refused.notes).toEqual([expect.stringMatching(/tombstone/)])
  })

  it('carries headers (binary ones as base64) and notes what cannot be sent', () => {
    const prefill = prefillFromDraft(
      {
        topic: 't',
        key: null,
        value: enc('v'),
        headers: [
          { name: 'trace', value: enc('abc') },
          { name: 'bin', value: new Uint8Array([0xff]) },
          { name: 'none', value: null },
        ],
      },
      withCapabilities(CAPS, { produce: { toPartition: false } }),
    )
    expect(prefill.record.headers.map((h) => [h.name, h.format, h.value])).toEqual([
      ['trace', 'text', 'abc'],
      ['bin', 'base64', '/w=='],
      ['none', 'text', ''],
    ])
    expect(prefill.partition).toBe('auto')
    expect(prefill.notes).toEqual(['Headers with a null value are sent with an empty value.'])
  })
})
