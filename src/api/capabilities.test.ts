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

/** What a client can do, as "group" and "group.field" for each group that is on and each field that is true. */
function flags(c: Capabilities): string {
  return Object.entries(c)
    .flatMap(([group, fields]: [string, Record<string, boolean> | null]) =>
      fields === null
        ? []
        : [
            group,
            ...Object.entries(fields)
              .filter(([, on]) => on)
              .map(([field]) => `${group}.${field}`),
          ],
    )
    .sort()
    .join(' ')
}

describe('each adapter states only its differences from its family base', () => {
  const settings: ConnectionSettings = {
    endpoint: 'http://127.0.0.1:9',
    apiKey: '',
    useProxy: false,
    authScheme: 'none',
  }
  const caps = (profile: EndpointProfile, adminEndpoint?: string) =>
    createClient({ ...settings, adminEndpoint }, profile).capabilities
  // Same facts as the 18 flat flags before grouping (checked flag by flag), less topicConfigs and consumer groups.
  const PRODUCE = 'produce produce.toPartition produce.keys'
  it.each<[string, Capabilities, string]>([
    [
      'v1 with the Message Hub admin API',
      caps({ dialect: 'confluent-v1', ibmAdmin: true }),
      `topics browse.offsets ${PRODUCE} produce.tombstones produce.batch browse browse.stateless topics.create topics.delete`,
    ],
    [
      'v1',
      caps({ dialect: 'confluent-v1' }),
      `topics browse.offsets ${PRODUCE} produce.tombstones produce.batch browse browse.stateless`,
    ],
    [
      'v1 without the simple consumer',
      new ConfluentV1Client(new HttpTransport(settings), { simpleConsumer: false }).capabilities,
      `topics ${PRODUCE} produce.tombstones produce.batch`,
    ],
    [
      'v2',
      caps({ dialect: 'confluent-v2' }),
      `topics browse.offsets ${PRODUCE} produce.tombstones produce.batch browse`,
    ],
    [
      'v3 (the only dialect with consumer groups)',
      caps({ dialect: 'confluent-v3', clusterId: 'c' }),
      `topics browse.offsets ${PRODUCE} produce.headers produce.timestamp produce.tombstones produce.batch browse topics.create topics.delete consumerGroups consumerGroups.lag`,
    ],
    [
      'v3 without v2',
      caps({ dialect: 'confluent-v3', clusterId: 'c', v2: false }),
      `topics ${PRODUCE} produce.headers produce.timestamp produce.tombstones produce.batch topics.create topics.delete consumerGroups consumerGroups.lag`,
    ],
    [
      'Strimzi',
      caps({ dialect: 'strimzi' }),
      `topics browse.offsets ${PRODUCE} produce.headers produce.timestamp produce.batch browse browse.timestamps browse.headers topics.create`,
    ],
    [
      'Karapace',
      caps({ dialect: 'karapace' }),
      `topics browse.offsets ${PRODUCE} produce.batch browse browse.timestamps`,
    ],
    [
      'Redpanda',
      caps({ dialect: 'redpanda' }),
      `topics ${PRODUCE} produce.tombstones produce.batch browse browse.stateless`,
    ],
    [
      'IBM Event Streams with its Admin API',
      caps({ dialect: 'ibm-event-streams' }, 'http://127.0.0.1:10'),
      `topics produce produce.keys produce.headers topics.create topics.delete`,
    ],
    [
      'IBM Event Streams, producer only',
      caps({ dialect: 'ibm-event-streams' }),
      'produce produce.keys produce.headers',
    ],
  ])('%s', (_name, c, expected) => {
    expect(flags(c)).toBe(expected.split(' ').sort().join(' '))
    // Browsing reads a topic's partitions, so no adapter browses without topics.
    if (c.browse) expect(c.topics).not.toBeNull()
  })
})
