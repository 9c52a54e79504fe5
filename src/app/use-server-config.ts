import { useEffect, useState } from 'react'
import { fetchServerConfig, type ServerConfig } from '../api/server-config.ts'
import { sandboxRegistry } from '../lib/connection/sandbox-registry.ts'
import { useConnectionStore } from '../stores/connection-store.ts'

/**
 * Asks the console server what it offers. On a first visit (nothing in this tab's session) the connection form
 * defaults to the sandbox with its demo key, and its Schema Registry; served as static files, "Use proxy" starts off.
 */
export function useServerConfig(): { config: ServerConfig | null; ready: boolean } {
  const [state, setState] = useState<{ config: ServerConfig | null; ready: boolean }>({
    config: null,
    ready: false,
  })
  useEffect(() => {
    const ac = new AbortController()
    void fetchServerConfig(ac.signal).then((config) => {
      if (ac.signal.aborted) return
      const store = useConnectionStore.getState()
      if (!store.initialized) {
        store.initialize(
          config?.sandbox
            ? {
                endpoint: config.sandbox.endpoint,
                apiKey: config.sandbox.apiKey,
                useProxy: true,
                ...sandboxRegistry(config.sandbox),
              }
            : { useProxy: config?.proxy ?? false },
        )
      }
      setState({ config, ready: true })
    })
    return () => ac.abort()
  }, [])
  return state
}
