import { describe, expect, it } from 'vitest'
import { failureHint } from './failure-hint.ts'

const TOO_LARGE = /larger than the topic or broker accepts \(max\.message\.bytes\)/

describe('failureHint', () => {
  it('names a record over the size limit, in the words real servers use', () => {
    // Strimzi Kafka Bridge 0.33.1 and Karapace 3.15.0, for a 2 MB record on a topic at Kafka's default 1 MB.
    expect(
      failureHint('The request included a message larger than the max message size the server will accept.'),
    ).toMatch(TOO_LARGE)
    expect(
      failureHint(
        'The server has a configurable maximum message size to avoid unbounded memory allocation. This error is thrown if the client attempt to produce a message larger than this maximum.',
      ),
    ).toMatch(TOO_LARGE)
    expect(failureHint('RecordTooLargeException')).toMatch(TOO_LARGE)
  })

  it('names a missing partition or topic, and says nothing it cannot tell', () => {
    expect(failureHint('Invalid partition 7')).toMatch(/no such partition/)
    expect(failureHint('Topic x not found')).toMatch(/create the topic/)
    expect(failureHint('Broker not available')).toBeNull()
  })
})
