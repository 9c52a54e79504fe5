import { describe, expect, it } from 'vitest'
import { CONFLUENT_BASE, IBM_EVENT_STREAMS_BASE, NO_CAPABILITIES, withCapabilities } from './capabilities.ts'
import { describeCapabilities } from './kafka-rest-client.ts'

describe('describeCapabilities', () => {
  it('words a Message Hub (v1) endpoint as the issue does', () => {
    const v1 = withCapabilities(CONFLUENT_BASE, { browse: { stateless: true } })
    expect(describeCapabilities(v1)).toBe('produce, browse by offset, no headers')
  })
  it('says what is missing', () => {
    expect(describeCapabilities(NO_CAPABILITIES)).toBe('no produce, no browsing, no headers')
    expect(describeCapabilities(IBM_EVENT_STREAMS_BASE)).toBe(
      'produce (one record per request), no browsing, headers on produce only, create/delete topics',
    )
  })
  it('names headers, timestamps and topic admin by where they are', () => {
    const strimzi = withCapabilities(CONFLUENT_BASE, {
      topics: { create: true },
      produce: { headers: true },
      browse: { headers: true, timestamps: true },
    })
    expect(describeCapabilities(strimzi)).toBe(
      'produce, browse by offset (temporary consumer), headers, timestamps, create topics',
    )
    const browseHeaders = withCapabilities(CONFLUENT_BASE, {
      topics: { delete: true },
      browse: { headers: true },
    })
    expect(describeCapabilities(browseHeaders)).toBe(
      'produce, browse by offset (temporary consumer), headers when browsing, delete topics',
    )
  })
  it('advertises consumer groups only where the dialect has them', () => {
    const v2 = withCapabilities(CONFLUENT_BASE, {
      topics: { create: true, delete: true },
      produce: { headers: true, timestamp: true },
    })
    expect(describeCapabilities(v2)).toBe(
      'produce, browse by offset (temporary consumer), headers on produce only, create/delete topics',
    )
    expect(describeCapabilities({ ...v2, consumerGroups: { lag: true } })).toBe(
      'produce, browse by offset (temporary consumer), headers on produce only, create/delete topics, consumer groups',
    )
  })
})
