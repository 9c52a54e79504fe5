import { isKafkaRestError } from '../errors.ts'
import type { HttpTransport } from '../http/transport.ts'
import type { PreparedProduce, ProduceOptions } from '../kafka-rest-client.ts'
import type { ProduceRecord, TopicDetail } from '../types.ts'
import { parseWireJson } from '../wire-json.ts'
import { V2Client } from './confluent-v2.ts'
import { isObject, parseProduceOffsets, topicNotFoundOn404 } from './shared.ts'

/**
 * Karapace's REST proxy: Confluent's v2 routes with v2 semantics; consumer records carry timestamps. It answers
 * 422 when any record of a produce failed, with the per-record results in the body.
 */
export class KarapaceClient extends V2Client {
  constructor(transport: HttpTransport, version?: string) {
    super(
      transport,
      'karapace',
      {
        id: 'karapace',
        name: 'Karapace REST proxy (v2), binary',
        notes: version ? [`Karapace ${version}`] : [],
      },
      // A null or empty binary value becomes empty bytes, not a tombstone.
      { produce: { tombstones: false }, browse: { timestamps: true } },
    )
  }

  // Karapace answers a missing topic with 40403, which Confluent uses for a missing consumer instance.
  getTopic(name: string, signal?: AbortSignal): Promise<TopicDetail> {
    return topicNotFoundOn404(super.getTopic(name, signal), [40403, 40401])
  }

  prepareProduce(topic: string, records: ProduceRecord[], options: ProduceOptions = {}): PreparedProduce {
    const prepared = super.prepareProduce(topic, records, options)
    return {
      send: async () => {
        try {
          return await prepared.send()
        } catch (e) {
          if (isKafkaRestError(e) && e.status === 422 && e.responseText) {
            try {
              const body = parseWireJson(e.responseText)
              if (isObject(body) && Array.isArray(body.offsets))
                return parseProduceOffsets(body, records.length)
            } catch {
              // not a per-record report: rethrow the original error below
            }
          }
          throw e
        }
      },
    }
  }
}
