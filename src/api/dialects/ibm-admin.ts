import type { HttpTransport } from '../http/transport.ts'
import type { CreateTopicRequest, TopicSummary } from '../types.ts'
import { asArray, asObject, seg } from './shared.ts'
import { JSON_TYPE } from './media-types.ts'

/**
 * IBM Message Hub's admin topics API (`/admin/topics`), beside the v1 REST API. Newer Event Streams keeps the
 * same paths on `kafka_admin_url`. Errors use camelCase `{errorCode, errorMessage}`, which errors.ts reads.
 */
export class IbmAdminApi {
  private readonly transport: HttpTransport

  constructor(transport: HttpTransport) {
    this.transport = transport
  }

  async listTopics(signal?: AbortSignal): Promise<TopicSummary[]> {
    const list = asArray(
      await this.transport.json({ path: '/admin/topics', accept: JSON_TYPE, signal }),
      'a list of topics',
    )
    return list.map((raw) => {
      const t = asObject(raw, 'a topic')
      const partitions = typeof t.partitions === 'number' ? t.partitions : undefined
      return { name: String(t.name), partitionCount: partitions }
    })
  }

  async configs(
    name: string,
    signal?: AbortSignal,
  ): Promise<Array<{ name: string; value: string | null }> | null> {
    const list = await this.listTopicsRaw(signal)
    const t = list.find((x) => x.name === name)
    if (!t) return null
    return Object.entries(t)
      .filter(([k]) => k !== 'name' && k !== 'partitions')
      .map(([k, v]) => ({
        name: k,
        value: v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v),
      }))
  }

  private async listTopicsRaw(signal?: AbortSignal): Promise<Array<Record<string, unknown>>> {
    const list = asArray(
      await this.transport.json({ path: '/admin/topics', accept: JSON_TYPE, signal }),
      'a list of topics',
    )
    return list.map((raw) => asObject(raw, 'a topic'))
  }

  async createTopic(req: CreateTopicRequest, signal?: AbortSignal): Promise<void> {
    const body: Record<string, unknown> = { name: req.name, partitions: req.partitions }
    if (req.configs && Object.keys(req.configs).length) body.configs = req.configs
    await this.transport.request({
      method: 'POST',
      path: '/admin/topics',
      accept: JSON_TYPE,
      contentType: JSON_TYPE,
      body: JSON.stringify(body),
      signal,
    })
  }

  async deleteTopic(name: string, signal?: AbortSignal): Promise<void> {
    await this.transport.request({
      method: 'DELETE',
      path: `/admin/topics/${seg(name)}`,
      accept: JSON_TYPE,
      signal,
    })
  }
}
