import { FieldHint, inputClass } from '../../components/field.tsx'
import type { BrowseStart } from '../../lib/browse-link.ts'
import { startUnavailable, type BrowseCaps } from './browse-view.ts'

export interface StartDraft {
  start: BrowseStart
  offset: string
  time: string
}

interface Props {
  draft: StartDraft
  onChange(patch: Partial<StartDraft>): void
  caps: BrowseCaps
  count: number
  errors: { offset?: string; time?: string }
  /** e.g. "Per-partition positions 0:12, 1:40 (from Previous/Next)". */
  offsetHint?: string
  timeHint: string
}

const radio = 'size-4 accent-indigo-600'
const option = 'flex items-center gap-1.5 text-sm whitespace-nowrap'

/** Where the window starts: beginning, newest (end − count), an offset, or a time. */
export function StartFieldset({ draft, onChange, caps, count, errors, offsetHint, timeHint }: Props) {
  const endReason = startUnavailable('end', caps)
  const timeReason = startUnavailable('timestamp', caps)
  const choice = (value: BrowseStart, label: string, reason: string | null) => (
    <label
      className={`${option} ${reason ? 'text-slate-400 dark:text-slate-500' : ''}`}
      title={reason ?? undefined}
    >
      <input
        type="radio"
        name="browse-start"
        value={value}
        className={radio}
        checked={draft.start === value}
        disabled={reason !== null}
        onChange={() => onChange({ start: value })}
      />
      {label}
    </label>
  )
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-xs font-semibold text-slate-700 dark:text-slate-300">Start</legend>
      <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
        {choice('beginning', 'Beginning', null)}
        {choice('end', `Newest (end − ${count})`, endReason)}
        <div>
          <div className="flex items-center gap-2">
            {choice('offset', 'From offset', null)}
            <label htmlFor="browse-offset" className="sr-only">
              Offset
            </label>
            <input
              id="browse-offset"
              inputMode="numeric"
              autoComplete="off"
              placeholder={offsetHint ? 'per partition' : '0'}
              className={`${inputClass} w-40 font-mono`}
              value={draft.offset}
              aria-invalid={errors.offset ? true : undefined}
              aria-describedby={errors.offset || offsetHint ? 'browse-offset-hint' : undefined}
              onChange={(e) => onChange({ offset: e.target.value, start: 'offset' })}
            />
          </div>
          {(errors.offset || offsetHint) && (
            <FieldHint id="browse-offset-hint" tone={errors.offset ? 'error' : 'muted'}>
              {errors.offset ?? offsetHint}
            </FieldHint>
          )}
        </div>
        <div>
          <div className="flex items-center gap-2">
            {choice('timestamp', 'From time', timeReason)}
            <label htmlFor="browse-time" className="sr-only">
              Timestamp
            </label>
            <input
              id="browse-time"
              autoComplete="off"
              placeholder="2026-11-26 17:05 or epoch ms"
              className={`${inputClass} w-60 font-mono`}
              value={draft.time}
              disabled={timeReason !== null}
              aria-invalid={errors.time ? true : undefined}
              aria-describedby="browse-time-hint"
              onChange={(e) => onChange({ time: e.target.value, start: 'timestamp' })}
            />
          </div>
          <FieldHint id="browse-time-hint" tone={errors.time ? 'error' : 'muted'}>
            {errors.time ?? timeReason ?? timeHint}
          </FieldHint>
        </div>
      </div>
      {endReason && <FieldHint>{endReason}</FieldHint>}
    </fieldset>
  )
}
