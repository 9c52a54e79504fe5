import { describe, expect, it } from 'vitest'
import { hintForHttpError, MAX_MESSAGE_CHARS, omittedNote, parseErrorBody } from './errors.ts'

describe('parseErrorBody', () => {
  it('reads Confluent 5-digit and HTTP codes', () => {
    expect(
      parseErrorBody('{"error_code":40401,"message":"Topic not found."}', 'application/vnd.kafka.v2+json'),
    ).toMatchObject({ errorCode: 40401, message: 'Topic not found.' })
    expect(
      parseErrorBody('{"error_code":415,"message":"HTTP 415 Unsupported Media Type"}', 'application/json'),
    ).toMatchObject({ errorCode: 415 })
  })
  it('reads an empty 406 and text/plain 400', () => {
    expect(parseErrorBody('', null)).toMatchObject({ errorCode: null, message: null })
    expect(parseErrorBody("Unexpected character ('x' (code 120))", 'text/plain')).toMatchObject({
      message: "Unexpected character ('x' (code 120))",
    })
  })
  it('reads Strimzi validation_errors', () => {
    const p = parseErrorBody(
      '{"error_code":400,"message":"Validation error on: Schema validation error","validation_errors":["a","b"]}',
      'application/json',
    )
    expect(p.details).toEqual(['a', 'b'])
  })
  it('reads IBM camelCase and nested error bodies', () => {
    expect(
      parseErrorBody('{"errorCode":42201,"errorMessage":"Topic already exists"}', 'application/json'),
    ).toMatchObject({ errorCode: 42201, message: 'Topic already exists' })
    expect(
      parseErrorBody('{"error":{"message":"Unsupported","error_code":415}}', 'application/json'),
    ).toMatchObject({ errorCode: 415, message: 'Unsupported' })
  })
  it('recognises our proxy errors and HTML pages', () => {
    expect(
      parseErrorBody(
        '{"error":"upstream_unreachable","message":"Nothing is listening","code":"ECONNREFUSED"}',
        'application/json',
      ),
    ).toMatchObject({
      proxyKind: 'upstream_unreachable',
      systemCode: 'ECONNREFUSED',
    })
    expect(parseErrorBody('<html><title>502 Bad Gateway</title></html>', 'text/html')).toMatchObject({
      html: true,
      message: '502 Bad Gateway',
    })
  })
})

describe('hintForHttpError', () => {
  it('maps codes to hints', () => {
    expect(hintForHttpError(404, 40401, { html: false })).toMatch(/Topic not found/)
    expect(hintForHttpError(401, 40101, { html: false })).toMatch(/key was rejected/)
    expect(hintForHttpError(406, null, { html: false })).toMatch(/another API dialect/)
    expect(hintForHttpError(404, null, { html: false })).toMatch(/base path/)
    expect(hintForHttpError(404, 404, { html: false, message: 'Topic x cannot be found.' })).toMatch(
      /Topic not found/,
    )
    expect(hintForHttpError(500, 50003, { html: false })).toMatch(/retriable/)
  })
})

describe('parseErrorBody with bodies of any size', () => {
  const MB = 1024 * 1024
  const bytes = (s: string) => new TextEncoder().encode(s)

  it('clips a huge JSON message and says how much was left out, reading fields after it', () => {
    const p = parseErrorBody(
      bytes(JSON.stringify({ message: 'A'.repeat(2 * MB), error_code: 40101 })),
      'application/json',
    )
    expect(p.errorCode).toBe(40101)
    expect(p.message).toBe('A'.repeat(MAX_MESSAGE_CHARS))
    expect(p.messageOmitted).toBe(2 * MB - MAX_MESSAGE_CHARS)
  })

  it('clips a bare JSON string, nested IBM messages and validation errors', () => {
    expect(parseErrorBody(bytes(JSON.stringify('é'.repeat(5000))), 'application/json')).toMatchObject({
      message: 'é'.repeat(MAX_MESSAGE_CHARS),
      messageOmitted: 3000,
      messageOmittedApproximate: false,
    })
    expect(
      parseErrorBody(bytes(JSON.stringify({ error: { message: 'B'.repeat(3000), error_code: 500 } })), null),
    ).toMatchObject({ errorCode: 500, messageOmitted: 1000 })
    const p = parseErrorBody(
      bytes(JSON.stringify({ error_code: 400, validation_errors: Array(50).fill('C'.repeat(1000)) })),
      'application/json',
    )
    expect(p.details).toHaveLength(21)
    expect(p.details[0]).toBe(`${'C'.repeat(500)}… (500 more characters)`)
    expect(p.details[20]).toBe('… and 30 more')
  })

  it('reads only the start of a huge text or HTML body', () => {
    const text = parseErrorBody(bytes('D'.repeat(20 * MB)), 'text/plain')
    expect(text.message).toBe('D'.repeat(MAX_MESSAGE_CHARS))
    expect(text.messageOmitted).toBe(20 * MB - MAX_MESSAGE_CHARS)
    expect(text.messageOmittedApproximate).toBe(true)
    const html = parseErrorBody(
      bytes(`<!doctype html><title>Sign in</title><body>${'E'.repeat(20 * MB)}</body>`),
      'text/html',
    )
    expect(html).toMatchObject({ html: true, message: 'Sign in' })
    // Not JSON although it starts like it: shown as text, clipped.
    expect(parseErrorBody(bytes(`{"message": "${'F'.repeat(3 * MB)}`), 'application/json')).toMatchObject({
      message: `{"message": "${'F'.repeat(MAX_MESSAGE_CHARS - 13)}`,
    })
  })

  it('omittedNote says how much more there is', () => {
    expect(omittedNote(0)).toBe('')
    expect(omittedNote(1234567)).toBe('… (1,234,567 more characters)')
    expect(omittedNote(5, true)).toBe('… (about 5 more characters)')
  })
})
