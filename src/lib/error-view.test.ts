import { describe, expect, it } from 'vitest'
import { KafkaRestError } from '../api/errors.ts'
import { bodyFileName, errorView } from './error-view.ts'

describe('errorView', () => {
  it('keeps what a KafkaRestError carries', () => {
    const body = new Blob(['<html>'])
    const view = errorView(
      new KafkaRestError({
        kind: 'http',
        status: 502,
        message: 'HTTP 502: Bad Gateway',
        hint: 'The endpoint is down.',
        details: ['one', 'two'],
        request: { method: 'GET', url: 'http://kafka/topics' },
        responseBody: body,
        received: { status: 502, contentType: 'text/html', bytes: 6, declaredBytes: 6 },
      }),
    )
    expect(view).toEqual({
      message: 'HTTP 502: Bad Gateway',
      details: ['one', 'two'],
      hint: 'The endpoint is down.',
      request: 'GET http://kafka/topics',
      body: { blob: body, fileName: 'response-502.html' },
    })
  })

  it('leaves out what a KafkaRestError does not carry', () => {
    const view = errorView(new KafkaRestError({ kind: 'network', message: 'Failed to fetch', hint: '' }))
    expect(view).toEqual({ message: 'Failed to fetch', details: [], hint: null, request: null, body: null })
  })

  it('takes any other Error by its message, and anything else as text', () => {
    expect(errorView(new TypeError('boom'))).toEqual({
      message: 'boom',
      details: [],
      hint: null,
      request: null,
      body: null,
    })
    expect(errorView(42).message).toBe('42')
  })
})

describe('bodyFileName', () => {
  it('names the body by status and content type', () => {
    expect(bodyFileName(404, 'application/json; charset=utf-8')).toBe('response-404.json')
    expect(bodyFileName(500, 'text/HTML')).toBe('response-500.html')
    expect(bodyFileName(null, null)).toBe('response-body.txt')
  })
})
