import type { ConnectedClient } from '../../api/use-kafka-client.ts'

export function BrowsePage({ connected, params }: { connected: ConnectedClient; params: URLSearchParams }) {
  void connected
  return (
    <section aria-labelledby="browse-title">
      <h1 id="browse-title" className="text-xl font-semibold">
        Browse messages
      </h1>
      <p className="text-sm">Coming next{params.get('topic') ? ` (${params.get('topic')})` : ''}.</p>
    </section>
  )
}
