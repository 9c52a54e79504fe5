import { isLosslessNumber } from 'lossless-json'
import { describe, expect, it } from 'vitest'
import { parseJsonLossless } from '../json/json-lossless.ts'
import { codec, validateJson } from './json-schema-codec.ts'
import type { ParsedSchema } from './types.ts'

const enc = new TextEncoder()

function parsed(schema: unknown, references?: { name: string; schema: string }[]): ParsedSchema {
  const result = codec.parse(JSON.stringify(schema), references)
  if (!result.ok) throw new Error(result.message)
  return result.schema
}

const PERSON = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string', minLength: 1 },
    tags: { type: 'array', items: { type: 'string' } },
  },
  required: ['id', 'name'],
  additionalProperties: false,
}

describe('JSON Schema codec', () => {
  it('decodes the payload losslessly: the text as sent, big numbers exact in the tree', () => {
    const schema = parsed(PERSON)
    const text = '{"id": 12345678901234567890, "name":"Zoë", "tags":["a"], "x":1.10}'
    const bytes = Uint8Array.from([0, 0, 0, 0, 3, ...enc.encode(text)])
    const result = codec.decode(schema, bytes, 5)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.json).toBe(text)
    const value = result.value.value as Record<string, unknown>
    expect(isLosslessNumber(value.id) && value.id.toString()).toBe('12345678901234567890')
    expect(isLosslessNumber(value.x) && value.x.toString()).toBe('1.10')
    // It decodes, but says where it breaks its schema.
    expect(result.value.warnings).toEqual([expect.stringContaining('/x')])
  })

  it('fails with the byte offset when the payload is not JSON', () => {
    const bytes = Uint8Array.from([0, 0, 0, 0, 3, ...enc.encode('{"é": tru}')])
    const result = codec.decode(parsed(PERSON), bytes, 5)
    expect(result).toMatchObject({ ok: false, failure: { kind: 'mismatch', offset: 5 + 7 } })
  })

  it('validates draft-07 with instance paths', () => {
    const schema = parsed(PERSON)
    expect(validateJson(schema, { id: 1, name: 'a' })).toEqual([])
    const errors = validateJson(schema, parseJsonLossless('{"id": 1.5, "name": "", "tags": ["a", 2]}'))
    expect(errors.map((e) => e.instancePath).sort()).toEqual(['/id', '/name', '/tags/1'])
    expect(validateJson(schema, { name: 'a' })).toEqual([expect.objectContaining({ instancePath: '' })])
  })

  it('validates 2020-12 (prefixItems, $defs) and resolves references by name', () => {
    const ref = { name: 'address.json', schema: JSON.stringify({ type: 'object', required: ['city'] }) }
    const schema = parsed(
      {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: {
          pair: { type: 'array', prefixItems: [{ type: 'string' }, { $ref: '#/$defs/n' }], items: false },
          home: { $ref: 'address.json' },
        },
        $defs: { n: { type: 'number' } },
      },
      [ref],
    )
    expect(validateJson(schema, { pair: ['a', 1], home: { city: 'X' } })).toEqual([])
    const errors = validateJson(schema, { pair: ['a', 'b', 3], home: {} })
    const paths = errors.map((e) => e.instancePath)
    expect(paths).toContain('/pair/1')
    expect(paths).toContain('/home')
  })

  it('encodes only valid values, keeping every digit', () => {
    const schema = parsed(PERSON)
    const value = parseJsonLossless('{"id": 9223372036854775807, "name": "n"}')
    const result = codec.encode(schema, value)
    expect(result.ok && new TextDecoder().decode(result.bytes)).toBe('{"id":9223372036854775807,"name":"n"}')
    expect(codec.encode(schema, { id: 'x', name: 'n' })).toMatchObject({
      ok: false,
      errors: [{ instancePath: '/id' }],
    })
  })

  it('reports schemas that are not JSON Schemas', () => {
    expect(codec.parse('{')).toMatchObject({ ok: false })
    expect(codec.parse('[1]')).toMatchObject({ ok: false })
    expect(codec.parse('true')).toMatchObject({ ok: true })
  })
})
