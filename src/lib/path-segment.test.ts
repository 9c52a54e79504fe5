import { describe, expect, it } from 'vitest'
import {
  decodeRouteParam,
  encodePathSegment,
  pathSegmentProblem,
  unpairedSurrogateAt,
  urlTextProblem,
} from './path-segment.ts'

describe('unpairedSurrogateAt', () => {
  it('finds lone high and low surrogates and skips pairs', () => {
    expect(unpairedSurrogateAt('plain')).toBe(-1)
    expect(unpairedSurrogateAt('emoji 😀')).toBe(-1)
    expect(unpairedSurrogateAt('a\ud800')).toBe(1)
    expect(unpairedSurrogateAt('a\ud800b')).toBe(1)
    expect(unpairedSurrogateAt('\udc00a')).toBe(0)
    expect(unpairedSurrogateAt('😀\ude00')).toBe(2)
    expect(unpairedSurrogateAt('\ud83d\ud83d\ude00')).toBe(0)
  })
})

describe('encodePathSegment', () => {
  it('encodes every character that would change the path or query', () => {
    expect(encodePathSegment('a/b?c#d%e')).toEqual({ ok: true, segment: 'a%2Fb%3Fc%23d%25e' })
    expect(encodePathSegment('demo.orders')).toEqual({ ok: true, segment: 'demo.orders' })
    expect(encodePathSegment('...')).toEqual({ ok: true, segment: '...' })
    expect(encodePathSegment('.a')).toEqual({ ok: true, segment: '.a' })
    expect(encodePathSegment('\\..')).toEqual({ ok: true, segment: '%5C..' })
    expect(encodePathSegment(' ..')).toEqual({ ok: true, segment: '%20..' })
  })

  it('refuses "." and ".." (URL parsers collapse them whatever the encoding), naming the reason', () => {
    for (const name of ['.', '..']) {
      const r = encodePathSegment(name, 'topic name')
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.reason).toMatch(/topic name ".{1,2}" cannot be put in a URL path/)
    }
  })

  it('refuses an empty name', () => {
    expect(encodePathSegment('', 'consumer group')).toEqual({
      ok: false,
      reason: 'An empty consumer group cannot be put in a URL path.',
    })
  })

  it('refuses a lone surrogate instead of throwing', () => {
    expect(() => encodeURIComponent('x\ud800')).toThrow(URIError)
    expect(encodePathSegment('x\ud800', 'topic name')).toEqual({
      ok: false,
      reason: 'This topic name contains an unpaired UTF-16 surrogate (U+D800) and cannot be put in a URL.',
    })
    expect(pathSegmentProblem('\udfff')).toMatch(/U\+DFFF/)
  })

  it('refuses a name too long for a URL without encoding it', () => {
    const r = encodePathSegment('a'.repeat(5_000_000), 'topic name')
    expect(r).toEqual({
      ok: false,
      reason: 'This topic name is 5,000,000 characters long, too long for a URL path (at most 4,096).',
    })
    expect(encodePathSegment('a'.repeat(4096)).ok).toBe(true)
  })

  it('keeps astral characters (a surrogate pair is fine)', () => {
    expect(encodePathSegment('😀')).toEqual({ ok: true, segment: '%F0%9F%98%80' })
  })
})

describe('urlTextProblem', () => {
  it('only objects to unpaired surrogates (a query value may be "." or hold "/")', () => {
    expect(urlTextProblem('..')).toBeNull()
    expect(urlTextProblem('a/b')).toBeNull()
    expect(urlTextProblem('\ud800')).toMatch(/unpaired/)
  })
})

describe('decodeRouteParam', () => {
  it('decodes well-formed params, including encoded reserved characters', () => {
    expect(decodeRouteParam('a%2Fb%3F%23')).toEqual({ ok: true, value: 'a/b?#' })
    expect(decodeRouteParam('..')).toEqual({ ok: true, value: '..' })
  })

  it('returns a reason for malformed percent-encoding instead of throwing', () => {
    for (const raw of ['%E0%A4%A', '%', '%zz', '%ED%A0%80', '%C0%AF']) {
      expect(() => decodeURIComponent(raw)).toThrow(URIError)
      const r = decodeRouteParam(raw)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.reason).toContain('not valid percent-encoding')
    }
  })

  it('caps the echoed input', () => {
    const r = decodeRouteParam(`${'a'.repeat(10_000)}%`)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason.length).toBeLessThan(200)
  })
})
