import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { KafkaRestClient } from '../api/kafka-rest-client.ts'
import { forgetConnection } from '../data/connection-scope.ts'
import { byRecentUse } from '../lib/connection/saved-connections.ts'
import { navigate } from '../lib/router/hash-location.ts'
import { useConnectionStore } from '../stores/connection-store.ts'
import { followOtherTabs, useSavedConnectionsStore } from '../stores/saved-connections-store.ts'

/**
 * The header's saved-connection picker: leaves the current connection (its consumers deleted, its cache dropped)
 * and opens the connection screen filled from the chosen one, connecting when this tab knows its secrets.
 */
export function ConnectionSwitcher({ client }: { client: KafkaRestClient | null }) {
  const connections = useSavedConnectionsStore(useShallow((s) => byRecentUse(s.connections)))
  const savedId = useConnectionStore((s) => s.form.savedId)
  const queryClient = useQueryClient()
  useEffect(followOtherTabs, [])
  if (connections.length === 0) return null
  const current = connections.some((c) => c.id === savedId) ? (savedId ?? '') : ''
  const choose = (id: string) => {
    const picked = connections.find((c) => c.id === id)
    if (!picked) return
    void client?.dispose()
    const active = useConnectionStore.getState().active?.id
    if (active) forgetConnection(queryClient, active)
    useConnectionStore.getState().fillFromSaved(picked)
    useSavedConnectionsStore.getState().touch(picked.id)
    // With every secret it needs known in this tab, it connects at once (pick = two clicks); else they are typed.
    const form = useConnectionStore.getState().form
    const ready =
      (form.authScheme === 'none' || form.apiKey !== '') &&
      (!form.registryUrl || form.registryAuth === 'none' || form.registrySecret !== '')
    navigate('/connect', ready ? { connect: '1' } : undefined)
  }
  return (
    <label className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-300">
      Connection
      <select
        value={current}
        onChange={(e) => choose(e.target.value)}
        className="max-w-48 rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-600"
      >
        <option value="" disabled>
          Switch to…
        </option>
        {connections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} · {c.environment}
          </option>
        ))}
      </select>
    </label>
  )
}
