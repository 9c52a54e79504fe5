import { useQueryClient } from '@tanstack/react-query'
import type { KafkaRestClient } from '../api/kafka-rest-client.ts'
import { Button } from '../components/button.tsx'
import { RenderFailed } from '../components/error-boundary.tsx'
import { disconnect } from './disconnect.ts'

/** The header's stand-in when the real one fails to render: the way home and Disconnect stay available. */
export function MinimalHeader({
  client,
  onDisconnected,
}: {
  client: KafkaRestClient | null
  /** Called after Disconnect (the failed shell tries again, now on the connection form). */
  onDisconnected?: () => void
}) {
  const queryClient = useQueryClient()
  return (
    <header className="flex flex-wrap items-center gap-4 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
      <a href="#/" className="font-semibold text-indigo-700 dark:text-indigo-300">
        Kafka REST Console
      </a>
      <nav aria-label="Main">
        <a href="#/topics" className="text-sm font-medium">
          Topics
        </a>
      </nav>
      <div className="ml-auto flex gap-2">
        <Button size="sm" onClick={() => window.location.reload()}>
          Reload
        </Button>
        <Button
          size="sm"
          onClick={() => {
            disconnect(client, queryClient)
            onDisconnected?.()
          }}
        >
          Disconnect
        </Button>
      </div>
    </header>
  )
}

/** The whole app shell failed: a header with Disconnect, and what failed. */
export function ShellFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="flex h-dvh flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <MinimalHeader client={null} onDisconnected={onRetry} />
      <main className="flex-1 overflow-auto px-4 py-5 lg:px-8">
        <RenderFailed what="console" error={error} onRetry={onRetry} />
      </main>
    </div>
  )
}
