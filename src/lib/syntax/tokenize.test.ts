import { describe, expect, it } from 'vitest'
import { tokenize } from './tokenize.ts'

const kinds = (text: string, lang: 'json' | 'proto') =>
  tokenize(text, lang)
    .filter((t) => t.text.trim())
    .map((t) => `${t.kind}:${t.text.trim()}`)

describe('tokenize', () => {
  it('colours JSON keys, strings, numbers and keywords', () => {
    expect(kinds('{"type": "record", "default": -1.5e+3, "x": [true, null]}', 'json')).toEqual([
      'punctuation:{',
      'key:"type"',
      'punctuation::',
      'string:"record"',
      'punctuation:,',
      'key:"default"',
      'punctuation::',
      'number:-1.5e+3',
      'punctuation:,',
      'key:"x"',
      'punctuation::',
      'punctuation:[',
      'keyword:true',
      'punctuation:,',
      'keyword:null',
      'punctuation:]',
      'punctuation:}',
    ])
  })

  it('colours .proto keywords, comments and strings', () => {
    const text = 'syntax = "proto3";\n// a comment\nmessage Order { int64 id = 1; /* x */ }'
    expect(kinds(text, 'proto')).toEqual([
      'keyword:syntax',
      'punctuation:=',
      'string:"proto3"',
      'punctuation:;',
      'comment:// a comment',
      'keyword:message',
      'plain:Order',
      'punctuation:{',
      'keyword:int64',
      'plain:id',
      'punctuation:=',
      'number:1',
      'punctuation:;',
      'comment:/* x */',
      'punctuation:}',
    ])
  })

  it('loses no character, whatever the input (escapes, unterminated strings, odd bytes)', () => {
    for (const [text, lang] of [
      ['{"a\\"b": "c\\\\", "d": "unterminated', 'json'],
      ["option (x) = 'y'; /* open", 'proto'],
      ['\u0000\u{1F600} ¬¬ 1-2', 'json'],
    ] as const) {
      expect(
        tokenize(text, lang)
          .map((t) => t.text)
          .join(''),
      ).toBe(text)
    }
  })
})
