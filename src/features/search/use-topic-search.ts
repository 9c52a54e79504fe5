import { useCallback, useEffect, useRef, useState } from 'react'
import type { KafkaRestClient } from '../../api/kafka-rest-client.ts'
import type { CelProblem } from '../../lib/search-scan/cel-filter.ts'
import type { QuickMatch } from '../../lib/search-scan/quick-match.ts'
import { openScanFilter } from '../../lib/search-scan/scan-filter-client.ts'
import type { MatchedRecord } from '../../lib/search-scan/scan-record.ts'
import {
  runScan,
  type PartitionProgress,
  type ScanRange,
  type ScanSummary,
} from '../../lib/search-scan/scan-runner.ts'

export interface SearchRun {
  topic: string
  partitions: number[]
  range: ScanRange
  quick?: QuickMatch
  expression: string
  maxMatches: number
  maxBytes: number
}

export interface SearchState {
  status: 'idle' | 'running' | 'finished'
  matches: MatchedRecord[]
  partitions: PartitionProgress[]
  scanned: number
  bytes: number
  startedAt: number
  /** Per partition: when its first page was counted (for messages/s). */
  elapsedMs: number
  summary?: ScanSummary
  problem?: CelProblem
  error?: string
}

const IDLE: SearchState = {
  status: 'idle',
  matches: [],
  partitions: [],
  scanned: 0,
  bytes: 0,
  startedAt: 0,
  elapsedMs: 0,
}
/** Progress reaches React at most this often: a fast scan must not re-render per page. */
const PAINT_MS = 200

/** Runs a topic search: the scan on the page (reads), the filter in a worker; Stop and unmount end it. */
export function useTopicSearch(client: KafkaRestClient) {
  const [state, setState] = useState<SearchState>(IDLE)
  const abort = useRef<AbortController | null>(null)

  const stop = useCallback(() => abort.current?.abort(new DOMException('Stopped', 'AbortError')), [])
  useEffect(() => stop, [stop])

  const start = useCallback(
    async (run: SearchRun) => {
      abort.current?.abort()
      const controller = new AbortController()
      abort.current = controller
      const startedAt = performance.now()
      // The live values; React gets a copy at most every PAINT_MS.
      const live: SearchState = { ...IDLE, matches: [], partitions: [], status: 'running', startedAt }
      let timer: ReturnType<typeof setTimeout> | null = null
      const paint = () => {
        timer = null
        if (abort.current === controller)
          setState({ ...live, matches: live.matches.slice(), elapsedMs: performance.now() - startedAt })
      }
      const schedule = () => {
        timer ??= setTimeout(paint, PAINT_MS)
      }
      setState(live)
      const opened = await openScanFilter({ quick: run.quick, expression: run.expression })
      if (!opened.ok) {
        if (abort.current === controller) setState({ ...IDLE, matches: [], problem: opened.problem })
        return
      }
      try {
        const summary = await runScan(
          client,
          opened.opened.filter,
          {
            topic: run.topic,
            partitions: run.partitions,
            range: run.range,
            maxMatches: run.maxMatches,
            maxBytes: run.maxBytes,
          },
          {
            onMatches: (m) => {
              live.matches.push(...m)
              schedule()
            },
            onProgress: (partitions, totals) => {
              live.partitions = partitions
              live.scanned = totals.scanned
              live.bytes = totals.bytes
              schedule()
            },
          },
          controller.signal,
        )
        live.summary = summary
      } catch (e) {
        live.error = e instanceof Error ? e.message : String(e)
      } finally {
        opened.opened.close()
        if (timer) clearTimeout(timer)
        live.status = 'finished'
        paint()
      }
    },
    [client],
  )

  return { state, start, stop }
}
