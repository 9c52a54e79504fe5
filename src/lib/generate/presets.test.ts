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
})
