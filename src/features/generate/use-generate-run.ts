import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { refreshAfterProduce } from '../../data/records/produce-mutation.ts'
import type { GenerateSpec } from '../../lib/generate/generator.ts'
import { workerSource, type RecordSource } from '../../lib/generate/record-source.ts'
import {
  GenerateRun,
  type FailedBatch,
  type RunPlan,
  type RunProgress,
  type RunSummary,
} from '../../lib/generate/run-generate.ts'

const PROGRESS_EVERY_MS = 150

/** One generate run at a time: start, pause, resume, stop, retry a failed batch; progress throttled for React. */
export function useGenerateRun(connected: ConnectedClient) {
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<RunProgress | null>(null)
  const [summary, setSummary] = useState<RunSummary | null>(null)
  const [topic, setTopic] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [running, setRunning] = useState(false)
  const run = useRef<GenerateRun | null>(null)
  const source = useRef<RecordSource | null>(null)
  const busy = useRef(false)

  useEffect(
    () => () => {
      run.current?.stop()
      source.current?.close()
    },
    [],
  )

  /** Forgets the last run's outcome, so that nothing of it reads as the outcome of the next. */
  const clear = useCallback(() => {
    setError(null)
    setSummary(null)
    setProgress(null)
  }, [])

  const start = useCallback(
    async (spec: GenerateSpec, plan: RunPlan, target: string) => {
      // Running from the first moment: a second click while the worker starts must not begin a second run.
      if (busy.current) return
      busy.current = true
      source.current?.close()
      clear()
      setTopic(target)
      setRunning(true)
      try {
        let src: RecordSource
        try {
          src = await workerSource(spec)
        } catch (e) {
          setError((e as Error).message)
          return
        }
        source.current = src
        let last = 0
        const client = connected.client
        const r = new GenerateRun(plan, {
          source: src,
          prepare: (records, partition) => client.prepareProduce(target, records, { partition }),
          onProgress: (p) => {
            const now = performance.now()
            if (now - last < PROGRESS_EVERY_MS && p.sent < p.total) return
            last = now
            setProgress(p)
          },
        })
        run.current = r
        try {
          const s = await r.run()
          setSummary(s)
          setProgress(s)
        } finally {
          void refreshAfterProduce(queryClient, connected.connectionId, target)
        }
      } finally {
        busy.current = false
        setRunning(false)
      }
    },
    [connected, queryClient, clear],
  )

  const retry = useCallback(async (failure: FailedBatch) => {
    const r = run.current
    if (!r) return
    const s = await r.retry(failure)
    setSummary(s)
    setProgress(s)
  }, [])

  return {
    start,
    clear,
    retry,
    pause: () => run.current?.pause(),
    resume: () => run.current?.resume(),
    stop: () => run.current?.stop(),
    running,
    progress,
    summary,
    topic,
    error,
  }
}
