import { useEffect, useState } from 'react'
import type { KafkaRecord } from '../../api/types.ts'
import { Button } from '../../components/button.tsx'
import type { DecodedWindow } from '../../lib/browse/decoded-window.ts'
import { exportFileName, exportInSlices, type ExportFormat } from '../../lib/browse/export-records.ts'
import { saveBlob } from '../../lib/save-blob.ts'
import type { TimeZoneSetting } from '../../stores/preferences-store.ts'

interface Props {
  topic: string
  partition: number | 'all'
  /** What Export writes: the loaded window after the filter, in merged (log) order. */
  records: KafkaRecord[]
  decoded?: DecodedWindow
  timeZone: TimeZoneSetting
  /** A filter scan is running: the records are not the final matches yet. */
  busy: boolean
}

const LABEL: Record<ExportFormat, string> = { ndjson: 'Export NDJSON', csv: 'Export CSV' }

/** Export NDJSON / CSV, written a slice at a time (100,000 records never freeze the page), with progress. */
export function ExportButtons({ topic, partition, records, decoded, timeZone, busy }: Props) {
  const [running, setRunning] = useState<{ format: ExportFormat; done: number; total: number } | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  // The exports in progress: leaving the page stops them.
  const [runs] = useState(() => new Set<AbortController>())
  useEffect(() => () => runs.forEach((c) => c.abort()), [runs])

  const run = (format: ExportFormat) => {
    const c = new AbortController()
    runs.add(c)
    setFailed(null)
    setRunning({ format, done: 0, total: records.length })
    exportInSlices(records, format, {
      decoded,
      timeZone,
      signal: c.signal,
      onProgress: (done, total) => setRunning({ format, done, total }),
    })
      .then(
        (blob) => saveBlob(blob, exportFileName(topic, partition, records, format)),
        (e: unknown) => {
          // Aborted: the page was left, nothing to say. Anything else (the browser refusing a huge file) is shown.
          if (!c.signal.aborted)
            setFailed(
              `Export failed: ${e instanceof Error ? e.message : String(e)}. Filter the window to fewer messages and try again.`,
            )
        },
      )
      .finally(() => {
        runs.delete(c)
        if (!c.signal.aborted) setRunning(null)
      })
  }

  return (
    <>
      {(['ndjson', 'csv'] as const).map((format) => (
        <Button
          key={format}
          size="sm"
          disabled={records.length === 0 || busy || running !== null}
          onClick={() => run(format)}
        >
          {running?.format === format
            ? `Exporting… ${Math.floor((100 * running.done) / Math.max(1, running.total))}%`
            : LABEL[format]}
        </Button>
      ))}
      {failed && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          {failed}
        </span>
      )}
    </>
  )
}
