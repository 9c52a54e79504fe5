import { describe, expect, it } from 'vitest'
import { isSchemaFormat, loadCodec } from './codec-loader.ts'

describe('loadCodec', () => {
  it('loads each codec once', async () => {
    for (const format of ['AVRO', 'PROTOBUF', 'JSON'] as const) {
      const codec = await loadCodec(format)
      expect(codec.format).toBe(format)
      expect(await loadCodec(format)).toBe(codec)
    }
    expect(isSchemaFormat('AVRO')).toBe(true)
    expect(isSchemaFormat('avro')).toBe(false)
  })
})
