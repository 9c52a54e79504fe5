import { useQuery } from '@tanstack/react-query'
import { Button } from '../components/button.tsx'
import { registryCheckQueryOptions } from '../data/registry/registry-queries.ts'
import { errorView } from '../lib/error-view.ts'

/**
 * The Schema Registry's state beside the connection status: checked once per connection with `GET /subjects`.
 * A failure is said here (wrong credentials, not a registry, unreachable) and never blocks the Kafka connection.
 */
export function RegistryStatus({ connectionId }: { connectionId: string }) {
  const check = useQuery(registryCheckQueryOptions(connectionId))
  const view = check.isError ? errorView(check.error) : null
  return (
    <div className="flex min-w-0 items-center gap-1.5">
      <p
        role="status"
        aria-label="Schema Registry status"
        title={view?.hint ?? undefined}
        className={`max-w-md truncate text-xs ${view ? 'text-red-700 dark:text-red-400' : 'text-slate-600 dark:text-slate-300'}`}
      >
        <span
          aria-hidden="true"
          className={`mr-1 inline-block size-2 rounded-full ${check.isSuccess ? 'bg-emerald-500' : view ? 'bg-red-500' : 'bg-slate-400'}`}
        />
        Schema Registry: {check.isPending ? 'checking…' : view ? view.message : 'connected'}
      </p>
      {view && (
        <Button size="sm" variant="ghost" onClick={() => void check.refetch()} disabled={check.isFetching}>
          Check registry again
        </Button>
      )}
    </div>
  )
}
