import { useMemo } from 'react'
import type { KafkaRestClient } from '../../api/kafka-rest-client.ts'
import { CopyToTopicPanel } from '../../components/copy-to-topic-panel.tsx'
import { copyProblems, copyRecords } from '../../lib/copy/copy-records.ts'
import { groupDigits } from '../../lib/group-digits.ts'
import type { MatchedRecord } from '../../lib/search-scan/scan-record.ts'
import { useIsProduction } from '../../stores/connection-store.ts'

/** Copy to topic of the search's matches, byte-exact. */
export function CopyPanel({
  client,
  topics,
  records,
}: {
  client: KafkaRestClient
  topics: string[]
  records: MatchedRecord[]
}) {
  const problems = useMemo(() => copyProblems(client, records), [client, records])
  const production = useIsProduction()
  return (
    <CopyToTopicPanel
      topics={topics}
      count={records.length}
      scope={`The ${groupDigits(records.length)} ${records.length === 1 ? 'match' : 'matches'} of this search.`}
      problems={problems}
      production={production}
      onCopy={(target, partition, signal, onProgress) =>
        copyRecords(client, target, records, { partition, signal, onProgress })
      }
    />
  )
}
