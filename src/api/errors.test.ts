import { describe, expect, it } from 'vitest'
import { hintForHttpError, parseErrorBody } from './errors.ts'

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
