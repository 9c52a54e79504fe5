import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { EndpointProfile } from '../api/detect.ts'
import type { AuthScheme, DialectId } from '../api/types.ts'
import type { RegistryAuthKind } from '../lib/connection/connection-input.ts'
import type { EnvironmentTag, SavedConnection } from '../lib/connection/saved-connections.ts'

export type DialectChoice = 'auto' | DialectId

export interface ConnectionForm {
  endpoint: string
  /** The secret: API key, token, or (Basic user:password) the password. */
  apiKey: string
  /** Basic user:password: the user name (Confluent Cloud: the API key). Not a secret: saved with a connection. */
  username: string
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
  /** The environment tag: production turns on the guard (banner, typed confirmations). */
  environment: EnvironmentTag
  /** The saved connection the form was filled from (in this tab only), or null. */
  savedId: string | null
}

/** Secrets typed in this tab for a saved connection, so switching back needs no retyping (session only). */
interface TabSecrets {
  apiKey: string
  registrySecret: string
}

export interface ActiveConnection {
  /** Random per connection: roots every query key, so nothing cached leaks between connections. */
  id: string
  profile: EndpointProfile
  connectedAt: number
  /** The environment tag at connect time: what the production guard reads. */
  environment: EnvironmentTag
}

interface ConnectionState {
  form: ConnectionForm
  active: ActiveConnection | null
  /** False until the form was filled from stored state or defaults (sandbox). */
  initialized: boolean
  /** This tab's secrets per saved connection id (sessionStorage, like the form; Disconnect forgets them). */
  tabSecrets: Record<string, TabSecrets>
  setForm(patch: Partial<ConnectionForm>): void
  /**
   * Fills the form from a saved connection: everything but the secrets, which come from this tab's memory of
   * that connection or stay empty. Leaves the active connection (the form no longer describes it).
   */
  fillFromSaved(saved: SavedConnection): void
  connected(profile: EndpointProfile): void
  /** Forgets the secrets (API key, registry password or token) and the connection; URLs stay for convenience. */
  disconnect(): void
  initialize(defaults: Partial<ConnectionForm>): void
}

export const EMPTY_FORM: ConnectionForm = {
  endpoint: '',
  apiKey: '',
  username: '',
  useProxy: true,
  authScheme: 'x-auth-token',
  dialect: 'auto',
  adminEndpoint: '',
  registryUrl: '',
  registryAuth: 'none',
  registryUser: '',
  registrySecret: '',
  environment: 'development',
  savedId: null,
}

export const CONNECTION_STORAGE_KEY = 'krc-connection'

/** Endpoint and API key live in sessionStorage only: gone when the tab closes, never in localStorage or a URL. */
export const useConnectionStore = create<ConnectionState>()(
  persist(
    (set) => ({
      form: EMPTY_FORM,
      active: null,
      initialized: false,
      tabSecrets: {},
      setForm: (patch) => set((s) => ({ form: { ...s.form, ...patch } })),
      fillFromSaved: (saved) =>
        set((s) => {
          const secrets = s.tabSecrets[saved.id] ?? { apiKey: '', registrySecret: '' }
          return {
            active: null,
            form: {
              endpoint: saved.endpoint,
              dialect: saved.dialect,
              useProxy: saved.useProxy,
              authScheme: saved.authScheme,
              username: saved.username,
              adminEndpoint: saved.adminEndpoint,
              registryUrl: saved.registryUrl,
              registryAuth: saved.registryAuth,
              registryUser: saved.registryUser,
              environment: saved.environment,
              savedId: saved.id,
              ...secrets,
            },
          }
        }),
      connected: (profile) =>
        set((s) => ({
          active: {
            id: crypto.randomUUID(),
            profile,
            connectedAt: Date.now(),
            environment: s.form.environment,
          },
          tabSecrets: s.form.savedId
            ? {
                ...s.tabSecrets,
                [s.form.savedId]: { apiKey: s.form.apiKey, registrySecret: s.form.registrySecret },
              }
            : s.tabSecrets,
        })),
      disconnect: () =>
        set((s) => ({ active: null, tabSecrets: {}, form: { ...s.form, apiKey: '', registrySecret: '' } })),
      initialize: (defaults) =>
        set((s) => (s.initialized ? s : { initialized: true, form: { ...s.form, ...defaults } })),
    }),
    {
      name: CONNECTION_STORAGE_KEY,
      storage: createJSONStorage(() => sessionStorage),
      partialize: (s) => ({
        form: s.form,
        active: s.active,
        initialized: s.initialized,
        tabSecrets: s.tabSecrets,
      }),
      // A session stored before a field existed gets that field's default.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<ConnectionState>
        const active = p.active ? { ...p.active, environment: p.active.environment ?? 'development' } : null
        return { ...current, ...p, active, form: { ...EMPTY_FORM, ...p.form } }
      },
    },
  ),
)

/** True while this tab is connected to a connection tagged production: the guard's one question. */
export const selectIsProduction = (s: { active: ActiveConnection | null }): boolean =>
  s.active?.environment === 'production'

export function useIsProduction(): boolean {
  return useConnectionStore(selectIsProduction)
}
