/**
 * Stateful consumer instances (Confluent v1 and v2 consumers) and their groups: membership,
 * range assignment, positions and committed offsets. Instances live only in this process,
 * like on a real REST proxy; committed offsets are in memory too.
 */
import { randomUUID } from 'node:crypto'
import { RestError, consumerInstanceNotFound, illegalState } from './errors.ts'
import type { LogStore, StoredRecord } from './log-store.ts'

export type EmbeddedFormat = 'binary' | 'json'
/** Formats that need a schema registry: a consumer may be created with one, reading its records fails. */
export type SchemaFormat = 'avro' | 'jsonschema' | 'protobuf'
export type ConsumerFormat = EmbeddedFormat | SchemaFormat
export type ResetPolicy = 'earliest' | 'latest' | 'none'
export type ConsumerDialect = 'v1' | 'v2'

export interface TopicPartition {
  topic: string
  partition: number
}

const tpKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`
const splitKey = (key: string): TopicPartition => {
  const i = key.lastIndexOf('\u0000')
  return { topic: key.slice(0, i), partition: Number(key.slice(i + 1)) }
}

export interface CommittedOffset {
  offset: number
  metadata: string
}

export interface ConsumerOptions {
  id: string | null
  format: ConsumerFormat
  reset: ResetPolicy
  autoCommit: boolean
  requestTimeoutMs: number
}

export class ConsumerInstance {
  readonly group: ConsumerGroup
  readonly id: string
  readonly dialect: ConsumerDialect
  readonly format: ConsumerFormat
  readonly reset: ResetPolicy
  readonly autoCommit: boolean
  readonly requestTimeoutMs: number
  /** Kafka-style member id, shown as consumer_id by v3. */
  readonly memberId: string
  lastUsed = Date.now()
  subscribedTopics: string[] | null = null
  subscribedPattern: RegExp | null = null
  manualAssignment: TopicPartition[] | null = null
  readonly positions = new Map<string, number>()
  deleted = false
  private readLock: Promise<void> = Promise.resolve()

  constructor(group: ConsumerGroup, id: string, dialect: ConsumerDialect, options: ConsumerOptions) {
    this.group = group
    this.id = id
    this.dialect = dialect
    this.format = options.format
    this.reset = options.reset
    this.autoCommit = options.autoCommit
    this.requestTimeoutMs = options.requestTimeoutMs
    this.memberId = `${id}-${randomUUID()}`
  }

  get hasSubscription(): boolean {
    return this.subscribedTopics !== null || this.subscribedPattern !== null
  }

  /** Reads on one instance run one at a time, as Confluent serialises them per consumer. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.readLock.then(work)
    this.readLock = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }
}

export class ConsumerGroup {
  readonly id: string
  readonly instances = new Map<string, ConsumerInstance>()
  readonly committed = new Map<string, CommittedOffset>()

  constructor(id: string) {
    this.id = id
  }

  committedOffsets(): Array<TopicPartition & CommittedOffset> {
    return [...this.committed].map(([key, c]) => ({ ...splitKey(key), ...c }))
  }
}

export interface FetchedRecord {
  topic: string
  partition: number
  record: StoredRecord
}

export interface FetchLimits {
  maxBytes: number
  timeoutMs: number
  maxRecords: number
}

export class ConsumerRegistry {
  private readonly store: LogStore
  private readonly groups = new Map<string, ConsumerGroup>()
  private readonly instanceTimeoutMs: number

  constructor(store: LogStore, instanceTimeoutMs: number) {
    this.store = store
    this.instanceTimeoutMs = instanceTimeoutMs
  }

  groupIds(): string[] {
    return [...this.groups.keys()].sort()
  }

  getGroup(id: string): ConsumerGroup | undefined {
    return this.groups.get(id)
  }

  create(groupId: string, dialect: ConsumerDialect, options: ConsumerOptions): ConsumerInstance {
    this.expireIdle()
    let group = this.groups.get(groupId)
    if (group === undefined) {
      group = new ConsumerGroup(groupId)
      this.groups.set(groupId, group)
    }
    const id = options.id ?? `rest-consumer-${randomUUID()}`
    if (group.instances.has(id)) {
      throw new RestError(
        409,
        40902,
        'Consumer with specified consumer ID already exists in the specified consumer group.',
      )
    }
    const instance = new ConsumerInstance(group, id, dialect, options)
    group.instances.set(id, instance)
    return instance
  }

  /** Looks up a live instance of the given dialect (v1 and v2 instances are separate, as in CP 5.x). */
  get(groupId: string, id: string, dialect: ConsumerDialect): ConsumerInstance {
    this.expireIdle()
    const instance = this.groups.get(groupId)?.instances.get(id)
    if (instance === undefined || instance.dialect !== dialect) throw consumerInstanceNotFound()
    instance.lastUsed = Date.now()
    return instance
  }

  delete(instance: ConsumerInstance): void {
    instance.deleted = true
    instance.group.instances.delete(instance.id)
  }

  expireIdle(now = Date.now()): void {
    for (const group of this.groups.values()) {
      for (const instance of group.instances.values()) {
        if (now - instance.lastUsed > this.instanceTimeoutMs) this.delete(instance)
      }
    }
  }

  subscribe(instance: ConsumerInstance, topics: string[] | null, pattern: RegExp | null): void {
    if (instance.manualAssignment !== null) {
      throw illegalState('Subscription to topics, partitions and pattern are mutually exclusive')
    }
    instance.subscribedTopics = topics
    instance.subscribedPattern = pattern
  }

  unsubscribe(instance: ConsumerInstance): void {
    instance.subscribedTopics = null
    instance.subscribedPattern = null
    instance.manualAssignment = null
    instance.positions.clear()
  }

  assign(instance: ConsumerInstance, partitions: TopicPartition[]): void {
    if (instance.hasSubscription) {
      throw illegalState('Subscription to topics, partitions and pattern are mutually exclusive')
    }
    const seen = new Set<string>()
    instance.manualAssignment = partitions.filter((tp) => {
      const key = tpKey(tp.topic, tp.partition)
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    for (const key of [...instance.positions.keys()]) if (!seen.has(key)) instance.positions.delete(key)
  }

  /** Topics the instance's subscription currently matches (existing topics only for a pattern). */
  subscribedTopicNames(instance: ConsumerInstance): string[] {
    if (instance.subscribedTopics !== null) return [...instance.subscribedTopics]
    if (instance.subscribedPattern !== null) {
      const pattern = instance.subscribedPattern
      return this.store.topicNames().filter((t) => pattern.test(t))
    }
    return []
  }

  /** Manual assignment, or a range assignment over the group's members subscribed to each topic. */
  assignment(instance: ConsumerInstance): TopicPartition[] {
    if (instance.manualAssignment !== null) return instance.manualAssignment
    if (!instance.hasSubscription) return []
    const out: TopicPartition[] = []
    for (const topicName of this.subscribedTopicNames(instance)) {
      const topic = this.store.getTopic(topicName)
      if (topic === undefined) continue
      const members = [...instance.group.instances.values()]
        .filter((m) => m.hasSubscription && this.subscribedTopicNames(m).includes(topicName))
        .map((m) => m.memberId)
        .sort()
      const index = members.indexOf(instance.memberId)
      if (index < 0) continue
      const n = topic.partitions.length
      const per = Math.floor(n / members.length)
      const extra = n % members.length
      const start = index * per + Math.min(index, extra)
      const count = per + (index < extra ? 1 : 0)
      for (let p = start; p < start + count; p++) out.push({ topic: topicName, partition: p })
    }
    return out
  }

  /** Member currently owning a partition through a subscription or manual assignment. */
  ownerOf(group: ConsumerGroup, topic: string, partition: number): ConsumerInstance | null {
    for (const m of group.instances.values()) {
      if (this.assignment(m).some((tp) => tp.topic === topic && tp.partition === partition)) return m
    }
    return null
  }

  isAssigned(instance: ConsumerInstance, tp: TopicPartition): boolean {
    return this.assignment(instance).some((a) => a.topic === tp.topic && a.partition === tp.partition)
  }

  seek(instance: ConsumerInstance, tp: TopicPartition, offset: number): void {
    if (!this.isAssigned(instance, tp)) {
      throw illegalState(`No current assignment for partition ${tp.topic}-${tp.partition}`)
    }
    instance.positions.set(tpKey(tp.topic, tp.partition), offset)
  }

  seekToEdge(instance: ConsumerInstance, tp: TopicPartition, edge: 'beginning' | 'end'): void {
    if (!this.isAssigned(instance, tp)) {
      throw illegalState(`No current assignment for partition ${tp.topic}-${tp.partition}`)
    }
    const log = this.store.getTopic(tp.topic)?.partitions[tp.partition]
    if (log === undefined) return
    instance.positions.set(
      tpKey(tp.topic, tp.partition),
      edge === 'beginning' ? log.logStartOffset : log.logEndOffset,
    )
  }

  /** Position to fetch from: explicit, committed, or per auto.offset.reset; out-of-range resets too. */
  private position(instance: ConsumerInstance, tp: TopicPartition): number | null {
    const log = this.store.getTopic(tp.topic)?.partitions[tp.partition]
    if (log === undefined) return null
    const key = tpKey(tp.topic, tp.partition)
    let pos = instance.positions.get(key)
    if (pos === undefined) pos = instance.group.committed.get(key)?.offset
    if (pos === undefined || pos < log.logStartOffset || pos > log.logEndOffset) {
      if (instance.reset === 'none') {
        throw new RestError(
          409,
          40903,
          `Illegal state: no valid offset for partition ${tp.topic}-${tp.partition} and auto.offset.reset is none`,
        )
      }
      pos = instance.reset === 'earliest' ? log.logStartOffset : log.logEndOffset
    }
    instance.positions.set(key, pos)
    return pos
  }

  /**
   * Long-poll read: returns as soon as records are available, or [] after the timeout.
   */
  async fetch(
    instance: ConsumerInstance,
    limits: FetchLimits,
    signal?: AbortSignal,
  ): Promise<FetchedRecord[]> {
    const deadline = Date.now() + limits.timeoutMs
    for (;;) {
      const records = this.fetchAvailable(instance, limits)
      if (records.length > 0 || instance.deleted || signal?.aborted) return records
      const remaining = deadline - Date.now()
      if (remaining <= 0) return records
      await this.store.waitForAppend(remaining, signal)
    }
  }

  /**
   * Confluent's KafkaConsumerReadTask: records are taken while `bytes + size < maxBytes`, size being the key and
   * value lengths; the first record that does not fit ends the read and stays next in line. So a record larger
   * than max_bytes is never returned: the read answers [] (after its timeout) and the position stays on it.
   */
  private fetchAvailable(instance: ConsumerInstance, limits: FetchLimits): FetchedRecord[] {
    const out: FetchedRecord[] = []
    let bytes = 0
    let full = false
    for (const tp of this.assignment(instance)) {
      if (full || out.length >= limits.maxRecords) break
      const pos = this.position(instance, tp)
      if (pos === null) continue
      const log = this.store.getTopic(tp.topic)!.partitions[tp.partition]
      // The log's own byte cap counts headers too; reading up to maxBytes of them is enough to decide.
      const records = log.read(pos, limits.maxRecords - out.length, limits.maxBytes)
      let taken = 0
      for (const record of records) {
        const size = (record.key?.length ?? 0) + (record.value?.length ?? 0)
        if (bytes + size >= limits.maxBytes) {
          full = true
          break
        }
        bytes += size
        taken++
        out.push({ topic: tp.topic, partition: tp.partition, record })
      }
      if (taken > 0) {
        instance.positions.set(tpKey(tp.topic, tp.partition), records[taken - 1].offset + 1)
      }
    }
    if (instance.autoCommit && out.length > 0) this.commitPositions(instance)
    return out
  }

  /** Commits every known position of the instance (Kafka semantics: the next offset to read). */
  commitPositions(instance: ConsumerInstance): Array<TopicPartition & { offset: number }> {
    const out: Array<TopicPartition & { offset: number }> = []
    for (const [key, offset] of instance.positions) {
      const tp = splitKey(key)
      if (!this.isAssigned(instance, tp)) continue
      instance.group.committed.set(key, { offset, metadata: '' })
      out.push({ ...tp, offset })
    }
    return out
  }

  commitExplicit(instance: ConsumerInstance, tp: TopicPartition, offset: number, metadata: string): void {
    instance.group.committed.set(tpKey(tp.topic, tp.partition), { offset, metadata })
  }

  committed(group: ConsumerGroup, tp: TopicPartition): CommittedOffset | undefined {
    return group.committed.get(tpKey(tp.topic, tp.partition))
  }

  /** Drops state of a deleted topic so a re-created topic starts clean. */
  forgetTopic(topic: string): void {
    for (const group of this.groups.values()) {
      for (const key of [...group.committed.keys()])
        if (splitKey(key).topic === topic) group.committed.delete(key)
      for (const instance of group.instances.values()) {
        for (const key of [...instance.positions.keys()])
          if (splitKey(key).topic === topic) instance.positions.delete(key)
      }
    }
  }
}
