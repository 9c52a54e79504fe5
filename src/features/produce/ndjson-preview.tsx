import type { RecordHeader } from '../../api/types.ts'
import { Button } from '../../components/button.tsx'
import { formatBytesSize } from '../../lib/bytes/format-size.ts'
import { isValidUtf8 } from '../../lib/bytes/utf8.ts'
import { previewHex, previewText } from '../../lib/decode/preview.ts'
import { otherTopicsNote, type NdjsonImport } from './ndjson-import.ts'
import { ColumnHeaders } from '../../components/column-headers.tsx'
import { visibleNameText } from '../../lib/visible-name.ts'

const MAX_PREVIEW_ROWS = 200
const MAX_ERRORS_SHOWN = 20

/** A one-line look at bytes: text when they are UTF-8, hex otherwise; never HTML. */
function bytesPreview(bytes: Uint8Array | null): string {
  if (bytes === null) return 'null'
  if (bytes.length === 0) return '(empty)'
  const head = bytes.subarray(0, 64)
  return isValidUtf8(head) ? previewText(bytes, 60) : `hex ${previewHex(bytes, 12)}`
}

function headersPreview(headers: RecordHeader[] | undefined): string {
  return headers?.length ? headers.map((h) => visibleNameText(h.name, 80)).join(', ') : ''
}

/** The imported file's records before sending: what will be sent, and which lines cannot be. */
export function NdjsonPreview({
  imported,
  topic,
  skipBad,
  onSkipBad,
  onDiscard,
}: {
  imported: NdjsonImport
  topic: string
  skipBad: boolean
  onSkipBad(skip: boolean): void
  onDiscard(): void
}) {
  const ok = imported.rows.filter((r) => r.ok)
  const bad = imported.rows.flatMap((r) => (r.ok ? [] : [r]))
  const topicNote = otherTopicsNote(imported, topic)
  const notes = topicNote ? [topicNote, ...imported.notes] : imported.notes
  return (
    <section
      aria-labelledby="ndjson-preview-title"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="ndjson-preview-title" className="text-base font-semibold">
          Import preview: <span className="font-mono">{imported.fileName}</span>
        </h2>
        <Button size="sm" className="ml-auto" onClick={onDiscard}>
          Discard import
        </Button>
      </div>
      <p role="status" className="text-sm">
        {ok.length} record{ok.length === 1 ? '' : 's'} ready to produce
        {bad.length > 0 && `; ${bad.length} line${bad.length === 1 ? '' : 's'} with errors`}. Produce sends
        these instead of the form.
      </p>
      {notes.length > 0 && (
        <ul className="list-disc pl-5 text-sm text-amber-800 dark:text-amber-300">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {bad.length > 0 && (
        <div className="space-y-2">
          <ul
            aria-label="Lines with errors"
            className="list-disc pl-5 text-sm text-red-800 dark:text-red-300"
          >
            {bad.slice(0, MAX_ERRORS_SHOWN).map((r) => (
              <li key={r.line}>{r.error}</li>
            ))}
            {bad.length > MAX_ERRORS_SHOWN && (
              <li>… and {bad.length - MAX_ERRORS_SHOWN} more lines with errors.</li>
            )}
          </ul>
          {ok.length > 0 && (
            <label className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                checked={skipBad}
                onChange={(e) => onSkipBad(e.target.checked)}
                className="accent-indigo-600"
              />
              Skip the {bad.length} line{bad.length === 1 ? '' : 's'} with errors and produce the rest
            </label>
          )}
        </div>
      )}
      {ok.length > 0 && (
        <div className="max-h-80 overflow-auto rounded-md border border-slate-200 dark:border-slate-800">
          <table aria-label="Imported records" className="w-full text-sm">
            <thead className="sticky top-0 bg-slate-50 text-left text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
              <ColumnHeaders
                cellClassName="px-2 py-1"
                columns={['Line', 'Partition', 'Key', 'Value', 'Value size', 'Headers']}
              />
            </thead>
            <tbody className="font-mono text-xs">
              {ok.slice(0, MAX_PREVIEW_ROWS).map((r) =>
                r.ok ? (
                  <tr key={r.line} className="border-t border-slate-100 dark:border-slate-800">
                    <th scope="row" className="px-2 py-1 text-left font-normal">
                      {r.line}
                    </th>
                    <td className="px-2 py-1">{r.record.partition ?? 'auto'}</td>
                    <td className="max-w-40 truncate px-2 py-1">{bytesPreview(r.record.key)}</td>
                    <td className="max-w-96 truncate px-2 py-1">{bytesPreview(r.record.value)}</td>
                    <td className="px-2 py-1 whitespace-nowrap">
                      {r.record.value ? formatBytesSize(r.record.value.length) : '—'}
                    </td>
                    <td className="max-w-40 truncate px-2 py-1">{headersPreview(r.record.headers)}</td>
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
          {ok.length > MAX_PREVIEW_ROWS && (
            <p className="px-2 py-1 text-xs text-slate-500">
              The first {MAX_PREVIEW_ROWS} of {ok.length} records are shown.
            </p>
          )}
        </div>
      )}
    </section>
  )
}
