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

  /** Creates a topic through the IBM admin API when present, else v3. */
  async createTopic(name: string, partitions = 1) {
    try {
      await this.call('POST', '/admin/topics', { name, partitions })
    } catch {
      const clusters = await this.call('GET', '/v3/clusters')
      const id = clusters.data[0].cluster_id
      await this.call('POST', `/v3/clusters/${id}/topics`, { topic_name: name, partitions_count: partitions })
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

  /** Consumer groups the sandbox knows (v3 only), to check the console leaves no consumer behind. */
  async consumerGroups(): Promise<string[]> {
    const clusters = await this.call('GET', '/v3/clusters')
    const id = clusters.data[0].cluster_id
    const groups = await this.call('GET', `/v3/clusters/${id}/consumer-groups`)
    return groups.data.map((g: { consumer_group_id: string }) => g.consumer_group_id)
  }
}
