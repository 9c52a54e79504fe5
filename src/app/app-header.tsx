import { useQueryClient } from '@tanstack/react-query'
import type { KafkaRestClient } from '../api/kafka-rest-client.ts'
import { Button } from '../components/button.tsx'
import { noGroupApiReason } from '../features/consumer-groups/no-group-api-reason.ts'
import { useConnectionStore } from '../stores/connection-store.ts'
import { usePreferencesStore, type Theme } from '../stores/preferences-store.ts'
import { ConnectionSwitcher } from './connection-switcher.tsx'
import { disconnect } from './disconnect.ts'
import { ProductionBanner } from './production-banner.tsx'
import { RegistryStatus } from './registry-status.tsx'
import { useRegistryConnected } from './use-registry-connected.ts'

const NAV = [
  { path: '/topics', label: 'Topics' },
  { path: '/produce', label: 'Produce' },
  { path: '/generate', label: 'Generate' },
  { path: '/browse', label: 'Browse' },
  { path: '/search', label: 'Search' },
  { path: '/schemas', label: 'Schemas' },
  { path: '/consumer-groups', label: 'Consumer groups' },
] as const

export function AppHeader({
  path,
  client,
  connectionId = null,
  hasRegistry = false,
}: {
  path: string
  client: KafkaRestClient | null
  /** The active connection, and whether the form names a Schema Registry for it. */
  connectionId?: string | null
  hasRegistry?: boolean
}) {
  const endpoint = useConnectionStore((s) => s.form.endpoint)
  const theme = usePreferencesStore((s) => s.theme)
  const setTheme = usePreferencesStore((s) => s.setTheme)
  const showLog = usePreferencesStore((s) => s.showRequestLog)
  const setShowLog = usePreferencesStore((s) => s.setShowRequestLog)
  const queryClient = useQueryClient()
  const registryConnected = useRegistryConnected(client ? connectionId : null, hasRegistry)

  return (
    <>
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <a href="#/" className="font-semibold text-indigo-700 dark:text-indigo-300">
          Kafka REST Console
        </a>
        {client && (
          <nav aria-label="Main">
            <ul className="flex gap-1">
              {NAV.filter(
                (n) => (n.path !== '/browse' && n.path !== '/search') || !!client.capabilities.browse,
              )
                .filter(
                  (n) => (n.path !== '/produce' && n.path !== '/generate') || !!client.capabilities.produce,
                )
                .filter((n) => n.path !== '/schemas' || registryConnected)
                .map((n) => {
                  const current = path === n.path || path.startsWith(`${n.path}/`)
                  // Shown but disabled where the dialect has no group API, saying why (lag is never found by consuming).
                  if (n.path === '/consumer-groups' && !client.capabilities.consumerGroups)
                    return (
                      <li key={n.path}>
                        <span
                          role="link"
                          aria-disabled="true"
                          title={noGroupApiReason(client)}
                          className="cursor-not-allowed rounded-md px-2.5 py-1 text-sm font-medium text-slate-500 dark:text-slate-400"
                        >
                          {n.label}
                          <span className="sr-only"> (unavailable: {noGroupApiReason(client)})</span>
                        </span>
                      </li>
                    )
                  return (
                    <li key={n.path}>
                      <a
                        href={`#${n.path}`}
                        aria-current={current ? 'page' : undefined}
                        className={`rounded-md px-2.5 py-1 text-sm font-medium ${current ? 'bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200' : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'}`}
                      >
                        {n.label}
                      </a>
                    </li>
                  )
                })}
            </ul>
          </nav>
        )}
        <div className="ml-auto flex flex-wrap items-center gap-3">
          {client ? (
            <p
              role="status"
              aria-label="Connection status"
              className="text-xs text-slate-600 dark:text-slate-300"
            >
              <span aria-hidden="true" className="mr-1 inline-block size-2 rounded-full bg-emerald-500" />
              Connected to <span className="font-mono">{safeHost(endpoint)}</span> · {client.dialect.name}
            </p>
          ) : (
            <p role="status" aria-label="Connection status" className="text-xs text-slate-500">
              <span aria-hidden="true" className="mr-1 inline-block size-2 rounded-full bg-slate-400" />
              Not connected
            </p>
          )}
          {client && connectionId && hasRegistry && <RegistryStatus connectionId={connectionId} />}
          <ConnectionSwitcher client={client} />
          <Button size="sm" variant="ghost" aria-pressed={showLog} onClick={() => setShowLog(!showLog)}>
            Request log
          </Button>
          <label className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-300">
            Theme
            <select
              value={theme}
              onChange={(e) => setTheme(e.target.value as Theme)}
              className="rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-600"
            >
              <option value="system">System</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          {client && (
            <Button size="sm" onClick={() => disconnect(client, queryClient)}>
              Disconnect
            </Button>
          )}
        </div>
      </header>
      <ProductionBanner />
    </>
  )
}

function safeHost(endpoint: string): string {
  try {
    const u = new URL(endpoint)
    return u.host + (u.pathname === '/' ? '' : u.pathname)
  } catch {
    return endpoint
  }
}
