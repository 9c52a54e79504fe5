/**
 * Copy to topic: records produced to another topic with their exact key, value and header bytes, in batches as
 * the dialect allows (one record per request where it has no batches), to the same partition or wherever the
 * endpoint puts them. Every record gets its own result; Stop ends it between batches (and aborts the request).
 */
import type { ProduceCapabilities } from '../../api/capabilities.ts'
import type { ProduceOptions } from '../../api/kafka-rest-client.ts'
import type { ProduceRecord, ProduceResult } from '../../api/types.ts'
import type { MatchedRecord } from './scan-record.ts'

export interface CopySink {
  readonly capabilities: { readonly produce: ProduceCapabilities | null }
  produce(topic: string, records: ProduceRecord[], options?: ProduceOptions): Promise<ProduceResult[]>
}

export interface CopyOptions {
  /** 'same': each record to the partition it came from; 'auto': the endpoint chooses. */
  partition: 'same' | 'auto'
  batchSize?: number
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

export interface CopyResult {
  source: { partition: number; offset: string }
  result: ProduceResult
}

export const COPY_BATCH = 100

/** Why the copy cannot run as asked, or null. */
export function copyProblem(sink: CopySink, records: MatchedRecord[], options: CopyOptions): string | null {
  const p = sink.capabilities.produce
  if (!p) return 'This API cannot produce messages.'
  if (options.partition === 'same' && !p.toPartition)
    return 'This API cannot produce to a chosen partition: pick Auto.'
  if (!p.headers && records.some((r) => (r.headers?.length ?? 0) > 0))
    return 'Some messages have headers, which this API cannot produce: they would not be copied byte-exact.'
  if (!p.keys && records.some((r) => r.key !== null)) return 'This API cannot produce keys.'
  if (!p.tombstones && records.some((r) => r.value === null))
    return 'Some messages are tombstones (null value), which this API cannot produce.'
  return null
}

export async function copyRecords(
  sink: CopySink,
  topic: string,
  records: MatchedRecord[],
  options: CopyOptions,
): Promise<CopyResult[]> {
  const problem = copyProblem(sink, records, options)
  if (problem) throw new Error(problem)
  const size = sink.capabilities.produce?.batch ? Math.max(1, options.batchSize ?? COPY_BATCH) : 1
  const out: CopyResult[] = []
  options.onProgress?.(0, records.length)
  for (let i = 0; i < records.length; i += size) {
    if (options.signal?.aborted) break
    const batch = records.slice(i, i + size)
    const produce: ProduceRecord[] = batch.map((r) => {
      const p: ProduceRecord = { key: r.key, value: r.value }
      if (r.headers && r.headers.length > 0)
        p.headers = r.headers.map((h) => ({ name: h.name, value: h.value }))
      if (options.partition === 'same') p.partition = r.partition
      return p
    })
    let results: ProduceResult[]
    try {
      results = await sink.produce(topic, produce, { signal: options.signal })
    } catch (e) {
      if (options.signal?.aborted) break
      const message = e instanceof Error ? e.message : String(e)
      results = batch.map(() => ({ ok: false, errorCode: null, message }))
    }
    batch.forEach((r, k) =>
      out.push({
        source: { partition: r.partition, offset: r.offset },
        result: results[k] ?? { ok: false, errorCode: null, message: 'The endpoint gave no result for it.' },
      }),
    )
    options.onProgress?.(out.length, records.length)
  }
  return out
}
