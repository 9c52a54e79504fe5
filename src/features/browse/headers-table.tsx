import type { RecordHeader } from '../../api/types.ts'
import { formatBytesSize } from '../../lib/bytes/format-size.ts'
import { isValidUtf8 } from '../../lib/bytes/utf8.ts'
import { previewHex, previewText } from '../../lib/decode/preview.ts'
import { ColumnHeaders } from '../../components/column-headers.tsx'
import { NameText } from '../../components/name-text.tsx'

function headerValue(value: Uint8Array | null): { text: string; binary: boolean } {
  if (value === null) return { text: 'null', binary: false }
  if (isValidUtf8(value)) return { text: previewText(value, 500), binary: false }
  return { text: previewHex(value, 64), binary: true }
}

/** A message's headers; says so when the API returns none at all (v1/v2 consumers). */
export function HeadersTable({ headers }: { headers: RecordHeader[] | undefined }) {
  if (headers === undefined) {
    return (
      <p className="text-xs text-slate-600 dark:text-slate-300">
        Headers: this API does not return record headers.
      </p>
    )
  }
  if (headers.length === 0) return <p className="text-xs text-slate-600 dark:text-slate-300">No headers.</p>
  return (
    <table className="w-full text-left text-xs">
      <caption className="mb-1 text-left text-sm font-semibold">Headers ({headers.length})</caption>
      <thead className="text-slate-600 dark:text-slate-300">
        <ColumnHeaders
          cellClassName="py-1"
          columns={[
            { label: 'Name', className: 'pr-3' },
            { label: 'Value', className: 'pr-3' },
            { label: 'Size', className: 'text-right' },
          ]}
        />
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {headers.map((h, i) => {
          const v = headerValue(h.value)
          return (
            <tr key={i}>
              <th scope="row" className="py-1 pr-3 align-top font-mono font-normal break-all">
                <NameText name={h.name} />
              </th>
              <td
                className={`py-1 pr-3 align-top break-all ${v.binary ? 'font-mono' : ''} ${h.value === null ? 'text-slate-500 italic dark:text-slate-400' : ''}`}
              >
                {v.text}
              </td>
              <td className="py-1 text-right align-top tabular-nums">
                {h.value === null ? '—' : formatBytesSize(h.value.length)}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
