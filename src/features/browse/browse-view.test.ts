import { describe, expect, it } from 'vitest'
import {
  neighbourView,
  startUnavailable,
  viewFromParams,
  viewToParams,
  windowRequest,
} from './browse-view.ts'

const v2 = { offsets: true, timestamps: false }
const strimzi = { offsets: true, timestamps: true }
const redpanda = { offsets: false, timestamps: false }
const params = (s: string) => new URLSearchParams(s)

describe('browse view', () => {
  it('defaults: all partitions, newest 50, merged by offset without timestamps', () => {
    const view = viewFromParams(params('topic=demo.orders'), v2)
    expect(view).toMatchObject({
      topic: 'demo.orders',
      partition: 'all',
      start: 'end',
      count: 50,
      order: 'offset',
      sort: 'oldest',
    })
    expect(viewFromParams(params('topic=t'), strimzi).order).toBe('timestamp')
    expect(viewFromParams(params('topic=t'), redpanda).start).toBe('beginning')
  })

  it('falls back when a start mode is unavailable, and says why', () => {
    expect(viewFromParams(params('topic=t&start=timestamp&ts=2026-01-01T00:00:00Z'), v2).start).toBe(
      'beginning',
    )
    expect(startUnavailable('timestamp', v2)).toMatch(/does not return message timestamps/)
    expect(startUnavailable('end', redpanda)).toMatch(/end offsets/)
    expect(startUnavailable('offset', redpanda)).toBeNull()
  })

  it('round-trips through URL parameters', () => {
    const url =
      'topic=t&partition=all&start=offset&offsets=0%3A5%2C1%3A9&dir=back&count=20&decoder=hex&sel=1%3A8&q=x&order=offset&sort=newest'
    const view = viewFromParams(params(url), v2)
    expect(view.positions).toEqual(
      new Map([
        [0, '5'],
        [1, '9'],
      ]),
    )
    const again = viewFromParams(new URLSearchParams(viewToParams(view) as Record<string, string>), v2)
    expect(again).toEqual(view)
  })

  it('builds the window request', () => {
    const one = windowRequest(
      viewFromParams(params('topic=t&partition=2&start=offset&offset=40&count=10'), v2),
      [0, 1, 2],
    )
    expect(one).toMatchObject({
      partitions: [2],
      all: false,
      start: { kind: 'offset', offset: '40', direction: 'forward' },
      count: 10,
    })
    const all = windowRequest(
      viewFromParams(params('topic=t&start=timestamp&ts=1970-01-01T00:00:01Z'), strimzi),
      [0, 1],
    )
    expect(all).toMatchObject({
      partitions: [0, 1],
      all: true,
      start: { kind: 'timestamp', ms: 1000 },
      order: 'timestamp',
    })
    expect(windowRequest(viewFromParams(params(''), v2), [0])).toBeNull()
  })

  it('previous/next keep everything but the window and clear the selection', () => {
    const view = viewFromParams(params('topic=t&partition=0&start=end&sel=0:5&decoder=hex'), v2)
    const next = neighbourView(view, new Map([[0, '60']]), 'forward')
    expect(next).toMatchObject({
      start: 'offset',
      offset: '60',
      direction: 'forward',
      decoder: 'hex',
      sel: undefined,
    })
    const all = viewFromParams(params('topic=t'), v2)
    expect(
      neighbourView(
        all,
        new Map([
          [0, '3'],
          [1, '3'],
        ]),
        'backward',
      ),
    ).toMatchObject({ offset: '3', direction: 'backward' })
    expect(
      neighbourView(
        all,
        new Map([
          [0, '3'],
          [1, '4'],
        ]),
        'forward',
      ).positions,
    ).toEqual(
      new Map([
        [0, '3'],
        [1, '4'],
      ]),
    )
  })
})
