import { Link } from '../../components/link.tsx'
import { browseLinkParams, messageLink } from '../../lib/browse-link.ts'
import { formatBytesSize } from '../../lib/bytes/format-size.ts'
import { prettyJson } from '../../lib/json/json-text.ts'
import type { MatchedRecord } from '../../lib/search-scan/scan-record.ts'

/** At most this much of a key or value is shown here; Browse has the full viewers (hex, images, schemas). */
const SHOWN_BYTES = 64 * 1024
const text = new TextDecoder('utf-8', { fatal: false })

function Payload({ label, bytes }: { label: string; bytes: Uint8Array | null }) {
  let body: string
  if (bytes === null) body = '(null)'
  else {
    const head = bytes.subarray(0, SHOWN_BYTES)
    const pretty = bytes.length <= SHOWN_BYTES ? prettyJson(head) : null
    body = pretty?.ok ? pretty.text : text.decode(head)
    if (bytes.length > SHOWN_BYTES) body += `\n… (${formatBytesSize(bytes.length)} in all: open it in Browse)`
  }
  return (
    <div>
      <h3 className="text-xs font-semibold text-slate-600 dark:text-slate-300">
        {label} {bytes && <span className="font-normal">({formatBytesSize(bytes.length)})</span>}
      </h3>
      <pre
        aria-label={label}
        className="max-h-64 overflow-auto rounded bg-slate-100 p-2 text-xs whitespace-pre-wrap [overflow-wrap:anywhere] dark:bg-slate-800"
      >
        {body}
      </pre>
    </div>
  )
}

/** One match: metadata, key, value and headers as text, and a link to the full message detail in Browse. */
export function MatchDetail({ topic, match }: { topic: string; match: MatchedRecord }) {
  return (
    <section
      aria-label="Match detail"
      className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700"
    >
      <p className="text-sm">
        Partition <span className="font-mono">{match.partition}</span>, offset{' '}
        <span className="font-mono">{match.offset}</span>
        {match.timestamp !== undefined && match.timestamp >= 0 && (
          <> · {new Date(match.timestamp).toISOString()}</>
        )}{' '}
        ·{' '}
        <Link
          to="/browse"
          params={browseLinkParams(messageLink(topic, match.partition, match.offset))}
          className="font-medium underline underline-offset-2"
        >
          Open in Browse
        </Link>
      </p>
      <Payload label="Key" bytes={match.key} />
      <Payload label="Value" bytes={match.value} />
      {match.headers && match.headers.length > 0 && (
        <table aria-label="Headers" className="text-xs">
          <tbody>
            {match.headers.slice(0, 100).map((h, i) => (
              <tr key={i}>
                <th className="pr-3 text-left font-mono font-medium">{h.name.slice(0, 200)}</th>
                <td className="font-mono">
                  {h.value === null ? '(null)' : text.decode(h.value.subarray(0, 1000))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
