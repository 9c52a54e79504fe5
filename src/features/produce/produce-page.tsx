import type { ConnectedClient } from '../../api/use-kafka-client.ts'

export function ProducePage({ connected, topic }: { connected: ConnectedClient; topic: string | null }) {
  void connected
  return (
    <section aria-labelledby="produce-title">
      <h1 id="produce-title" className="text-xl font-semibold">
        Produce
      </h1>
      <p className="text-sm">Coming next{topic ? ` (${topic})` : ''}.</p>
    </section>
  )
}
