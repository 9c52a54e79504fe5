import { describe, expect, it } from 'vitest'
import { formatSchemaText } from './format-schema.ts'

describe('formatSchemaText', () => {
  it('pretty-prints Avro and JSON Schema, keeping long numbers exact', () => {
    expect(formatSchemaText('{"type":"long","default":9007199254740993}', 'AVRO')).toEqual({
      text: '{\n  "type": "long",\n  "default": 9007199254740993\n}',
      language: 'json',
    })
    expect(formatSchemaText('{"type":"object"}', 'JSON').text).toBe('{\n  "type": "object"\n}')
  })

  it('keeps .proto text and unparsable JSON as received', () => {
    expect(formatSchemaText('syntax = "proto3";', 'PROTOBUF')).toEqual({
      text: 'syntax = "proto3";',
      language: 'proto',
    })
    expect(formatSchemaText('{"broken":', 'AVRO').text).toBe('{"broken":')
    expect(formatSchemaText('"string"', 'AVRO').text).toBe('"string"')
  })
})
