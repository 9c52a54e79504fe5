import { describeCapabilities, type KafkaRestClient } from '../../api/kafka-rest-client.ts'

/** The detected dialect in words, e.g. "Confluent REST Proxy API v1, binary — produce, browse by offset, no headers". */
export function ConnectionSummary({ client }: { client: KafkaRestClient }) {
  return (
    <p aria-label="Endpoint capabilities" className="text-sm text-slate-600 dark:text-slate-300">
      <span className="font-medium text-slate-800 dark:text-slate-100">{client.dialect.name}</span> —{' '}
      {describeCapabilities(client.capabilities)}
      {client.dialect.notes.length > 0 && (
        <span className="text-slate-500 dark:text-slate-400"> ({client.dialect.notes.join('; ')})</span>
      )}
    </p>
  )
}
