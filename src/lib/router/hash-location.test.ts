import { describe, expect, it } from 'vitest'
import { buildHash, parseHash } from './hash-location.ts'

describe('hash routes', () => {
  it('parses path and params', () => {
    const l = parseHash('#/browse?topic=a%20b&partition=0')
    expect(l.path).toBe('/browse')
    expect(l.params.get('topic')).toBe('a b')
    expect(parseHash('').path).toBe('/')
    expect(parseHash('#topics').path).toBe('/topics')
  })
  it('builds hashes, dropping empty params', () => {
    expect(buildHash('/browse', { topic: 'orders', partition: 0, offset: undefined, decoder: '' })).toBe(
      '#/browse?topic=orders&partition=0',
    )
    expect(buildHash('/topics')).toBe('#/topics')
  })
})
