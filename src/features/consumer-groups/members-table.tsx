import type { ConsumerGroupMembers } from '../../api/types.ts'
import { ColumnHeaders } from '../../components/column-headers.tsx'
import { NameText } from '../../components/name-text.tsx'

const th = 'px-3 py-2 text-left text-xs text-slate-600 dark:text-slate-300'
const td = 'px-3 py-1.5 text-sm align-top'
/** Assignments shown per member before "and N more" (a member may own thousands of partitions). */
const SHOWN_ASSIGNMENTS = 50

export function MembersTable({ data }: { data: ConsumerGroupMembers }) {
  if (data.members.length === 0)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300">
        No members: nobody consumes in this group now.
      </p>
    )
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
      <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-700">
        <caption className="sr-only">Members and their assignments</caption>
        <thead className="bg-slate-50 dark:bg-slate-800/60">
          <ColumnHeaders cellClassName={th} columns={['Consumer', 'Client id', 'Assigned partitions']} />
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white dark:divide-slate-800 dark:bg-slate-900">
          {data.members.map((m) => {
            const extra = m.assignments.length - SHOWN_ASSIGNMENTS
            return (
              <tr key={m.consumerId}>
                <th scope="row" className={`${td} text-left font-mono text-xs font-normal break-all`}>
                  <NameText name={m.consumerId} maxChars={200} />
                </th>
                <td className={`${td} font-mono text-xs break-all`}>
                  {m.clientId ? <NameText name={m.clientId} maxChars={200} /> : '—'}
                </td>
                <td className={`${td} font-mono text-xs`}>
                  {m.assignments.length === 0
                    ? 'none'
                    : m.assignments
                        .slice(0, SHOWN_ASSIGNMENTS)
                        .map((a) => `${a.topic}-${a.partition}`)
                        .join(', ')}
                  {extra > 0 && ` and ${extra} more`}
                  {m.assignmentsTruncated && ' (list cut by the console)'}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {data.total > data.members.length && (
        <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300">
          Showing {data.members.length} of {data.total} members.
        </p>
      )}
    </div>
  )
}
