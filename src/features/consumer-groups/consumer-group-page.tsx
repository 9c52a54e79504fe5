import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { ErrorAlert } from '../../components/error-alert.tsx'
import { Link } from '../../components/link.tsx'
import { NameText } from '../../components/name-text.tsx'
import { Spinner } from '../../components/spinner.tsx'
import { groupLagsQueryOptions, groupMembersQueryOptions } from '../../data/consumer-groups/group-queries.ts'
import { lagBetween, pushSample, sumLags, type LagSample } from '../../lib/consumer-lag.ts'
import { errorView } from '../../lib/error-view.ts'
import { LagHistory } from './lag-history.tsx'
import { MembersTable } from './members-table.tsx'
import { NoGroupApi } from './no-group-api.tsx'
import { PartitionLagsTable } from './partition-lags-table.tsx'

/** Lag samples kept for the chart: 10 minutes at the default 5 s. */
export const MAX_LAG_SAMPLES = 120

export function ConsumerGroupPage({ connected, groupId }: { connected: ConnectedClient; groupId: string }) {
  if (!connected.client.capabilities.consumerGroups) return <NoGroupApi client={connected.client} />
  return <GroupDetail connected={connected} groupId={groupId} />
}

function GroupDetail({ connected, groupId }: { connected: ConnectedClient; groupId: string }) {
  const { connectionId, client } = connected
  const [paused, setPaused] = useState(false)
  const [intervalMs, setIntervalMs] = useState(5_000)
  const members = useQuery(groupMembersQueryOptions(connectionId, groupId))
  const lags = useQuery({
    ...groupLagsQueryOptions(connectionId, groupId),
    refetchInterval: paused ? false : intervalMs,
  })
  // One sample per answer, taken while rendering the new answer (no effect, no extra render pass).
  const [samples, setSamples] = useState<LagSample[]>([])
  const [sampledAt, setSampledAt] = useState(0)
  if (lags.data && lags.dataUpdatedAt !== sampledAt) {
    setSampledAt(lags.dataUpdatedAt)
    const total = sumLags(lags.data.map((l) => lagBetween(l.currentOffset, l.logEndOffset)))
    setSamples((s) => pushSample(s, { at: lags.dataUpdatedAt, lag: total }, MAX_LAG_SAMPLES))
  }
  const total = samples.at(-1)?.lag
  return (
    <section aria-labelledby="group-title" className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link
          to="/consumer-groups"
          className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
        >
          Consumer groups
        </Link>
        <span aria-hidden="true"> / </span>
        <span className="font-mono break-all">
          <NameText name={groupId} />
        </span>
      </nav>
      <h1 id="group-title" className="font-mono text-xl font-semibold break-all">
        <NameText name={groupId} />
      </h1>
      {total !== undefined && (
        <p className="text-sm" aria-label="Total lag">
          Total lag: <span className="font-semibold tabular-nums">{total}</span>
        </p>
      )}
      <h2 className="text-base font-semibold">Members</h2>
      {members.isPending && <Spinner label="Loading members" />}
      {members.isError && (
        <ErrorAlert
          title="Could not load the members"
          error={errorView(members.error)}
          onRetry={() => void members.refetch()}
        />
      )}
      {members.data && <MembersTable data={members.data} />}
      <h2 className="text-base font-semibold">Lag per partition</h2>
      {lags.isPending && <Spinner label="Loading lag" />}
      {lags.isError && (
        <ErrorAlert
          title="Could not load the lag"
          error={errorView(lags.error)}
          onRetry={() => void lags.refetch()}
        />
      )}
      {lags.data && <PartitionLagsTable lags={lags.data} canBrowse={!!client.capabilities.browse} />}
      <LagHistory
        samples={samples}
        max={MAX_LAG_SAMPLES}
        paused={paused}
        onPause={setPaused}
        intervalMs={intervalMs}
        onInterval={setIntervalMs}
      />
    </section>
  )
}
