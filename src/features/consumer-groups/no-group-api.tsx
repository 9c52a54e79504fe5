import type { KafkaRestClient } from '../../api/kafka-rest-client.ts'
import { Notice } from '../../components/notice.tsx'
import { noGroupApiReason } from './no-group-api-reason.ts'

export function NoGroupApi({ client }: { client: KafkaRestClient }) {
  return (
    <section aria-labelledby="groups-title" className="space-y-3">
      <h1 id="groups-title" className="text-xl font-semibold">
        Consumer groups
      </h1>
      <Notice role="note">
        {noGroupApiReason(client)} Connect to a Confluent REST Proxy API v3 endpoint to see groups and lag.
      </Notice>
    </section>
  )
}
