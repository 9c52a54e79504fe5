import { useQueries } from '@tanstack/react-query'
import { lazy, Suspense } from 'react'
import type { ConnectedClient } from '../../api/connected-client.ts'
import type { Partition } from '../../api/types.ts'
import { ChartFigure } from '../../components/chart-figure.tsx'
import { Spinner } from '../../components/spinner.tsx'
import { partitionOffsetsQueryOptions } from '../../data/offsets/offset-queries.ts'
import { boundsProblem } from '../../lib/browse/offset-window.ts'
import { skewedFlags } from '../../lib/partition-skew.ts'
import { PARTITION_ROWS_PAGE } from './partitions-table.tsx'

// The chart's code loads with the first chart shown, not with the page.
const BarChart = lazy(() => import('../../components/bar-chart.tsx').then((m) => ({ default: m.BarChart })))

const TITLE = 'Messages per partition'

/**
 * Messages per partition as bars, partitions over twice the median marked skewed. Reads the same offset queries
 * as the partitions table (same keys, so no extra requests) for the partitions it shows first.
 */
export function PartitionBalance({
  connected,
  topic,
  partitions,
}: {
  connected: ConnectedClient
  topic: string
  partitions: Partition[]
}) {
  const shown = partitions.slice(0, PARTITION_ROWS_PAGE)
  const offsets = useQueries({
    queries: shown.map((p) => partitionOffsetsQueryOptions(connected.connectionId, topic, p.id)),
  })
  if (offsets.some((o) => o.isPending)) return <Spinner label="Loading partition sizes" />
  // Counts are exact (bigint); only the bar heights become numbers.
  const known = shown.flatMap((p, i) => {
    const o = offsets[i].data
    // Failed or impossible bounds (the table says why) are left out rather than drawn wrong.
    if (!o || boundsProblem(p.id, o)) return []
    return [{ id: p.id, count: BigInt(o.end) - BigInt(o.beginning) }]
  })
  if (known.length === 0) return null
  const skewed = skewedFlags(known.map((k) => k.count))
  const marked = known.filter((_, i) => skewed[i]).map((k) => k.id)
  return (
    <ChartFigure
      title={TITLE}
      table={{
        columns: ['Partition', 'Messages', 'Skewed'],
        rows: known.map((k, i) => [String(k.id), k.count.toString(), skewed[i] ? 'skewed' : '']),
      }}
      summary={
        <>
          {marked.length === 0
            ? 'Balanced: no partition holds more than twice the median.'
            : `Skewed (over twice the median): partition${marked.length > 1 ? 's' : ''} ${marked.join(', ')}.`}
          {partitions.length > shown.length && ` First ${shown.length} of ${partitions.length} partitions.`}
        </>
      }
    >
      <Suspense fallback={<Spinner label="Loading chart" />}>
        <BarChart
          label={`${TITLE} of ${topic}: ${known.length} partitions, ${marked.length} skewed`}
          bars={known.map((k, i) => ({ label: String(k.id), value: Number(k.count), marked: skewed[i] }))}
        />
      </Suspense>
    </ChartFigure>
  )
}
