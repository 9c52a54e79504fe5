/** A record as the sandbox stored it. */
export interface StoredRecord {
  partition: number
  offset: number
  key: Uint8Array | null
  value: Uint8Array | null
}

interface WireRecord {
  partition: number
  offset: number
  key: string | null
  value: string | null
}

const fromBase64 = (b64: string | null) => (b64 === null ? null : new Uint8Array(Buffer.from(b64, 'base64')))
const fromWire = (r: WireRecord): StoredRecord => ({
  partition: r.partition,
  offset: r.offset,
  key: fromBase64(r.key),
  value: fromBase64(r.value),
})

/**
 * Seeds and inspects the sandbox over its REST API from the test process (not through the console), so a test
 * can set up data and check what the console did.
 */
export class SandboxApi {
  readonly url: string
  readonly apiKey: string

  constructor(url: string, apiKey: string) {
    this.url = url
    this.apiKey = apiKey
  }

  private async call(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
    accept = 'application/json',
  ) {
    const res = await fetch(this.url + path, {
      method,
      headers: {
        'X-Auth-Token': this.apiKey,
        Accept: accept,
        ...(body === undefined ? {} : { 'Content-Type': contentType }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${text}`)
    return text ? JSON.parse(text) : null
  }

  /**
   * Creates a topic through the IBM admin API when present, else v3. `maxMessageBytes` raises the topic's record
   * size limit (Kafka's default is 1048588, which the sandbox enforces as a broker does).
   */
  async createTopic(name: string, partitions = 1, options: { maxMessageBytes?: number } = {}) {
    const limit = options.maxMessageBytes
    try {
      await this.call('POST', '/admin/topics', {
        name,
        partitions,
        ...(limit === undefined ? {} : { configs: { maxMessageBytes: limit } }),
      })
    } catch {
      const clusters = await this.call('GET', '/v3/clusters')
      const id = clusters.data[0].cluster_id
      await this.call('POST', `/v3/clusters/${id}/topics`, {
        topic_name: name,
        partitions_count: partitions,
        ...(limit === undefined ? {} : { configs: [{ name: 'max.message.bytes', value: String(limit) }] }),
      })
    }
  }

  /** Produces binary records (base64) with the v2 or v1 binary type, whichever the sandbox serves. */
  async produce(
    topic: string,
    records: Array<{ key?: Uint8Array | null; value: Uint8Array | null; partition?: number }>,
  ) {
    const body = {
      records: records.map((r) => ({
        ...(r.key ? { key: Buffer.from(r.key).toString('base64') } : {}),
        value: r.value === null ? null : Buffer.from(r.value).toString('base64'),
        ...(r.partition === undefined ? {} : { partition: r.partition }),
      })),
    }
    for (const [type, accept] of [
      ['application/vnd.kafka.binary.v2+json', 'application/vnd.kafka.v2+json'],
      ['application/vnd.kafka.binary.v1+json', 'application/vnd.kafka.v1+json'],
    ]) {
      try {
        return (await this.call('POST', `/topics/${encodeURIComponent(topic)}`, body, type, accept)) as {
          offsets: Array<{ partition: number; offset: number }>
        }
      } catch (e) {
        if (!/-> (406|415)/.test(String(e))) throw e
      }
    }
    throw new Error('the sandbox accepted neither v2 nor v1 produce')
  }

  /** Deletes a topic through the IBM admin API when present, else v3. */
  async deleteTopic(name: string) {
    try {
      await this.call('DELETE', `/admin/topics/${encodeURIComponent(name)}`)
    } catch {
      const clusters = await this.call('GET', '/v3/clusters')
      const id = clusters.data[0].cluster_id
      await this.call('DELETE', `/v3/clusters/${id}/topics/${encodeURIComponent(name)}`)
    }
  }

  /**
   * Reads records back byte for byte, from `offset` on: the v1 simple consumer where the sandbox has it, else a
   * temporary v2 consumer (assigned to the partition, seeked, deleted afterwards).
   */
  async readRecords(
    topic: string,
    partition: number,
    offset: number,
    count: number,
  ): Promise<StoredRecord[]> {
    const path = `/topics/${encodeURIComponent(topic)}/partitions/${partition}/messages?offset=${offset}&count=${count}`
    try {
      const list = await this.call('GET', path, undefined, undefined, 'application/vnd.kafka.binary.v1+json')
      return (list as WireRecord[]).map(fromWire)
    } catch (e) {
      if (!/-> (404|406)/.test(String(e))) throw e
    }
    return this.readWithV2Consumer(topic, partition, offset, count)
  }

  private async readWithV2Consumer(topic: string, partition: number, offset: number, count: number) {
    const v2 = 'application/vnd.kafka.v2+json'
    const group = `e2e-read-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`
    const created = await this.call(
      'POST',
      `/consumers/${group}`,
      { name: 'reader', format: 'binary', 'auto.offset.reset': 'earliest', 'auto.commit.enable': 'false' },
      v2,
      v2,
    )
    const base = new URL(created.base_uri as string).pathname
    try {
      await this.call('POST', `${base}/assignments`, { partitions: [{ topic, partition }] }, v2, v2)
      await this.call('POST', `${base}/positions`, { offsets: [{ topic, partition, offset }] }, v2, v2)
      const out: StoredRecord[] = []
      const deadline = Date.now() + 20_000
      while (out.length < count && Date.now() < deadline) {
        const batch = (await this.call(
          'GET',
          `${base}/records?timeout=500&max_bytes=67108864`,
          undefined,
          undefined,
          'application/vnd.kafka.binary.v2+json',
        )) as WireRecord[]
        out.push(...batch.map(fromWire))
      }
      return out.slice(0, count)
    } finally {
      await this.call('DELETE', base, undefined, v2, v2)
    }
  }

  /**
   * Commits a consumer group's position on each partition (`next` = the next offset to read) the way a v2 consumer
   * does after processing, through one member that stays in the group (so the group has a member).
   */
  async commitGroupOffsets(
    group: string,
    topic: string,
    next: Array<{ partition: number; offset: number }>,
    member = 'e2e-member',
  ) {
    const v2 = 'application/vnd.kafka.v2+json'
    const base = `/consumers/${encodeURIComponent(group)}/instances/${encodeURIComponent(member)}`
    try {
      await this.call('POST', `/consumers/${encodeURIComponent(group)}`, { name: member }, v2, v2)
    } catch (e) {
      if (!/-> 409/.test(String(e))) throw e
    }
    const partitions = next.map((n) => ({ topic, partition: n.partition }))
    await this.call('POST', `${base}/assignments`, { partitions }, v2, v2)
    // v2's commit names the last offset consumed; the group stores the one after it.
    const offsets = next.map((n) => ({ topic, partition: n.partition, offset: n.offset - 1 }))
    await this.call('POST', `${base}/offsets`, { offsets }, v2, v2)
  }

  /** Consumer groups the sandbox knows (v3 only), to check the console leaves no consumer behind. */
  async consumerGroups(): Promise<string[]> {
    const clusters = await this.call('GET', '/v3/clusters')
    const id = clusters.data[0].cluster_id
    const groups = await this.call('GET', `/v3/clusters/${id}/consumer-groups`)
    return groups.data.map((g: { consumer_group_id: string }) => g.consumer_group_id)
  }

  /**
   * Whether a v2 consumer instance (its path, `/consumers/{g}/instances/{i}`) still exists: the instance answers
   * its assignments, a deleted one is 404/40403.
   */
  async consumerInstanceExists(path: string): Promise<boolean> {
    const v2 = 'application/vnd.kafka.v2+json'
    try {
      await this.call('GET', `${path}/assignments`, undefined, undefined, v2)
      return true
    } catch (e) {
      if (/-> 404/.test(String(e))) return false
      throw e
    }
  }

  /** Consumer groups with members right now (v3 only): what a leaked instance would show up as. */
  async activeConsumerGroups(): Promise<string[]> {
    const clusters = await this.call('GET', '/v3/clusters')
    const id = clusters.data[0].cluster_id
    const groups = await this.call('GET', `/v3/clusters/${id}/consumer-groups`)
    return groups.data
      .filter((g: { state: string }) => g.state !== 'EMPTY')
      .map((g: { consumer_group_id: string }) => g.consumer_group_id)
  }
}
