import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { EndpointProfile } from '../api/detect.ts'
import type { AuthScheme, DialectId } from '../api/types.ts'
import type { RegistryAuthKind } from '../lib/connection/connection-input.ts'

export type DialectChoice = 'auto' | DialectId

export interface ConnectionForm {
  endpoint: string
  apiKey: string
  useProxy: boolean
  authScheme: AuthScheme
  dialect: DialectChoice
  /** IBM Event Streams: the Admin REST API base URL. */
  adminEndpoint: string
  /** The Schema Registry base URL ('' for none) and its own auth. */
  registryUrl: string
  registryAuth: RegistryAuthKind
  registryUser: string
  /** The registry password (Basic) or token (Bearer): a secret, kept like the API key. */
  registrySecret: string
}

export interface ActiveConnection {
  /** Random per connection: roots every query key, so nothing cached leaks between connections. */
  id: string
  profile: EndpointProfile
  connectedAt: number
}

interface ConnectionState {
  form: ConnectionForm
  active: ActiveConnection | null
  /** False until the form was filled from stored state or defaults (sandbox). */
  initialized: boolean
  setForm(patch: Partial<ConnectionForm>): void
  connected(profile: EndpointProfile): void
  /** Forgets the secrets (API key, registry password or token) and the connection; URLs stay for convenience. */
  disconnect(): void
  initialize(defaults: Partial<ConnectionForm>): void
}

export const EMPTY_FORM: ConnectionForm = {
  endpoint: '',
  apiKey: '',
  useProxy: true,
  authScheme: 'x-auth-token',
  dialect: 'auto',
  adminEndpoint: '',
  registryUrl: '',
  registryAuth: 'none',
  registryUser: '',
  registrySecret: '',
}

export const CONNECTION_STORAGE_KEY = 'krc-connection'

/** Endpoint and API key live in sessionStorage only: gone when the tab closes, never in localStorage or a URL. */
export const useConnectionStore = create<ConnectionState>()(
  persist(
    (set) => ({
      form: EMPTY_FORM,
      active: null,
      initialized: false,
      setForm: (patch) => set((s) => ({ form: { ...s.form, ...patch } })),
      connected: (profile) => set({ active: { id: crypto.randomUUID(), profile, connectedAt: Date.now() } }),
      disconnect: () => set((s) => ({ active: null, form: { ...s.form, apiKey: '', registrySecret: '' } })),
      initialize: (defaults) =>
        set((s) => (s.initialized ? s : { initialized: true, form: { ...s.form, ...defaults } })),
    }),
    {
      name: CONNECTION_STORAGE_KEY,
      storage: createJSONStorage(() => sessionStorage),
      partialize: (s) => ({ form: s.form, active: s.active, initialized: s.initialized }),
      // A session stored before a field existed gets that field's default.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<ConnectionState>
        return { ...current, ...p, form: { ...EMPTY_FORM, ...p.form } }
      },
    },
  ),
)
