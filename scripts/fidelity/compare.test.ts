import { describe, expect, it } from 'vitest'
import { compareAnswers, shapeDiff } from './compare.ts'

const answer = (status: number, mediaType: string | null, body: unknown) => ({ status, mediaType, body })

describe('compareAnswers', () => {
  it('reports nothing for equal shapes with different values', () => {
    const a = answer(200, 'application/vnd.kafka.v2+json', { offsets: [{ partition: 0, offset: 1 }] })
    const b = answer(200, 'application/vnd.kafka.v2+json', { offsets: [{ partition: 2, offset: 9 }] })
    expect(compareAnswers(a, b)).toEqual([])
  })

  it('reports status, media type, error code and record error codes separately', () => {
    const a = answer(200, 'application/vnd.kafka.v2+json', {
      offsets: [{ partition: null, offset: null, error_code: 50002, error: 'x' }],
    })
    const b = answer(422, 'application/vnd.kafka.json.v2+json', { offsets: [{ error_code: 2, error: 'y' }] })
    const aspects = compareAnswers(a, b).map((d) => [d.aspect, d.sandbox, d.real])
    expect(aspects).toEqual([
      ['status', '200', '422'],
      ['content type', 'application/vnd.kafka.v2+json', 'application/vnd.kafka.json.v2+json'],
      ['record error codes', '50002', '2'],
      [
        'body shape',
        'offsets[].offset: null; offsets[].partition: null',
        'offsets[].offset: absent; offsets[].partition: absent',
      ],
    ])
  })

  it('compares top-level error codes and bodies that are not JSON', () => {
    const diffs = compareAnswers(
      answer(404, 'application/json', { error_code: 404, message: 'HTTP 404 Not Found' }),
      answer(404, 'text/plain', '404: Not Found'),
    )
    expect(diffs.map((d) => d.aspect)).toEqual(['content type', 'error code', 'body shape'])
    expect(diffs[2]).toMatchObject({ sandbox: '(body): object', real: '(body): string' })
  })
})

describe('shapeDiff', () => {
  it('lists keys only one side has, and type changes', () => {
    expect(shapeDiff({ a: 1, b: 'x' }, { a: '1', c: true })).toEqual([
      { sandbox: 'a: number', real: 'a: string' },
      { sandbox: 'b: string', real: 'b: absent' },
      { sandbox: 'c: absent', real: 'c: boolean' },
    ])
  })

  it('merges array elements and lets a null match any type there', () => {
    const a = [
      { key: null, value: 'eA==' },
      { key: 'aw==', value: null },
    ]
    const b = [{ key: 'aw==', value: 'eA==', timestamp: 1 }]
    expect(shapeDiff(a, b)).toEqual([{ sandbox: '[].timestamp: absent', real: '[].timestamp: number' }])
    expect(shapeDiff([], b)).toEqual([])
  })

  it('compares only value types of objects whose keys are data', () => {
    const a = { configs: { 'retention.ms': '1' } }
    const b = { configs: { 'retention.ms': '1', 'segment.ms': '2' } }
    expect(shapeDiff(a, b, ['configs'])).toEqual([])
    expect(shapeDiff(a, { configs: { x: 1 } }, ['configs'])).toEqual([
      { sandbox: 'configs{*}: string', real: 'configs{*}: number' },
    ])
  })
})
