import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { provideKafkaClient } from '../data/connection-scope.ts'
import type { ConnectedClient } from '../api/connected-client.ts'
import { createClient } from '../api/create-client.ts'
import type { KafkaRestClient } from '../api/kafka-rest-client.ts'
import { SchemaRegistryClient } from '../api/registry/schema-registry-client.ts'
import { normaliseConnection } from '../lib/connection/connection-input.ts'
import { useConnectionStore } from '../stores/connection-store.ts'
import { requestLogSink } from '../stores/request-log-store.ts'

/**
 * The clients of the active connection (Kafka REST, and the Schema Registry when the form names one), or null when
 * disconnected. One instance per connection.
 */
export function useKafkaClient(): ConnectedClient | null {
  const { active, form } = useConnectionStore(useShallow((s) => ({ active: s.active, form: s.form })))
  const queryClient = useQueryClient()
  const connected = useMemo(() => {
    if (!active) return null
    const settings = normaliseConnection(form)
    const { registry: registrySettings, ...kafkaSettings } = settings
    const client = createClient(kafkaSettings, active.profile, requestLogSink)
    // Same proxy as the Kafka endpoint; the transport tags its requests so the log and curl name its secret.
    const registry = registrySettings
      ? SchemaRegistryClient.create({ ...registrySettings, useProxy: settings.useProxy }, requestLogSink)
      : null
    // Before any query of this connection is built: they find the clients in their context.
    provideKafkaClient(queryClient, active.id, client, registry)
    return { client, connectionId: active.id, registry }
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
