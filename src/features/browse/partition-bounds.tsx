import { useQueries } from '@tanstack/react-query'
import { useState } from 'react'
import { partitionOffsetsQueryOptions } from '../../data/offsets/offset-queries.ts'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { boundsProblem, messageCount } from '../../lib/browse/offset-window.ts'

/** Up to this many partitions the bounds are listed (and read) at once; more are folded and read when opened. */
const LISTED = 12

/** Each browsed partition's beginning and end offsets (the end is the offset the next message will get). */
export function PartitionBounds({
  connected,
  topic,
  partitions,
}: {
  connected: ConnectedClient
  topic: string
  partitions: number[]
}) {
  const withOffsets = !!connected.client.capabilities.browse?.offsets
  const [open, setOpen] = useState(false)
  const enabled = withOffsets && (open || partitions.length <= LISTED)
  const results = useQueries({
    queries: partitions.map((p) => ({
      ...partitionOffsetsQueryOptions(connected.connectionId, topic, p),
      enabled,
    })),
  })
  if (!withOffsets) {
    return (
      <p className="text-xs text-slate-600 dark:text-slate-300">
        This API does not report partition offsets; offsets outside the log are reported by the endpoint.
      </p>
    )
  }
  const list = (
    <ul
      aria-label="Partition offsets"
      className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300"
    >
      {partitions.map((p, i) => {
        const r = results[i]
        const bad = r.data ? boundsProblem(p, r.data) : null
        const text = bad
          ? bad
          : r.data
            ? `beginning ${r.data.beginning} · end ${r.data.end} · ${messageCount(r.data)} messages`
            : r.isError
              ? 'offsets unavailable'
              : 'loading offsets…'
        return (
          <li key={p} className="tabular-nums">
            <span className="font-semibold">Partition {p}:</span> {text}
          </li>
        )
      })}
    </ul>
  )
  // Many partitions: folded, so the messages stay near the top of the page.
  if (partitions.length <= LISTED) return list
  return (
    <details
      className="text-xs text-slate-700 dark:text-slate-300"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="cursor-pointer">
        Beginning and end offsets of {partitions.length} partitions
      </summary>
      <div className="mt-1">{open && list}</div>
    </details>
  )
}
