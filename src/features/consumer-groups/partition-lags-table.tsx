import type { ConsumerLag } from '../../api/types.ts'
import { ColumnHeaders } from '../../components/column-headers.tsx'
import { Link } from '../../components/link.tsx'
import { NameText } from '../../components/name-text.tsx'
import { browseLinkParams, messageLink } from '../../lib/browse-link.ts'
import { lagBetween } from '../../lib/consumer-lag.ts'

const th = 'px-3 py-2 text-left text-xs text-slate-600 dark:text-slate-300'
const td = 'px-3 py-1.5 text-sm tabular-nums'
/** Rows rendered at most (a group may commit for thousands of partitions). */
export const MAX_LAG_ROWS = 1000

export function PartitionLagsTable({
  lags,
  canBrowse,
}: {
  lags: readonly ConsumerLag[]
  canBrowse: boolean
}) {
  if (lags.length === 0)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300">
        No committed offsets: this group has not committed on any partition.
      </p>
    )
  const rows = lags.slice(0, MAX_LAG_ROWS)
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
      <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-700">
        <caption className="sr-only">Committed offset, end offset and lag per partition</caption>
        <thead className="bg-slate-50 dark:bg-slate-800/60">
          <ColumnHeaders
            cellClassName={th}
            columns={[
              'Topic',
              { label: 'Partition', className: 'text-right' },
              { label: 'Committed offset', className: 'text-right' },
              { label: 'End offset', className: 'text-right' },
              { label: 'Lag', className: 'text-right' },
            ]}
          />
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white dark:divide-slate-800 dark:bg-slate-900">
          {rows.map((l) => {
            const lag = lagBetween(l.currentOffset, l.logEndOffset)
            return (
              <tr key={`${l.topic}\u0000${l.partition}`} data-lag={lag}>
                <th scope="row" className={`${td} text-left font-mono font-normal break-all`}>
                  <NameText name={l.topic} />
                </th>
                <td className={`${td} text-right`}>{l.partition}</td>
                <td className={`${td} text-right`}>
                  {canBrowse ? (
                    <Link
                      to="/browse"
                      params={browseLinkParams(messageLink(l.topic, l.partition, l.currentOffset))}
                      className="text-indigo-700 hover:underline dark:text-indigo-300"
                      aria-label={`Browse ${l.topic} partition ${l.partition} from offset ${l.currentOffset}`}
                    >
                      {l.currentOffset}
                    </Link>
                  ) : (
                    l.currentOffset
                  )}
                </td>
                <td className={`${td} text-right`}>{l.logEndOffset}</td>
                <td
                  className={`${td} text-right ${lag === '0' ? '' : 'font-semibold text-amber-800 dark:text-amber-300'}`}
                >
                  {lag}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {lags.length > rows.length && (
        <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300">
          Showing {rows.length} of {lags.length} partitions; the total lag counts them all.
        </p>
      )}
    </div>
  )
}
