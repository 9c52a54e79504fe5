import { useQueries, useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { ColumnHeaders } from '../../components/column-headers.tsx'
import { ErrorAlert } from '../../components/error-alert.tsx'
import { SelectField, TextField } from '../../components/field.tsx'
import { Link } from '../../components/link.tsx'
import { NameText } from '../../components/name-text.tsx'
import { Spinner } from '../../components/spinner.tsx'
import {
  consumerGroupsQueryOptions,
  groupStatsQueryOptions,
  MAX_GROUP_STATS,
} from '../../data/consumer-groups/group-queries.ts'
import { compareOffsets } from '../../lib/consumer-lag.ts'
import { errorView } from '../../lib/error-view.ts'
import { NoGroupApi } from './no-group-api.tsx'

const th = 'px-3 py-2 text-left text-xs text-slate-600 dark:text-slate-300'
const td = 'px-3 py-1.5 text-sm tabular-nums'

export function ConsumerGroupsPage({ connected }: { connected: ConnectedClient }) {
  if (!connected.client.capabilities.consumerGroups) return <NoGroupApi client={connected.client} />
  return <GroupList connected={connected} />
}

function GroupList({ connected }: { connected: ConnectedClient }) {
  const { connectionId } = connected
  const list = useQuery(consumerGroupsQueryOptions(connectionId))
  const [filter, setFilter] = useState('')
  const [sort, setSort] = useState<'name' | 'lag'>('name')
  const groups = useMemo(() => {
    const needle = filter.trim().toLowerCase()
    return (list.data ?? []).filter((g) => g.groupId.toLowerCase().includes(needle))
  }, [list.data, filter])
  const measured = groups.slice(0, MAX_GROUP_STATS)
  const stats = useQueries({
    queries: measured.map((g) => groupStatsQueryOptions(connectionId, g.groupId)),
  })
  const rows = measured.map((g, i) => ({ group: g, stats: stats[i] }))
  if (sort === 'lag') {
    // Largest lag first; groups whose lag is not known yet (or failed) go last.
    rows.sort((a, b) => {
      const x = a.stats.data?.totalLag
      const y = b.stats.data?.totalLag
      if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1
      return compareOffsets(y, x)
    })
  }
  return (
    <section aria-labelledby="groups-title" className="space-y-4">
      <h1 id="groups-title" className="text-xl font-semibold">
        Consumer groups
      </h1>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label="Filter groups"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Part of a group id"
          className="w-72"
        />
        <SelectField
          label="Sort by"
          value={sort}
          onChange={(e) => setSort(e.target.value as 'name' | 'lag')}
          className="w-44"
        >
          <option value="name">Name</option>
          <option value="lag">Total lag (largest first)</option>
        </SelectField>
      </div>
      {list.isPending && <Spinner label="Loading consumer groups" />}
      {list.isError && (
        <ErrorAlert
          title="Could not list the consumer groups"
          error={errorView(list.error)}
          onRetry={() => void list.refetch()}
        />
      )}
      {list.data && (
        <>
          <p className="text-xs text-slate-600 dark:text-slate-300" role="status">
            {groups.length} of {list.data.length} groups
            {groups.length > MAX_GROUP_STATS &&
              ` · showing the first ${MAX_GROUP_STATS} (filter to see others)`}
          </p>
          <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
            <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-700">
              <caption className="sr-only">Consumer groups</caption>
              <thead className="bg-slate-50 dark:bg-slate-800/60">
                <ColumnHeaders
                  cellClassName={th}
                  columns={[
                    'Group',
                    'State',
                    { label: 'Members', className: 'text-right' },
                    'Coordinator',
                    { label: 'Total lag', className: 'text-right' },
                  ]}
                />
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white dark:divide-slate-800 dark:bg-slate-900">
                {rows.map(({ group: g, stats: s }) => (
                  <tr key={g.groupId}>
                    <th scope="row" className={`${td} text-left font-medium`}>
                      <Link
                        to="/consumer-groups"
                        params={{ group: g.groupId }}
                        className="font-mono break-all text-indigo-700 hover:underline dark:text-indigo-300"
                      >
                        <NameText name={g.groupId} />
                      </Link>
                    </th>
                    <td className={td}>{g.state ?? '—'}</td>
                    <td className={`${td} text-right`}>{s.data?.members ?? (s.isError ? 'error' : '…')}</td>
                    <td className={td}>{g.coordinator == null ? '—' : `broker ${g.coordinator}`}</td>
                    <td className={`${td} text-right`}>{s.data?.totalLag ?? (s.isError ? 'error' : '…')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.data.length === 0 && (
            <p className="text-sm text-slate-600 dark:text-slate-300">
              No consumer groups: a group appears once one of its consumers joins or commits an offset.
            </p>
          )}
        </>
      )}
    </section>
  )
}
