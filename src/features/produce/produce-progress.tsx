import { Button } from '../../components/button.tsx'
import { formatBytesSize } from '../../lib/bytes/format-size.ts'
import type { ProduceProgress as Progress } from './use-produce.ts'

const LABELS = {
  encoding: 'Encoding file (base64)',
  uploading: 'Uploading',
  waiting: 'Waiting for the endpoint',
}

const BAR =
  'h-2 min-w-40 flex-1 appearance-none overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700 [&::-moz-progress-bar]:bg-indigo-600 [&::-webkit-progress-bar]:bg-slate-200 dark:[&::-webkit-progress-bar]:bg-slate-700 [&::-webkit-progress-value]:bg-indigo-600'

/** Encoding and upload progress as labelled <progress> bars, with Cancel. */
export function ProduceProgress({ progress, onCancel }: { progress: Progress; onCancel(): void }) {
  const label = LABELS[progress.phase]
  const known = progress.phase !== 'waiting' && progress.total > 0
  const detail = known ? `${formatBytesSize(progress.loaded)} of ${formatBytesSize(progress.total)}` : ''
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-white px-3 py-2 dark:border-slate-800 dark:bg-slate-900">
      <label htmlFor="produce-progress" className="w-48 text-sm font-medium">
        {label}…
      </label>
      {known ? (
        <progress id="produce-progress" className={BAR} max={progress.total} value={progress.loaded} />
      ) : (
        <progress id="produce-progress" className={BAR} />
      )}
      <span
        className="w-40 text-right text-xs text-slate-600 tabular-nums dark:text-slate-300"
        aria-hidden={!detail}
      >
        {detail}
      </span>
      <Button size="sm" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  )
}
