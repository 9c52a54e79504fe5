import { describe, expect, it } from 'vitest'
import { buildHash, parseHash } from './router/hash-location.ts'
import { browseLinkParams, messageLink, parseBrowseLink, type BrowseLink } from './browse-link.ts'

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
