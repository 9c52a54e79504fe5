import type { ReactNode } from 'react'
import type { KafkaRecord } from '../../api/types.ts'
import { inputClass } from '../../components/field.tsx'
import type { DecodedWindow } from '../../lib/browse/decoded-window.ts'
import { usePreferencesStore, type TimeZoneSetting } from '../../stores/preferences-store.ts'
import type { BrowseView } from './browse-view.ts'
import { ExportButtons } from './export-buttons.tsx'

interface Props {
  view: BrowseView
  /** The loaded window after the filter, in merged (log) order: what Export writes. */
  filtered: KafkaRecord[]
  /** Schema Registry keys and values decoded: exports add them beside the exact bytes. */
  decoded?: DecodedWindow
  total: number
  /** A filter scan in progress over a big window. */
  scanning: { scanned: number; total: number } | null
  filterText: string
  onFilter(text: string): void
  onPatch(partial: Partial<BrowseView>): void
  timestamps: boolean
}

const small =
  'rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs dark:border-slate-600 dark:bg-slate-900'

function InlineSelect(props: {
  id: string
  label: string
  value: string
  onChange(value: string): void
  children: ReactNode
}) {
  return (
    <span className="flex items-center gap-1 text-xs">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        className={small}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.children}
      </select>
    </span>
  )
}

/** Quick filter, display order, merge order, time zone and export of what is loaded. */
export function ListToolbar({
  view,
  filtered,
  decoded,
  total,
  scanning,
  filterText,
  onFilter,
  onPatch,
  timestamps,
}: Props) {
  const timeZone = usePreferencesStore((s) => s.timeZone)
  const setTimeZone = usePreferencesStore((s) => s.setTimeZone)
  const count = (n: number) => n.toLocaleString('en-US')
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <div className="min-w-56 flex-1">
        <label htmlFor="browse-filter" className="sr-only">
          Filter messages
        </label>
        <input
          id="browse-filter"
          type="search"
          className={inputClass}
          placeholder="Filter by key, value text, header name or value"
          value={filterText}
          onChange={(e) => onFilter(e.target.value)}
        />
      </div>
      <span role="status" className="text-xs text-slate-600 tabular-nums dark:text-slate-300">
        {scanning
          ? `Filtering… ${count(scanning.scanned)} of ${count(scanning.total)}`
          : filterText
            ? `${count(filtered.length)} of ${count(total)} match`
            : `${count(total)} loaded`}
      </span>
      <InlineSelect
        id="browse-sort"
        label="Show"
        value={view.sort}
        onChange={(v) => onPatch({ sort: v as BrowseView['sort'] })}
      >
        <option value="oldest">Oldest first</option>
        <option value="newest">Newest first</option>
      </InlineSelect>
      {view.partition === 'all' && timestamps && (
        <InlineSelect
          id="browse-order"
          label="Merge by"
          value={view.order}
          onChange={(v) => onPatch({ order: v as BrowseView['order'] })}
        >
          <option value="timestamp">Timestamp</option>
          <option value="offset">Offset</option>
        </InlineSelect>
      )}
      <InlineSelect
        id="browse-time-zone"
        label="Time zone"
        value={timeZone}
        onChange={(v) => setTimeZone(v as TimeZoneSetting)}
      >
        <option value="local">Local</option>
        <option value="UTC">UTC</option>
      </InlineSelect>
      <ExportButtons
        topic={view.topic ?? 'messages'}
        partition={view.partition}
        records={filtered}
        decoded={decoded}
        timeZone={timeZone}
        busy={scanning !== null}
      />
    </div>
  )
}
