import { useMemo, useState, type FormEvent } from 'react'
import type { TopicSummary } from '../../api/types.ts'
import { Button } from '../../components/button.tsx'
import { SelectField, TextField } from '../../components/field.tsx'
import { VirtualCombobox } from '../../components/virtual-combobox.tsx'
import { formatPositions, MAX_COUNT, offsetProblem } from '../../lib/browse/offset-window.ts'
import { formatTimestampIso } from '../../lib/time/format-timestamp.ts'
import { usePreferencesStore } from '../../stores/preferences-store.ts'
import type { BrowseCaps, BrowseView } from './browse-view.ts'
import { StartFieldset, type StartDraft } from './start-fieldset.tsx'
import { parseTimeInput } from './time-input.ts'

interface Props {
  view: BrowseView
  caps: BrowseCaps
  topics: TopicSummary[] | undefined
  partitionIds: number[] | undefined
  onFetch(next: BrowseView): void
  onTopic(topic: string): void
}

interface Draft extends StartDraft {
  partition: string
  count: string
}

function draftOf(view: BrowseView, timeZone: 'local' | 'UTC'): Draft {
  const ms = view.ts ? Date.parse(view.ts) : NaN
  return {
    partition: String(view.partition),
    start: view.start,
    offset: view.start === 'offset' && !view.positions ? view.offset : '',
    time: Number.isNaN(ms) ? '' : formatTimestampIso(ms, timeZone),
    count: String(view.count),
  }
}

/** Topic, partition, start and count; Fetch commits them to the URL (a new window). */
export function BrowseControls({ view, caps, topics, partitionIds, onFetch, onTopic }: Props) {
  const timeZone = usePreferencesStore((s) => s.timeZone)
  const [draft, setDraft] = useState(() => draftOf(view, timeZone))
  const [errors, setErrors] = useState<{ offset?: string; time?: string; count?: string }>({})
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  const names = useMemo(() => topics?.map((t) => t.name) ?? [], [topics])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!view.topic) return
    const found: typeof errors = {}
    const count = Number(draft.count)
    if (!/^\d+$/.test(draft.count.trim()) || count < 1 || count > MAX_COUNT)
      found.count = `A whole number from 1 to ${MAX_COUNT.toLocaleString('en-US')}.`
    const offset = draft.offset.trim()
    const keepPositions = draft.start === 'offset' && offset === '' && view.positions !== undefined
    const offsetError = draft.start === 'offset' && !keepPositions ? offsetProblem(offset) : null
    if (offsetError) found.offset = offsetError
    const ms = parseTimeInput(draft.time, timeZone)
    if (draft.start === 'timestamp' && (ms === null || Number.isNaN(ms)))
      found.time = 'Enter a time like 2026-11-26 17:05, an ISO instant, or epoch milliseconds.'
    setErrors(found)
    if (Object.keys(found).length > 0) return
    const partition = draft.partition === 'all' ? 'all' : Number(draft.partition)
    const sameWindow =
      draft.start === view.start && partition === view.partition && (keepPositions || offset === view.offset)
    const next: BrowseView = {
      ...view,
      partition,
      start: draft.start,
      offset: draft.start === 'offset' && !keepPositions ? BigInt(offset).toString() : view.offset,
      direction: sameWindow ? view.direction : 'forward',
      count,
      sel: sameWindow && count === view.count ? view.sel : undefined,
    }
    if (!keepPositions) delete next.positions
    if (draft.start === 'timestamp' && ms !== null) next.ts = new Date(ms).toISOString()
    else delete next.ts
    onFetch(next)
  }

  const resolved = parseTimeInput(draft.time, timeZone)
  const timeHint =
    resolved !== null && !Number.isNaN(resolved)
      ? `= ${new Date(resolved).toISOString()}`
      : `A time without a zone is read as ${timeZone === 'UTC' ? 'UTC' : 'local time'}.`

  return (
    <form
      onSubmit={submit}
      aria-label="Choose messages"
      className="space-y-3 rounded-md border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-72 max-w-full">
          <VirtualCombobox
            id="browse-topic"
            label="Topic"
            noun="topics"
            items={names}
            value={view.topic ?? ''}
            onChange={onTopic}
            placeholder={topics ? 'Choose a topic' : 'Loading topics…'}
          />
        </div>
        <SelectField
          label="Partition"
          className="w-40"
          value={draft.partition}
          onChange={(e) => set({ partition: e.target.value })}
        >
          <option value="all">All partitions</option>
          {partitionIds?.map((p) => (
            <option key={p} value={String(p)}>
              {p}
            </option>
          ))}
          {partitionIds && draft.partition !== 'all' && !partitionIds.includes(Number(draft.partition)) && (
            <option value={draft.partition}>{draft.partition}</option>
          )}
        </SelectField>
        <TextField
          label="Count"
          className="w-28"
          inputMode="numeric"
          value={draft.count}
          error={errors.count}
          onChange={(e) => set({ count: e.target.value })}
        />
        <Button type="submit" variant="primary" disabled={!view.topic}>
          Fetch
        </Button>
      </div>
      <StartFieldset
        draft={draft}
        onChange={set}
        caps={caps}
        count={Number(draft.count) || view.count}
        errors={errors}
        timeHint={timeHint}
        offsetHint={
          view.start === 'offset' && view.positions
            ? `Per-partition positions ${formatPositions(view.positions).replaceAll(',', ', ')} (from Previous/Next); type an offset to use one for all.`
            : undefined
        }
      />
    </form>
  )
}
