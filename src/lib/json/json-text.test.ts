import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_INDENT_DEPTH, inspectJson, lineColumnAt, prettyJson, validateJson } from './json-text.ts'

function prettyOk(input: string | Uint8Array, indent?: number | string): string {
  const result = prettyJson(input, indent === undefined ? {} : { indent })
  if (!result.ok) throw new Error(result.error.message)
  return result.text
}

function invalid(text: string) {
  const result = validateJson(text)
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be invalid`)
  return result
}

function parsesNatively(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

// Valid JSON with random single-character damage, to exercise the error paths.
const damagedJson = fc
  .tuple(
    fc.json({ maxDepth: 3 }),
    fc.nat(),
    fc.constantFrom(
      '',
      ',',
      '}',
      ']',
      '"',
      ':',
      '0',
      '-',
      '.',
      'e',
      ' ',
      '\n',
      '\\',
      '\u0001',
      'x',
      '{',
      '[',
    ),
  )
  .map(([json, at, insert]) => {
    const p = at % (json.length + 1)
    return at % 2 === 0
      ? json.slice(0, p) + insert + json.slice(p)
      : json.slice(0, p) + insert + json.slice(p + 1)
  })

describe('validateJson', () => {
  it('accepts every JSON value kind', () => {
    for (const text of [
      '{}',
      '[]',
      '"s"',
      '0',
      '-0.5e-3',
      'true',
      'false',
      'null',
      ' \t\r\n{"a":[1,{"b":null}]}\n',
    ]) {
      expect(validateJson(text), text).toEqual({ ok: true })
    }
  })

  it('agrees with JSON.parse on valid and damaged JSON (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json({ maxDepth: 3 }), damagedJson), (text) => {
        expect(validateJson(text).ok, JSON.stringify(text)).toBe(parsesNatively(text))
      }),
      { numRuns: 2000 },
    )
  })

  it.each([
    ['', 'Empty input: expected a JSON value at line 1, column 1', 1, 1, 0],
    ['{"a": 1,}', "Trailing comma before '}' is not allowed in JSON at line 1, column 8", 1, 8, 7],
    ['[1 2]', "Expected ',' or ']' in array, found '2' (missing comma?) at line 1, column 4", 1, 4, 3],
    [
      '{\n  "a": 1\n  "b": 2\n}',
      "Expected ',' or '}' in object, found '\"' (missing comma?) at line 3, column 3",
      3,
      3,
      13,
    ],
    ["{'a': 1}", `Unexpected ''': property names must use double quotes (") at line 1, column 2`, 1, 2, 1],
    ['{a: 1}', "Property names must be double-quoted strings, found 'a' at line 1, column 2", 1, 2, 1],
    ['{"a" 1}', `Expected ':' after property name "a", found '1' at line 1, column 6`, 1, 6, 5],
    ['[01]', 'Invalid number: leading zeros are not allowed at line 1, column 2', 1, 2, 1],
    ['1.', "Invalid number: expected a digit after '.' at line 1, column 3", 1, 3, 2],
    ['-', "Invalid number: expected a digit after '-' at line 1, column 2", 1, 2, 1],
    ['1e', 'Invalid number: expected digits in the exponent at line 1, column 3', 1, 3, 2],
    [
      '.5',
      "Invalid number starting with '.': JSON numbers start with '-' or a digit at line 1, column 1",
      1,
      1,
      0,
    ],
    ['tru', "Invalid literal 'tru': did you mean true? at line 1, column 1", 1, 1, 0],
    ['True', "Unexpected 'T': JSON literals are lowercase (true, false, null) at line 1, column 1", 1, 1, 0],
    ['NaN', 'NaN is not allowed in JSON at line 1, column 1', 1, 1, 0],
    ['// c\n1', "Unexpected '/': comments are not allowed in JSON at line 1, column 1", 1, 1, 0],
    ['"abc', `Unterminated string: missing closing '"' at line 1, column 1`, 1, 1, 0],
    ['"a\\x"', "Invalid escape '\\x' in string at line 1, column 3", 1, 3, 2],
    [
      '"\\u12G4"',
      "Invalid unicode escape: '\\u' must be followed by 4 hex digits at line 1, column 2",
      1,
      2,
      1,
    ],
    [
      '{"a": "b\n}',
      `Line break inside a string: missing closing '"'? (write a line break as \\n) at line 1, column 9`,
      1,
      9,
      8,
    ],
    [
      '"\t"',
      'Unescaped control character U+0009 in string (write a tab as \\t) at line 1, column 2',
      1,
      2,
      1,
    ],
    [
      '{"a":1} {"b":2}',
      "Unexpected '{' after the end of the JSON value: only one JSON value is allowed at line 1, column 9",
      1,
      9,
      8,
    ],
    ['[1]]', "Unexpected ']' after the end of the JSON value at line 1, column 4", 1, 4, 3],
    ['[1}', "Expected ',' or ']' in array, found '}' (mismatched bracket) at line 1, column 3", 1, 3, 2],
    [
      '\ufeff{}',
      'Unexpected byte order mark (U+FEFF) at the start: remove it, JSON text must not start with one at line 1, column 1',
      1,
      1,
      0,
    ],
    [
      '{"a": [1,\r\n 2',
      "Unexpected end of input: expected ',' or ']' (the array opened at line 1, column 7 is not closed) at line 2, column 3",
      2,
      3,
      13,
    ],
    [
      '{"a":',
      'Unexpected end of input: expected a value (the object opened at line 1, column 1 is not closed) at line 1, column 6',
      1,
      6,
      5,
    ],
    ['[\u00a01]', 'Unexpected character U+00A0: expected a JSON value at line 1, column 2', 1, 2, 1],
  ])('reports %j clearly', (text, message, line, column, position) => {
    expect(invalid(text)).toEqual({ ok: false, message, line, column, position })
  })

  it('reports UTF-16 positions after astral characters and lone surrogates', () => {
    expect(invalid('["😀", x]')).toMatchObject({ position: 7, column: 8 })
    expect(invalid('"\ud800" x')).toMatchObject({
      position: 4,
      message: expect.stringMatching(/^Unexpected 'x'/),
    })
    expect(invalid('[é, 1]').message).toBe("Unexpected 'é': expected a JSON value at line 1, column 2")
  })

  it('counts lines for CRLF, LF and lone CR', () => {
    expect(lineColumnAt('a\r\nb\nc\rd', 7)).toEqual({ line: 4, column: 1 })
    expect(lineColumnAt('ab', 1)).toEqual({ line: 1, column: 2 })
  })

  it('has no nesting limit (iterative) and reports depth', () => {
    const depth = 100_000
    const deep = '['.repeat(depth) + ']'.repeat(depth)
    const inspected = inspectJson(deep)
    expect(inspected.ok && inspected.summary).toEqual({ maxDepth: depth, kind: 'array' })
    expect(invalid('['.repeat(depth) + ']'.repeat(depth - 1)).message).toMatch(/^Unexpected end of input/)
  })

  it('reports the top-level kind', () => {
    const kinds = ['{}', '[1]', '"x"', '-1', 'false', 'null'].map((t) => {
      const r = inspectJson(t)
      return r.ok ? r.summary.kind : null
    })
    expect(kinds).toEqual(['object', 'array', 'string', 'number', 'boolean', 'null'])
  })
})

describe('prettyJson', () => {
  it('keeps big integers, decimals, exponents and escapes exactly as written', () => {
    const input =
      '{"big":12345678901234567890,"dec":1.10,"exp":1E+2,"neg":-0.0,"esc":"\\u00e9\\/","dup":1,"dup":2}'
    expect(prettyOk(input)).toBe(
      [
        '{',
        '  "big": 12345678901234567890,',
        '  "dec": 1.10,',
        '  "exp": 1E+2,',
        '  "neg": -0.0,',
        '  "esc": "\\u00e9\\/",',
        '  "dup": 1,',
        '  "dup": 2',
        '}',
      ].join('\n'),
    )
  })

  it('prints empty containers inline and nests arrays', () => {
    expect(prettyOk(' { "a" : [ ] , "b" : { } , "c" : [ 1 , [ 2 ] ] } ')).toBe(
      '{\n  "a": [],\n  "b": {},\n  "c": [\n    1,\n    [\n      2\n    ]\n  ]\n}',
    )
  })

  it('matches JSON.stringify(…, 2) for canonical JSON (property)', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => {
        expect(prettyOk(text)).toBe(JSON.stringify(JSON.parse(text), null, 2))
        expect(prettyOk(text, 0)).toBe(JSON.stringify(JSON.parse(text)))
        expect(prettyOk(text, '\t')).toBe(JSON.stringify(JSON.parse(text), null, '\t'))
      }),
      { numRuns: 500 },
    )
  })

  it('is idempotent and preserves every token (property)', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => {
        const once = prettyOk(text)
        expect(prettyOk(once)).toBe(once)
        expect(prettyOk(once, 0)).toBe(prettyOk(text, 0))
      }),
      { numRuns: 300 },
    )
  })

  it('accepts UTF-8 bytes, skipping a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"é":1}')])
    expect(prettyOk(bytes)).toBe('{\n  "é": 1\n}')
  })

  it('reports invalid UTF-8 with the byte offset and text position', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{\n"a": "é'), 0xff, 0x22, 0x7d])
    const result = prettyJson(bytes)
    expect(result).toEqual({
      ok: false,
      error: {
        message: 'Not valid UTF-8: invalid byte at offset 10 at line 2, column 8',
        line: 2,
        column: 8,
        position: 9,
      },
    })
  })

  it('returns the validation error for invalid JSON', () => {
    const result = prettyJson('[1,]')
    expect(!result.ok && result.error.position).toBe(2)
  })

  it('clamps indentation for pathological nesting so output stays linear', () => {
    const depth = 20_000
    const text = prettyOk('['.repeat(depth) + ']'.repeat(depth))
    const lines = text.split('\n')
    expect(lines).toHaveLength(2 * depth - 1)
    expect(Math.max(...lines.map((l) => l.length))).toBe(2 * MAX_INDENT_DEPTH + 2)
  })

  it('pretty-prints a multi-megabyte document quickly', () => {
    const doc = JSON.stringify(
      Array.from({ length: 40_000 }, (_, i) => ({
        id: i,
        offset: '9007199254740993',
        name: `item ${i}`,
        tags: ['a', 'b'],
      })),
    )
    expect(doc.length).toBeGreaterThan(3_000_000)
    const start = performance.now()
    const text = prettyOk(doc)
    expect(performance.now() - start).toBeLessThan(3000)
    expect(text.length).toBeGreaterThan(doc.length)
  })
})
