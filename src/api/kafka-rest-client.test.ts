import { describe, expect, it } from 'vitest'
import { describeCapabilities, NO_CAPABILITIES } from './kafka-rest-client.ts'

describe('describeCapabilities', () => {
  it('words a Message Hub (v1) endpoint as the issue does', () => {
    const v1 = { ...NO_CAPABILITIES, produce: true, produceBatch: true, browse: true, statelessBrowse: true }
    expect(describeCapabilities(v1)).toBe('produce, browse by offset, no headers')
  })
  it('says what is missing', () => {
    expect(describeCapabilities(NO_CAPABILITIES)).toBe('no produce, no browsing, no headers')
    expect(
      describeCapabilities({
        ...NO_CAPABILITIES,
        produce: true,
        produceHeaders: true,
        createTopic: true,
        deleteTopic: true,
      }),
    ).toBe('produce (one record per request), no browsing, headers on produce only, create/delete topics')
  })
})
