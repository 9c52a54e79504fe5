import { describe, expect, it } from 'vitest'
import { createSchemaCache, type CachedSchema } from './schema-cache.ts'

const entry = (id: number): CachedSchema => ({ ok: true, id, format: 'AVRO', schema: { format: 'AVRO' } })

describe('schema cache', () => {
  it('parses each id once and reuses the parsed object', () => {
    const cache = createSchemaCache()
    let parses = 0
    const parse = () => {
      parses++
      return entry(1)
    }
    const first = cache.getOrParse(1, parse)
    expect(cache.getOrParse(1, parse)).toBe(first)
    expect(parses).toBe(1)
  })

  it('caches failures too, and drops the least recently used beyond its size', () => {
    const cache = createSchemaCache(2)
    cache.set({ ok: false, id: 9, message: 'unknown schema id' })
    cache.set(entry(1))
    cache.get(9)
    cache.set(entry(2))
    expect(cache.get(1)).toBeUndefined()
    expect(cache.get(9)).toMatchObject({ ok: false })
    expect(cache.size).toBe(2)
    cache.clear()
    expect(cache.size).toBe(0)
  })
})
