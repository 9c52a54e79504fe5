import { useMemo, useRef, useState, type FormEvent } from 'react'
import type { KafkaRestClient } from '../../api/kafka-rest-client.ts'
import { Button } from '../../components/button.tsx'
import { SelectField } from '../../components/field.tsx'
import { TypedConfirm } from '../../components/typed-confirm.tsx'
import { VirtualCombobox } from '../../components/virtual-combobox.tsx'
import { groupDigits } from '../../lib/group-digits.ts'
import { copyProblem, copyRecords, type CopyResult } from '../../lib/search-scan/copy-records.ts'
import type { MatchedRecord } from '../../lib/search-scan/scan-record.ts'
import { visibleNameText } from '../../lib/visible-name.ts'
import { useIsProduction } from '../../stores/connection-store.ts'

/** Copy to topic: the matches produced to another topic, byte-exact, with progress, results and Stop. */
export function CopyPanel({
  client,
  topics,
  records,
}: {
  client: KafkaRestClient
  topics: string[]
  records: MatchedRecord[]
}) {
  const [target, setTarget] = useState('')
  const [partition, setPartition] = useState<'same' | 'auto'>('same')
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [results, setResults] = useState<CopyResult[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [running, setRunning] = useState(false)
  const abort = useRef<AbortController | null>(null)
  const problem = useMemo(() => copyProblem(client, records, { partition }), [client, records, partition])

  const production = useIsProduction()
  const [guarded, setGuarded] = useState(false)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!target || problem) return
    // A production connection asks for the target topic's name first.
    if (production) setGuarded(true)
    else void copy()
  }

  const copy = async () => {
    const controller = new AbortController()
    abort.current = controller
    setRunning(true)
    setError(null)
    setResults(null)
    try {
      const out = await copyRecords(client, target, records, {
        partition,
        signal: controller.signal,
        onProgress: (done, total) => setProgress({ done, total }),
      })
      setResults(out)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setRunning(false)
    }
  }

  const failed = results?.filter((r) => !r.result.ok) ?? []
  return (
    <>
      <form
        onSubmit={submit}
        aria-label="Copy to topic"
        className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700"
      >
        <div className="flex flex-wrap items-end gap-3">
          <div className="w-72 max-w-full">
            <VirtualCombobox
              id="copy-target"
              label="Target topic"
              noun="topics"
              items={topics}
              value={target}
              onChange={setTarget}
              placeholder="Choose a topic"
            />
          </div>
          <SelectField
            label="Target partition"
            className="w-48"
            value={partition}
            onChange={(e) => setPartition(e.target.value as 'same' | 'auto')}
          >
            <option value="same">Same partition</option>
            <option value="auto">Auto</option>
          </SelectField>
          <Button
            type="submit"
            variant="primary"
            disabled={running || !target || records.length === 0 || !!problem}
          >
            Copy to topic
          </Button>
          <Button disabled={!running} onClick={() => abort.current?.abort()}>
            Stop copy
          </Button>
        </div>
        {problem && <p className="text-xs text-amber-700 dark:text-amber-300">{problem}</p>}
        {progress && (
          <p role="status" aria-label="Copy progress" className="text-sm">
            Copied {groupDigits(progress.done)} of {groupDigits(progress.total)}
            {results &&
              ` · ${groupDigits(results.length - failed.length)} produced, ${groupDigits(failed.length)} failed`}
          </p>
        )}
        {error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        {failed.length > 0 && (
          <ul aria-label="Copy failures" className="max-h-40 overflow-auto text-xs">
            {failed.slice(0, 200).map((f) => (
              <li key={`${f.source.partition}:${f.source.offset}`}>
                {f.source.partition}:{f.source.offset} — {!f.result.ok && f.result.message.slice(0, 300)}
              </li>
            ))}
          </ul>
        )}
      </form>
      <TypedConfirm
        open={guarded}
        title={`Copy to ${visibleNameText(target)} in production?`}
        expected={target}
        confirmLabel="Copy to production"
        onCancel={() => setGuarded(false)}
        onConfirm={() => {
          setGuarded(false)
          void copy()
        }}
      >
        <p className="text-sm">
          This connection is tagged <strong>production</strong>: the records are written to a live topic.
        </p>
      </TypedConfirm>
    </>
  )
}
