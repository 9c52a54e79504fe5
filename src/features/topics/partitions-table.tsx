import { useQueries } from '@tanstack/react-query'
import { useState } from 'react'
import { partitionOffsetsQueryOptions } from '../../data/offsets/offset-queries.ts'
import type { Partition } from '../../api/types.ts'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { ColumnHeaders } from '../../components/column-headers.tsx'
import { Button } from '../../components/button.tsx'
import { Link } from '../../components/link.tsx'
import { visibleNameText } from '../../lib/visible-name.ts'
import { boundsProblem } from '../../lib/browse/offset-window.ts'

const th = 'px-3 py-2 text-left text-xs text-slate-600 dark:text-slate-300'
const td = 'px-3 py-1.5 text-sm tabular-nums'

/** Rows (and so offset reads) shown at first and per "Show more": a topic with 1,000 partitions reads lazily. */
export const PARTITION_ROWS_PAGE = 100

function count(begin?: string, end?: string): string {
  if (begin === undefined || end === undefined) return '—'
  return (BigInt(end) - BigInt(begin)).toString()
}

export function PartitionsTable({
  connected,
  topic,
  partitions,
}: {
  connected: ConnectedClient
  topic: string
  partitions: Partition[]
}) {
  const withOffsets = !!connected.client.capabilities.browse?.offsets
  const [shown, setShown] = useState(PARTITION_ROWS_PAGE)
  const rows = partitions.slice(0, shown)
  const offsets = useQueries({
    queries: rows.map((p) => ({
      ...partitionOffsetsQueryOptions(connected.connectionId, topic, p.id),
      enabled: withOffsets,
    })),
  })
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
      <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-700">
        <caption className="sr-only">Partitions of {visibleNameText(topic)}</caption>
        <thead className="bg-slate-50 dark:bg-slate-800/60">
          <ColumnHeaders
            cellClassName={th}
            columns={[
              'Partition',
              'Leader',
              'Replicas',
              'In sync',
              { label: 'Beginning offset', className: 'text-right' },
              { label: 'End offset', className: 'text-right' },
              { label: 'Messages', className: 'text-right' },
              { label: 'Actions', srOnly: true },
            ]}
          />
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white dark:divide-slate-800 dark:bg-slate-900">
          {rows.map((p, i) => {
            const o = offsets[i]
            const bad = o.data ? boundsProblem(p.id, o.data) : null
            const under = p.replicas.length > 0 && p.inSync.length < p.replicas.length
            return (
              <tr key={p.id}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  {p.id}
                </th>
                <td className={td}>
                  {p.leader ?? <span className="text-red-700 dark:text-red-400">none</span>}
                </td>
                <td className={td}>{p.replicas.map((r) => r.broker).join(', ') || '—'}</td>
                <td className={td}>
                  {p.inSync.join(', ') || '—'}
                  {under && (
                    <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                      under-replicated
                    </span>
                  )}
                </td>
                <td className={`${td} text-right`}>
                  {withOffsets ? (o.data?.beginning ?? (o.isError ? 'error' : '…')) : 'n/a'}
                </td>
                <td className={`${td} text-right`}>
                  {withOffsets ? (o.data?.end ?? (o.isError ? 'error' : '…')) : 'n/a'}
                </td>
                <td className={`${td} text-right`}>
                  {bad ? (
                    <span title={bad} className="text-red-700 dark:text-red-400">
                      invalid offsets
                    </span>
                  ) : (
                    count(o.data?.beginning, o.data?.end)
                  )}
                </td>
                <td className={td}>
                  {connected.client.capabilities.browse && (
                    <Link
                      to="/browse"
                      params={{ topic, partition: p.id }}
                      className="text-xs text-indigo-700 hover:underline dark:text-indigo-300"
                      aria-label={`Browse partition ${p.id}`}
                    >
                      Browse
                    </Link>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {partitions.length > rows.length && (
        <p className="flex flex-wrap items-center gap-2 border-t border-slate-200 px-3 py-2 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300">
          Showing {rows.length.toLocaleString('en-US')} of {partitions.length.toLocaleString('en-US')}{' '}
          partitions (their offsets are read as they are shown).
          <Button size="sm" onClick={() => setShown((n) => n + PARTITION_ROWS_PAGE)}>
            Show {Math.min(PARTITION_ROWS_PAGE, partitions.length - rows.length)} more
          </Button>
        </p>
      )}
    </div>
  )
}
