import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { RequestLogEntry } from '../../api/http/transport.ts'
import type { ProduceResult } from '../../api/types.ts'
import { kafkaClientOf } from '../../data/connection-scope.ts'
import { nextRatePoint, pushRate, type RatePoint } from '../../lib/rate.ts'
import { produceMutationKey, refreshAfterProduce } from '../../data/records/produce-mutation.ts'
import { prepareRecords, type PendingRecord } from './prepare-records.ts'
import { captureRequests } from './request-capture.ts'

export interface ProduceInput {
  topic: string
  /** undefined = the endpoint (or each record's own partition) decides. */
  partition: number | undefined
  records: PendingRecord[]
  /** What each record is called in the results (e.g. its NDJSON line); "1", "2"… by default. */
  labels?: string[]
}

export interface ProduceOutcome {
  topic: string
  labels?: string[]
  results: ProduceResult[]
  /** Every produce request this call made, oldest first (for Copy as curl). */
  requests: RequestLogEntry[]
}

/** Rate points kept for the records-per-second chart; a point at most every RATE_SAMPLE_MS. */
export const PRODUCE_RATE_POINTS = 240
const RATE_SAMPLE_MS = 250

export type ProduceProgress =
  | { phase: 'encoding'; loaded: number; total: number }
  | { phase: 'uploading'; loaded: number; total: number }
  | { phase: 'waiting' }

/**
 * Produce as a mutation: encode file values off the main thread, send, and refresh the topic's offsets. Progress
 * is reported per phase; `cancel()` aborts encoding or upload. The requests made are kept even when it fails,
 * so a refused request can be copied as curl too.
 */
export function useProduce(connectionId: string) {
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<ProduceProgress | null>(null)
  const [failedRequests, setFailedRequests] = useState<RequestLogEntry[]>([])
  const [rates, setRates] = useState<RatePoint[]>([])
  const abort = useRef<AbortController | null>(null)

  const mutation = useMutation({
    mutationKey: produceMutationKey(connectionId),
    mutationFn: async (
      { topic, partition, records, labels }: ProduceInput,
      { meta },
    ): Promise<ProduceOutcome> => {
      const client = kafkaClientOf(meta)
      const controller = new AbortController()
      abort.current = controller
      const signal = controller.signal
      const capture = captureRequests()
      setFailedRequests([])
      try {
        const hasFiles = records.some((r) => r.file)
        if (hasFiles) setProgress({ phase: 'encoding', loaded: 0, total: 0 })
        const prepared = await prepareRecords(records, {
          signal,
          onProgress: (loaded, total) => setProgress({ phase: 'encoding', loaded, total }),
        })
        setProgress({ phase: 'uploading', loaded: 0, total: 0 })
        // Records sent, estimated from the bytes uploaded (a batch is one body), sampled into records per second.
        let last = { at: Date.now(), count: 0 }
        setRates([])
        const sample = (count: number, final: boolean) => {
          const now = { at: Date.now(), count }
          const point = nextRatePoint(last, now, { final, minMs: RATE_SAMPLE_MS })
          if (!point) return
          last = now
          setRates((r) => pushRate(r, point, PRODUCE_RATE_POINTS))
        }
        const results = await client.produce(topic, prepared, {
          partition,
          signal,
          onRequest: capture.onRequest,
          onUploadProgress: (loaded, total) => {
            if (total > 0) sample(Math.floor((records.length * loaded) / total), false)
            setProgress(loaded >= total ? { phase: 'waiting' } : { phase: 'uploading', loaded, total })
          },
        })
        sample(records.length, true)
        return { topic, labels, results, requests: capture.requests() }
      } catch (e) {
        setFailedRequests(capture.requests())
        throw e
      } finally {
        setProgress(null)
        abort.current = null
      }
    },
    onSettled: (_data, _error, input) => refreshAfterProduce(queryClient, connectionId, input.topic),
  })

  return {
    ...mutation,
    progress,
    /** The requests of the last failed attempt (empty when it failed before sending). */
    failedRequests,
    /** Records per second of the last produce (estimated from upload progress, then delivered). */
    rates,
    cancel: () => abort.current?.abort(),
  }
}
