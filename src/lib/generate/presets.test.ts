import { describe, expect, it } from 'vitest'
import { createGenerator, loadFaker } from './generator.ts'
import { DEMO_PRESETS, parsePresets, serializePresets } from './presets.ts'

describe('presets', () => {
  it('every demo preset generates valid JSON', async () => {
    const faker = await loadFaker()
    for (const p of DEMO_PRESETS) {
      const [r] = createGenerator({ ...p, seed: 1 }, faker)(0, 1)
      expect(() => JSON.parse(new TextDecoder().decode(r.value))).not.toThrow()
    }
  })

  it('export and import round-trip, and bad files are refused with a reason', () => {
    expect(parsePresets(serializePresets(DEMO_PRESETS))).toEqual(DEMO_PRESETS)
    expect(() => parsePresets('{')).toThrow(/not JSON/)
    expect(() => parsePresets('[{"name":"x"}]')).toThrow(/Preset 1: "keyTemplate" must be text/)
    expect(() => parsePresets('[1]')).toThrow(/Preset 1 is not an object/)
  })

  it('keeps a "from schema" choice by subject name only, and refuses one without a subject', () => {
    const mine = {
      ...DEMO_PRESETS[0],
      name: 'Orders from the registry',
      fromSchema: { subject: 'orders-value', version: '3', message: '' },
    }
    expect(parsePresets(serializePresets([mine]))).toEqual([mine])
    const loose = parsePresets(
      JSON.stringify([{ ...mine, fromSchema: { subject: 'x', version: 'v1', schema: '{"type":"string"}' } }]),
    )
    expect(loose[0].fromSchema).toEqual({ subject: 'x', version: 'latest', message: '' })
    expect(() => parsePresets(JSON.stringify([{ ...mine, fromSchema: {} }]))).toThrow(
      /Preset 1: "fromSchema" needs a "subject"/,
    )
  })
})
