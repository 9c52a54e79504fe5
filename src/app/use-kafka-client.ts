import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { provideKafkaClient } from '../data/connection-scope.ts'
import type { ConnectedClient } from '../api/connected-client.ts'
import { createClient } from '../api/create-client.ts'
import type { KafkaRestClient } from '../api/kafka-rest-client.ts'
import { normaliseConnection } from '../lib/connection/connection-input.ts'
import { useConnectionStore } from '../stores/connection-store.ts'
import { requestLogSink } from '../stores/request-log-store.ts'

/** The client of the active connection, or null when disconnected. One instance per connection. */
export function useKafkaClient(): ConnectedClient | null {
  const { active, endpoint, apiKey, useProxy, authScheme, adminEndpoint } = useConnectionStore(
    useShallow((s) => ({
      active: s.active,
      endpoint: s.form.endpoint,
      apiKey: s.form.apiKey,
      useProxy: s.form.useProxy,
      authScheme: s.form.authScheme,
      adminEndpoint: s.form.adminEndpoint,
    })),
  )
  const queryClient = useQueryClient()
  const connected = useMemo(() => {
    if (!active) return null
    const client = createClient(
      normaliseConnection({ endpoint, apiKey, useProxy, authScheme, adminEndpoint }),
      active.profile,
      requestLogSink,
    )
    // Before any query of this connection is built: they find the client in their context.
    provideKafkaClient(queryClient, active.id, client)
    return { client, connectionId: active.id }
    // The client is rebuilt per connection, not per keystroke in the (disabled) form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active])
  return connected
}

/**
 * Deletes server-side consumer instances when the client is replaced or the page goes away (pagehide, with
 * keepalive so the DELETE survives the unload).
 */
export function useConsumerCleanup(client: KafkaRestClient | null) {
  useEffect(() => {
    if (!client) return
    const onPageHide = () => void client.dispose({ keepalive: true })
    window.addEventListener('pagehide', onPageHide)
    return () => {
      window.removeEventListener('pagehide', onPageHide)
      void client.dispose()
    }
  }, [client])
}
