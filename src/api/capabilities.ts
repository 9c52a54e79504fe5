/**
 * What an endpoint can do, by group. A group is null when the endpoint cannot do that at all, so no flag can claim
 * a detail of something that is missing (headers on a produce that does not exist). The UI hides a null group and
 * says why (see `DialectInfo.notes`).
 */
export interface Capabilities {
  /** Listing topics and reading their partitions; null: neither (IBM Event Streams without its Admin API). */
  topics: TopicCapabilities | null
  produce: ProduceCapabilities | null
  /** Reading records. Every dialect that browses also lists topics (browse needs a topic's partitions). */
  browse: BrowseCapabilities | null
  /** Listing consumer groups with their members, committed offsets and lag (Confluent v3 only, read-only). */
  consumerGroups: ConsumerGroupCapabilities | null
  /** Reserved for the schema registry. */
  registry: null
  /** Reserved for search. */
  search: null
}

export interface TopicCapabilities {
  create: boolean
  delete: boolean
}

export interface ConsumerGroupCapabilities {
  /** Per-partition lag (committed offset against the end offset) as the endpoint computes it. */
  lag: boolean
}

export interface ProduceCapabilities {
  /** Several records in one request. */
  batch: boolean
  /** The caller may choose the partition. */
  toPartition: boolean
  keys: boolean
  headers: boolean
  timestamp: boolean
  /** A null value (tombstone) can be sent. */
  tombstones: boolean
}

export interface BrowseCapabilities {
  /** Browsing needs no server-side consumer instance (nothing to clean up). */
  stateless: boolean
  /** A partition's first and next offsets can be read (newest first, live tail, offsets in the partition table). */
  offsets: boolean
  timestamps: boolean
  headers: boolean
}

/** An adapter's differences from its family's base: a group set to null is switched off; a partial one adjusted. */
export type CapabilityDiff = {
  [K in keyof Capabilities]?: Capabilities[K] extends null
    ? null
    : Partial<NonNullable<Capabilities[K]>> | null
}

function merge<G extends object>(
  group: G | null,
  change: Partial<G> | null | undefined,
  name: string,
): G | null {
  if (change === undefined) return group
  if (change === null) return null
  // A partial group cannot fill in what a base leaves out; a dialect that adds a group needs a base of its own.
  if (group === null)
    throw new Error(`withCapabilities: "${name}" is off in the base, so a diff cannot adjust it`)
  return { ...group, ...change }
}

/** The base with an adapter's differences applied; the base is left as it was. */
export function withCapabilities(base: Capabilities, diff: CapabilityDiff): Capabilities {
  return {
    topics: merge(base.topics, diff.topics, 'topics'),
    produce: merge(base.produce, diff.produce, 'produce'),
    browse: merge(base.browse, diff.browse, 'browse'),
    consumerGroups: merge(base.consumerGroups, diff.consumerGroups, 'consumerGroups'),
    registry: null,
    search: null,
  }
}

export const NO_CAPABILITIES: Capabilities = {
  topics: null,
  produce: null,
  browse: null,
  consumerGroups: null,
  registry: null,
  search: null,
}

/**
 * The Confluent family: REST Proxy API v2, which v1, v3, Karapace, Strimzi and Redpanda each differ from. Binary
 * batches to any partition with keys and tombstones; browsing through a temporary consumer instance.
 */
export const CONFLUENT_BASE: Capabilities = {
  ...NO_CAPABILITIES,
  topics: { create: false, delete: false },
  produce: { batch: true, toPartition: true, keys: true, headers: false, timestamp: false, tombstones: true },
  browse: { stateless: false, offsets: true, timestamps: false, headers: false },
}

/** IBM Event Streams: its REST Producer API (one record a request, no consume API) and its Admin API for topics. */
export const IBM_EVENT_STREAMS_BASE: Capabilities = {
  ...NO_CAPABILITIES,
  topics: { create: true, delete: true },
  produce: {
    batch: false,
    toPartition: false,
    keys: true,
    headers: true,
    timestamp: false,
    tombstones: false,
  },
}
