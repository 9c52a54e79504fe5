/**
 * Copy to topic: records (a search's matches, or a browse window) produced to another topic with their exact key,
 * value and header bytes, in batches as the dialect allows (one record per request where it has no batches), to
 * the same partition or wherever the endpoint puts them. Every record gets its own result; Stop ends it between
 * batches (and aborts the request).
 */
import type { ProduceCapabilities } from '../../api/capabilities.ts'
import type { ProduceOptions } from '../../api/kafka-rest-client.ts'
import { isNullPart, partBytesOnce } from '../../api/lazy-record.ts'
import type { ProduceRecord, ProduceResult, RecordHeader } from '../../api/types.ts'

export interface CopySink {
  readonly capabilities: { readonly produce: ProduceCapabilities | null }
  produce(topic: string, records: ProduceRecord[], options?: ProduceOptions): Promise<ProduceResult[]>
}

/** What a copy reads of a record: a search match or a browse window's (possibly lazy) record. */
export interface CopySource {
  partition: number
  offset: string
  key: Uint8Array | null
  value: Uint8Array | null
  headers?: RecordHeader[]
}

/** 'same': each record to the partition it came from; 'auto': the endpoint chooses. */
export type CopyPartition = 'same' | 'auto'

export interface CopyOptions {
  partition: CopyPartition
  batchSize?: number
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

export interface CopyResult {
  source: { partition: number; offset: string }
  result: ProduceResult
}

export const COPY_BATCH = 100

/** Why the copy cannot run as asked, or null. Reads no lazy record's bytes (a window may hold 100,000). */
export function copyProblem(
  sink: CopySink,
  records: readonly CopySource[],
  options: CopyOptions,
): string | null {
  const p = sink.capabilities.produce
  if (!p) return 'This API cannot produce messages.'
  if (options.partition === 'same' && !p.toPartition)
    return 'This API cannot produce to a chosen partition: pick Auto.'
  if (!p.headers && records.some((r) => (r.headers?.length ?? 0) > 0))
    return 'Some messages have headers, which this API cannot produce: they would not be copied byte-exact.'
  if (!p.keys && records.some((r) => !isNullPart(r, 'key'))) return 'This API cannot produce keys.'
  if (!p.tombstones && records.some((r) => isNullPart(r, 'value')))
    return 'Some messages are tombstones (null value), which this API cannot produce.'
  return null
}

/** The problem of each partition mode, for a form that lets the user switch between them. */
export function copyProblems(
  sink: CopySink,
  records: readonly CopySource[],
): Record<CopyPartition, string | null> {
  return {
    same: copyProblem(sink, records, { partition: 'same' }),
    auto: copyProblem(sink, records, { partition: 'auto' }),
  }
}

function toProduce(r: CopySource, partition: CopyPartition): ProduceRecord {
  const p: ProduceRecord = { key: partBytesOnce(r, 'key'), value: partBytesOnce(r, 'value') }
  if (r.headers && r.headers.length > 0) p.headers = r.headers.map((h) => ({ name: h.name, value: h.value }))
  if (partition === 'same') p.partition = r.partition
  return p
}

export async function copyRecords(
  sink: CopySink,
  topic: string,
  records: readonly CopySource[],
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
    let results: ProduceResult[]
    try {
      results = await sink.produce(
        topic,
        batch.map((r) => toProduce(r, options.partition)),
        { signal: options.signal },
      )
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
