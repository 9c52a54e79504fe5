import { useRef, useState, type FormEvent, type ReactNode } from 'react'
import { groupDigits } from '../lib/group-digits.ts'
import type { CopyPartition, CopyResult } from '../lib/copy/copy-records.ts'
import { visibleNameText } from '../lib/visible-name.ts'
import { Button } from './button.tsx'
import { SelectField } from './field.tsx'
import { TypedConfirm } from './typed-confirm.tsx'
import { VirtualCombobox } from './virtual-combobox.tsx'

export type RunCopy = (
  target: string,
  partition: CopyPartition,
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
) => Promise<CopyResult[]>

/**
 * Copy to topic: records produced to another topic, with progress, per-record results and Stop, behind the
 * production guard. Props only: the caller says what is copied (`scope`, `count`), why it cannot be
 * (`problems`), and runs the copy (`onCopy`).
 */
export function CopyToTopicPanel({
  topics,
  count,
  scope,
  problems,
  production,
  onCopy,
}: {
  topics: string[]
  count: number
  scope?: ReactNode
  problems: Record<CopyPartition, string | null>
  /** The connection is tagged production: the target topic's name must be typed first. */
  production: boolean
  onCopy: RunCopy
}) {
  const [target, setTarget] = useState('')
  const [partition, setPartition] = useState<CopyPartition>('same')
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [results, setResults] = useState<CopyResult[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [running, setRunning] = useState(false)
  const [guarded, setGuarded] = useState(false)
  const abort = useRef<AbortController | null>(null)
  const problem = problems[partition]

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!target || problem || running) return
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
      setResults(
        await onCopy(target, partition, controller.signal, (done, total) => setProgress({ done, total })),
      )
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
        {scope && <p className="text-sm">{scope}</p>}
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
            onChange={(e) => setPartition(e.target.value as CopyPartition)}
          >
            <option value="same">Same partition</option>
            <option value="auto">Auto</option>
          </SelectField>
          <Button type="submit" variant="primary" disabled={running || !target || count === 0 || !!problem}>
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
            {results && results.length < progress.total && ' · stopped'}
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
            {failed.length > 200 && <li>… and {groupDigits(failed.length - 200)} more</li>}
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
          This connection is tagged <strong>production</strong>: {groupDigits(count)}{' '}
          {count === 1 ? 'record is' : 'records are'} written to a live topic.
        </p>
      </TypedConfirm>
    </>
  )
}
