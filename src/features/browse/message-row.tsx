import { memo } from 'react'
import { recordBytesPrefix } from '../../api/lazy-record.ts'
import type { KafkaRecord } from '../../api/types.ts'
import { formatBytesSize } from '../../lib/bytes/format-size.ts'
import type { DecodedTexts } from '../../lib/browse/decoded-window.ts'
import {
  decodedRowPreview,
  ROW_PREFIX_BYTES,
  rowPreview,
  type RowPreview,
} from '../../lib/decode/row-preview.ts'
import { formatTimestamp } from '../../lib/time/format-timestamp.ts'
import type { TimeZoneSetting } from '../../stores/preferences-store.ts'
import { ROW_HEIGHT, rowGrid } from './row-layout.ts'

const previews = new WeakMap<KafkaRecord, { key: RowPreview; value: RowPreview }>()

/** Previews from a prefix of each value, computed once per record (the list never decodes whole values). */
function previewsOf(r: KafkaRecord) {
  let p = previews.get(r)
  if (!p) {
    p = {
      key: rowPreview(recordBytesPrefix(r, 'key', 96), r.keySize, 40),
      value: rowPreview(recordBytesPrefix(r, 'value', ROW_PREFIX_BYTES), r.valueSize),
    }
    previews.set(r, p)
  }
  return p
}

function Preview({ preview }: { preview: RowPreview }) {
  const muted = preview.kind === 'null' || preview.kind === 'empty'
  return (
    <span
      title={preview.label ? `${preview.label}: ${preview.text}` : preview.text}
      className={`truncate ${preview.kind === 'binary' ? 'font-mono text-xs' : ''} ${muted ? 'text-slate-500 italic dark:text-slate-400' : ''}`}
    >
      {preview.label && (
        <span className="mr-1.5 rounded bg-slate-200 px-1 font-sans text-[0.7rem] text-slate-700 not-italic dark:bg-slate-700 dark:text-slate-200">
          {preview.label}
        </span>
      )}
      {preview.text}
    </span>
  )
}

interface RowProps {
  record: KafkaRecord
  id: string
  selected: boolean
  timeZone: TimeZoneSetting
  /** Show the timestamp column (the API returns timestamps). */
  timestamps: boolean
  top: number
  index: number
  total: number
  onPick(record: KafkaRecord): void
  /** The key and value decoded with their schemas, for rows in view when a registry is connected. */
  decoded?: DecodedTexts
}

/** One message in the list: an option of the listbox, positioned by the virtualizer. */
export const MessageRow = memo(function MessageRow({
  record,
  id,
  selected,
  timeZone,
  timestamps,
  top,
  index,
  total,
  onPick,
  decoded,
}: RowProps) {
  const raw = previewsOf(record)
  const key =
    decoded?.key !== undefined && decoded.keyFormat
      ? decodedRowPreview(decoded.key, decoded.keyFormat, 40)
      : raw.key
  const value =
    decoded?.value !== undefined && decoded.valueFormat
      ? decodedRowPreview(decoded.value, decoded.valueFormat)
      : raw.value
  const ts = timestamps ? formatTimestamp(record.timestamp ?? null, { timeZone }) : null
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={total}
      onClick={() => onPick(record)}
      className={`absolute inset-x-0 ${rowGrid(timestamps)} cursor-default items-center border-b border-slate-100 px-3 text-sm dark:border-slate-800 ${
        selected ? 'bg-indigo-100 dark:bg-indigo-900/60' : 'hover:bg-slate-50 dark:hover:bg-slate-800/60'
      }`}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
    >
      <span className="tabular-nums">{record.partition}</span>
      <span className="truncate tabular-nums" title={record.offset}>
        {record.offset}
      </span>
      {ts && (
        <span className="truncate text-xs tabular-nums" title={ts.title}>
          {ts.text}
        </span>
      )}
      <Preview preview={key} />
      <Preview preview={value} />
      <span
        className="text-right text-xs text-slate-600 tabular-nums dark:text-slate-300"
        title={`key ${record.keySize} B, value ${record.valueSize} B`}
      >
        {formatBytesSize(record.valueSize)}
      </span>
    </div>
  )
})
