import type { ProduceResult } from '../../api/types.ts'
import { Link } from '../../components/link.tsx'
import { browseLinkParams, messageLink } from '../../lib/browse-link.ts'
import { CopyCurl } from './copy-curl.tsx'
import { failureHint } from './failure-hint.ts'
import type { ProduceOutcome } from './use-produce.ts'
import { ColumnHeaders } from '../../components/column-headers.tsx'
import { visibleNameText } from '../../lib/visible-name.ts'

const MAX_ROWS = 500

function Row({
  label,
  r,
  topic,
  canBrowse,
}: {
  label: string
  r: ProduceResult
  topic: string
  canBrowse: boolean
}) {
  if (!r.ok) {
    const hint = failureHint(r.message)
    return (
      <tr className="border-t border-slate-100 align-top dark:border-slate-800">
        <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">
          {label}
        </th>
        <td className="px-3 py-1.5 font-medium text-red-700 dark:text-red-400">
          <span aria-hidden="true">✗ </span>Failed
        </td>
        <td className="px-3 py-1.5">—</td>
        <td className="px-3 py-1.5">—</td>
        <td className="px-3 py-1.5 break-words">
          {r.errorCode !== null && <span className="font-mono">Error {r.errorCode}: </span>}
          {r.message}
          {hint && <span className="block text-xs text-slate-600 dark:text-slate-300">{hint}</span>}
        </td>
      </tr>
    )
  }
  return (
    <tr className="border-t border-slate-100 align-top dark:border-slate-800">
      <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">
        {label}
      </th>
      <td className="px-3 py-1.5 font-medium text-emerald-700 dark:text-emerald-400">
        <span aria-hidden="true">✓ </span>Delivered
      </td>
      <td className="px-3 py-1.5 font-mono">{r.partition ?? 'not reported'}</td>
      <td className="px-3 py-1.5 font-mono">{r.offset ?? 'not reported'}</td>
      <td className="px-3 py-1.5">
        {canBrowse && r.partition !== null && r.offset !== null ? (
          <Link
            to="/browse"
            params={browseLinkParams(messageLink(topic, r.partition, r.offset))}
            className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
          >
            View message
          </Link>
        ) : (
          r.partition === null && (
            <span className="text-slate-500">The endpoint does not report where it wrote.</span>
          )
        )}
      </td>
    </tr>
  )
}

/** One row per record: partition and offset, or the error code and message (errors inside a 200 included). */
export function ProduceResults({ outcome, canBrowse }: { outcome: ProduceOutcome; canBrowse: boolean }) {
  const { results, topic } = outcome
  const failed = results.filter((r) => !r.ok).length
  const total = results.length
  const summary =
    failed === 0
      ? `Delivered ${total === 1 ? 'the record' : `all ${total} records`} to ${visibleNameText(topic)}.`
      : failed === total
        ? `${total === 1 ? 'The record' : `All ${total} records`} failed.`
        : `${failed} of ${total} records failed; ${total - failed} delivered to ${visibleNameText(topic)}.`
  return (
    <section aria-labelledby="produce-results-title" className="space-y-2">
      <h2 id="produce-results-title" className="text-base font-semibold">
        Result
      </h2>
      <p
        role="status"
        className={`text-sm font-medium ${failed ? 'text-red-800 dark:text-red-300' : 'text-emerald-800 dark:text-emerald-300'}`}
      >
        {summary}
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table aria-label="Produce results" className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
            <ColumnHeaders
              cellClassName="px-3 py-1.5"
              columns={['Record', 'Status', 'Partition', 'Offset', 'Details']}
            />
          </thead>
          <tbody>
            {results.slice(0, MAX_ROWS).map((r, i) => (
              <Row
                key={i}
                label={outcome.labels?.[i] ?? String(i + 1)}
                r={r}
                topic={topic}
                canBrowse={canBrowse}
              />
            ))}
          </tbody>
        </table>
      </div>
      {total > MAX_ROWS && (
        <p className="text-xs text-slate-500">
          The first {MAX_ROWS} of {total} results are shown.
        </p>
      )}
      <CopyCurl requests={outcome.requests} />
    </section>
  )
}
