import { describe, expect, it } from 'vitest'
import { buildHash, parseHash } from './router/hash-location.ts'
import {
  browseLinkParams,
  browseLinkProblems,
  linkableSelection,
  messageLink,
  parseBrowseLink,
  type BrowseLink,
} from './browse-link.ts'

const roundTrip = (link: BrowseLink) =>
  parseBrowseLink(parseHash(buildHash('/browse', browseLinkParams(link))).params)

describe('browse links', () => {
  it('round-trip every field through the URL', () => {
    const link: BrowseLink = {
      topic: 'demo.orders',
      partition: 'all',
      start: 'offset',
      offset: '9223372036854775807',
      offsets: '0:12,1:40',
      dir: 'back',
      count: 500,
      decoder: 'hex',
      keyDecoder: 'text',
      sel: '1:40',
      q: 'customer 7 & co',
      order: 'offset',
      sort: 'newest',
    }
    expect(roundTrip(link)).toEqual(link)
    expect(roundTrip({ topic: 't', start: 'timestamp', ts: '2026-11-26T17:05:03.123Z' })).toEqual({
      topic: 't',
      start: 'timestamp',
      ts: '2026-11-26T17:05:03.123Z',
    })
  })

  it('keeps the message link other features build', () => {
    expect(roundTrip(messageLink('t', 2, '42'))).toEqual({
      topic: 't',
      partition: 2,
      start: 'offset',
      offset: '42',
      count: 50,
      sel: '2:42',
    })
  })

  it('drops malformed values instead of failing', () => {
    const params = new URLSearchParams(
      'topic=t&partition=-1&start=middle&offset=1e3&offsets=0:1,x&dir=up&count=lots&ts=yesterday&decoder=html&sel=0:a&order=random&sort=up',
    )
    expect(parseBrowseLink(params)).toEqual({ topic: 't' })
    expect(parseBrowseLink(new URLSearchParams('partition=1'))).toBeNull()
  })

  it('canonicalises offsets', () => {
    expect(parseBrowseLink(new URLSearchParams('topic=t&offset=007&sel=01:0009'))).toEqual({
      topic: 't',
      offset: '7',
      sel: '1:9',
    })
  })

  it('never carries anything but view state', () => {
    const params = browseLinkParams({ topic: 't', partition: 0 })
    expect(Object.keys(params).sort()).toEqual(
      [
        'count',
        'decoder',
        'dir',
        'keyDecoder',
        'offset',
        'offsets',
        'order',
        'partition',
        'q',
        'sel',
        'sort',
        'start',
        'topic',
        'ts',
      ].sort(),
    )
  })
})

describe('browse links and int64 offsets', () => {
  const q = (s: string) => new URLSearchParams(s)

  it('drops offsets beyond the signed 64-bit range and says why', () => {
    const params = q(
      'topic=t&start=offset&offset=9999999999999999999&offsets=0:1,1:9223372036854775808&sel=0:9999999999999999999',
    )
    const link = parseBrowseLink(params)!
    expect(link.offset).toBeUndefined()
    expect(link.offsets).toBeUndefined()
    expect(link.sel).toBeUndefined()
    expect(browseLinkProblems(params)).toEqual([
      "The link's offset 9999999999999999999 is beyond the largest Kafka offset (2^63 − 1 = 9223372036854775807); it was ignored.",
      'The link\'s per-partition offsets "0:1,1:9223372036854775808" were ignored: offset 9223372036854775808 is beyond the largest Kafka offset (2^63 − 1 = 9223372036854775807).',
      'The link\'s selected message "0:9999999999999999999" is not <partition>:<offset>; it was ignored.',
    ])
  })

  it('keeps the largest offset and reports negative and non-numeric ones', () => {
    expect(parseBrowseLink(q('topic=t&offset=9223372036854775807'))!.offset).toBe('9223372036854775807')
    expect(browseLinkProblems(q('topic=t&offset=9223372036854775807'))).toEqual([])
    expect(browseLinkProblems(q('topic=t&offset=-1'))).toEqual([
      "The link's offset -1 is negative: Kafka offsets start at 0; it was ignored.",
    ])
    expect(browseLinkProblems(q('topic=t&offset=1e3'))[0]).toMatch(/offset 1e3 is not a whole number/)
  })

  it('knows which message ids a link can hold', () => {
    expect(linkableSelection('0:12')).toBe(true)
    expect(linkableSelection('3000000000:0')).toBe(false)
    expect(linkableSelection('0:-1')).toBe(false)
    expect(linkableSelection('0:9223372036854775808')).toBe(false)
  })
})
