import { useEffect, useRef } from 'react'
import { ErrorAlert } from '../../components/error-alert.tsx'
import type { SandboxDefaults } from '../../lib/connection/sandbox-registry.ts'
import { errorView } from '../../lib/error-view.ts'
import { navigate } from '../../lib/router/hash-location.ts'
import { useConnectionStore } from '../../stores/connection-store.ts'
import { ConnectionForm } from './connection-form.tsx'
import { DetectionNotes } from './detection-notes.tsx'
import { ManageConnections } from './manage-connections.tsx'
import { useConnect } from './use-connect.ts'

export function ConnectPage({
  proxyAvailable,
  sandbox = null,
  returnTo,
  autoConnect = false,
}: {
  proxyAvailable: boolean
  /** The console server's sandbox, when it runs one (its registry is the default on its endpoint). */
  sandbox?: SandboxDefaults | null
  returnTo: string | null
  /** Connect once on arrival (the header's picker, when this tab knows the secrets). */
  autoConnect?: boolean
}) {
  const connect = useConnect()
  const onConnect = () => {
    connect.mutate(useConnectionStore.getState().form, {
      onSuccess: () => {
        if (returnTo && returnTo.startsWith('#/') && !returnTo.startsWith('#/connect')) {
          window.location.hash = returnTo
        } else navigate('/topics')
      },
    })
  }
  const autoStarted = useRef(false)
  useEffect(() => {
    if (!autoConnect) autoStarted.current = false
    if (!autoConnect || autoStarted.current) return
    autoStarted.current = true
    onConnect()
    // Once per arrival: onConnect reads the store when it runs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoConnect])
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-xl font-semibold">Connect to a Kafka REST endpoint</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Confluent REST Proxy (v1, v2, v3), IBM Message Hub and Event Streams, Strimzi Kafka Bridge, Karapace
        and Redpanda’s HTTP proxy. The dialect is detected automatically.
      </p>
      <div className="mt-5 rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900">
        <ConnectionForm
          onConnect={onConnect}
          busy={connect.isPending}
          proxyAvailable={proxyAvailable}
          sandbox={sandbox}
        />
      </div>
      {connect.isError && (
        <div className="mt-4 space-y-2">
          <ErrorAlert title="Could not connect" error={errorView(connect.error)} />
        </div>
      )}
      {connect.isSuccess && <DetectionNotes notes={connect.data.notes} />}
      <ManageConnections />
    </div>
  )
}
