import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import type { ConnectedClient } from '../../api/connected-client.ts'
import type { KafkaRecord } from '../../api/types.ts'
import { Button } from '../../components/button.tsx'
import { CopyToTopicPanel } from '../../components/copy-to-topic-panel.tsx'
import { topicsQueryOptions } from '../../data/topics/topic-queries.ts'
import { copyProblems, copyRecords } from '../../lib/copy/copy-records.ts'
import { groupDigits } from '../../lib/group-digits.ts'
import { useIsProduction } from '../../stores/connection-store.ts'

const NO_PROBLEMS = { same: null, auto: null }

/**
 * Copy to topic of the loaded window: every record it holds, or only those the quick filter keeps. The records are
 * the ones already loaded (no refetch), copied byte-exact in the window's order.
 */
export function BrowseCopy({
  connected,
  records,
  total,
  filter,
}: {
  connected: ConnectedClient
  /** The window after the quick filter (all of it when there is no filter), oldest first. */
  records: KafkaRecord[]
  total: number
  filter: string
}) {
  const { client, connectionId } = connected
  const [open, setOpen] = useState(false)
  const production = useIsProduction()
  const topics = useQuery({
    ...topicsQueryOptions(connectionId),
    enabled: open && !!client.capabilities.topics,
  })
  const names = useMemo(() => topics.data?.map((t) => t.name) ?? [], [topics.data])
  const problems = useMemo(
    () => (open ? copyProblems(client, records) : NO_PROBLEMS),
    [open, client, records],
  )
  const n = groupDigits(records.length)
  const noun = records.length === 1 ? 'message' : 'messages'
  return (
    <div className="space-y-2">
      <Button size="sm" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide copy to topic' : 'Copy window to topic…'}
      </Button>
      {open && (
        <CopyToTopicPanel
          topics={names}
          count={records.length}
          scope={
            filter
              ? `Copies the ${n} ${noun} matching the filter (of ${groupDigits(total)} loaded), oldest first.`
              : `Copies all ${n} ${noun} of the loaded window, oldest first.`
          }
          problems={problems}
          production={production}
          onCopy={(target, partition, signal, onProgress) =>
            copyRecords(client, target, records, { partition, signal, onProgress })
          }
        />
      )}
    </div>
  )
}
