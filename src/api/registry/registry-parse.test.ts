import { describe, expect, it } from 'vitest'
import { parseSubjectVersionRefs } from './registry-parse.ts'

const request = { method: 'GET', url: 'http://registry/schemas/ids/3/versions' }

describe('parseSubjectVersionRefs', () => {
  it('reads [{subject, version}] and keeps at most 100', () => {
    expect(parseSubjectVersionRefs([{ subject: 'a-value', version: 2 }], request)).toEqual([
      { subject: 'a-value', version: 2 },
    ])
    const many = Array.from({ length: 500 }, (_, i) => ({ subject: `s${i}`, version: 1 }))
    expect(parseSubjectVersionRefs(many, request)).toHaveLength(100)
  })

  it('refuses another shape with a clear error', () => {
    expect(() => parseSubjectVersionRefs({ subject: 'a' }, request)).toThrow(/subject versions/)
    expect(() => parseSubjectVersionRefs([{ subject: 'a', version: -1 }], request)).toThrow(
      /subject versions/,
    )
  })
})
