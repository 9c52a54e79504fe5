import { describe, expect, it } from 'vitest'
import {
  CONFLUENT_BASE,
  IBM_EVENT_STREAMS_BASE,
  NO_CAPABILITIES,
  withCapabilities,
  type Capabilities,
} from './capabilities.ts'
import { createClient } from './create-client.ts'
import type { EndpointProfile } from './detect.ts'
import { ConfluentV1Client } from './dialects/confluent-v1.ts'
import { HttpTransport, type ConnectionSettings } from './http/transport.ts'

describe('withCapabilities', () => {
  it('adjusts only the named fields of a group and leaves the base as it was', () => {
    const before = structuredClone(CONFLUENT_BASE)
    const c = withCapabilities(CONFLUENT_BASE, { produce: { headers: true }, browse: { timestamps: true } })
    expect(c.produce).toEqual({ ...CONFLUENT_BASE.produce, headers: true })
    expect(c.browse).toEqual({ ...CONFLUENT_BASE.browse, timestamps: true })
    expect(c.topics).toEqual(CONFLUENT_BASE.topics)
    expect(CONFLUENT_BASE).toEqual(before)
    expect(c.produce).not.toBe(CONFLUENT_BASE.produce)
  })

  it('switches a group off with null', () => {
    const c = withCapabilities(CONFLUENT_BASE, { browse: null, topics: null })
    expect(c).toEqual({ ...CONFLUENT_BASE, browse: null, topics: null })
  })

  it('an empty diff is the base', () => {
    expect(withCapabilities(IBM_EVENT_STREAMS_BASE, {})).toEqual(IBM_EVENT_STREAMS_BASE)
  })

  it('refuses to adjust a group the base leaves out (its other fields would be made up)', () => {
    expect(() => withCapabilities(IBM_EVENT_STREAMS_BASE, { browse: { stateless: true } })).toThrow(
      /"browse" is off in the base/,
    )
  })

  it('keeps the reserved groups off', () => {
    for (const base of [CONFLUENT_BASE, IBM_EVENT_STREAMS_BASE, NO_CAPABILITIES])
      expect(base).toMatchObject({ consumerGroups: null, registry: null, search: null })
  })
})

/** The 17 flags capabilities were before grouping (topicConfigs, never read, is gone), the ones set. */
function flags(c: Capabilities): string {
  const on = {
    listTopics: !!c.topics,
    topicMetadata: !!c.topics,
    partitionOffsets: !!c.browse?.offsets,
    produce: !!c.produce,
    produceToPartition: !!c.produce?.toPartition,
    produceKeys: !!c.produce?.keys,
    produceHeaders: !!c.produce?.headers,
    produceTimestamp: !!c.produce?.timestamp,
    produceNull: !!c.produce?.tombstones,
    produceBatch: !!c.produce?.batch,
    browse: !!c.browse,
    statelessBrowse: !!c.browse?.stateless,
    browseTimestamps: !!c.browse?.timestamps,
    browseHeaders: !!c.browse?.headers,
    createTopic: !!c.topics?.create,
    deleteTopic: !!c.topics?.delete,
    consumerGroups: c.consumerGroups !== null,
  }
  return Object.entries(on)
    .filter(([, v]) => v)
    .map(([k]) => k)
    .join(' ')
}

describe('each adapter states only its differences, and ends up where the flat flags were', () => {
  const settings: ConnectionSettings = {
    endpoint: 'http://127.0.0.1:9',
    apiKey: '',
    useProxy: false,
    authScheme: 'none',
  }
  const caps = (profile: EndpointProfile, adminEndpoint?: string) =>
    createClient({ ...settings, adminEndpoint }, profile).capabilities
  const META = 'listTopics topicMetadata'
  const PRODUCE = 'produce produceToPartition produceKeys'
  it.each<[string, Capabilities, string]>([
    [
      'v1 with the Message Hub admin API',
      caps({ dialect: 'confluent-v1', ibmAdmin: true }),
      `${META} partitionOffsets ${PRODUCE} produceNull produceBatch browse statelessBrowse createTopic deleteTopic`,
    ],
    [
      'v1',
      caps({ dialect: 'confluent-v1' }),
      `${META} partitionOffsets ${PRODUCE} produceNull produceBatch browse statelessBrowse`,
    ],
    [
      'v1 without the simple consumer',
      new ConfluentV1Client(new HttpTransport(settings), { simpleConsumer: false }).capabilities,
      `${META} ${PRODUCE} produceNull produceBatch`,
    ],
    [
      'v2',
      caps({ dialect: 'confluent-v2' }),
      `${META} partitionOffsets ${PRODUCE} produceNull produceBatch browse`,
    ],
    [
      'v3 (no consumer groups until a screen shows them)',
      caps({ dialect: 'confluent-v3', clusterId: 'c' }),
      `${META} partitionOffsets ${PRODUCE} produceHeaders produceTimestamp produceNull produceBatch browse createTopic deleteTopic`,
    ],
    [
      'v3 without v2',
      caps({ dialect: 'confluent-v3', clusterId: 'c', v2: false }),
      `${META} ${PRODUCE} produceHeaders produceTimestamp produceNull produceBatch createTopic deleteTopic`,
    ],
    [
      'Strimzi',
      caps({ dialect: 'strimzi' }),
      `${META} partitionOffsets ${PRODUCE} produceHeaders produceTimestamp produceBatch browse browseTimestamps browseHeaders createTopic`,
    ],
    [
      'Karapace',
      caps({ dialect: 'karapace' }),
      `${META} partitionOffsets ${PRODUCE} produceBatch browse browseTimestamps`,
    ],
    [
      'Redpanda',
      caps({ dialect: 'redpanda' }),
      `${META} ${PRODUCE} produceNull produceBatch browse statelessBrowse`,
    ],
    [
      'IBM Event Streams with its Admin API',
      caps({ dialect: 'ibm-event-streams' }, 'http://127.0.0.1:10'),
      `${META} produce produceKeys produceHeaders createTopic deleteTopic`,
    ],
    [
      'IBM Event Streams, producer only',
      caps({ dialect: 'ibm-event-streams' }),
      'produce produceKeys produceHeaders',
    ],
  ])('%s', (_name, c, expected) => {
    expect(flags(c)).toBe(expected)
    // Browsing reads a topic's partitions, so no adapter browses without topics.
    if (c.browse) expect(c.topics).not.toBeNull()
  })
})
