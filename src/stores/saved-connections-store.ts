import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import {
  byRecentUse,
  ENVIRONMENTS,
  MAX_SAVED_CONNECTIONS,
  profileFields,
  type ConnectionProfileFields,
  type EnvironmentTag,
  type SavedConnection,
} from '../lib/connection/saved-connections.ts'

interface SavedConnectionsState {
  connections: SavedConnection[]
  /** Saves a new connection from the form's non-secret fields; returns its id. */
  save(form: ConnectionProfileFields, name: string, environment: EnvironmentTag): string
  /** Replaces a saved connection's fields (Edit: from the form as it is now), name and tag. */
  update(
    id: string,
    patch: Partial<ConnectionProfileFields> & { name?: string; environment?: EnvironmentTag },
  ): void
  remove(id: string): void
  /** Marks it used now: the picker lists recently used first. */
  touch(id: string): void
  /** Adds imported connections; one with the name of a saved one replaces it (keeping its id). */
  importMany(list: Array<Omit<SavedConnection, 'id' | 'createdAt' | 'lastUsedAt'>>): number
}

export const SAVED_CONNECTIONS_STORAGE_KEY = 'krc-saved-connections'

/**
 * Saved connections outlive the tab (localStorage), so they hold only what profileFields picks: never an API key,
 * password or token (those stay in the tab's sessionStorage, see connection-store.ts). Nothing here says which
 * connection a tab is using: two tabs share the list and nothing else.
 */
export const useSavedConnectionsStore = create<SavedConnectionsState>()(
  persist(
    (set, get) => ({
      connections: [],
      save: (form, name, environment) => {
        const now = Date.now()
        const saved: SavedConnection = {
          id: crypto.randomUUID(),
          name: name.trim(),
          environment,
          createdAt: now,
          lastUsedAt: now,
          ...profileFields(form),
        }
        // The oldest-used drop out past the cap, so the list (and localStorage) stays bounded.
        set({ connections: byRecentUse([saved, ...get().connections]).slice(0, MAX_SAVED_CONNECTIONS) })
        return saved.id
      },
      update: (id, patch) =>
        set({
          connections: get().connections.map((c) => {
            if (c.id !== id) return c
            const merged = { ...c, ...patch }
            return {
              ...c,
              name: (patch.name ?? c.name).trim(),
              environment: patch.environment ?? c.environment,
              ...profileFields(merged),
            }
          }),
        }),
      remove: (id) => set({ connections: get().connections.filter((c) => c.id !== id) }),
      touch: (id) =>
        set({
          connections: get().connections.map((c) => (c.id === id ? { ...c, lastUsedAt: Date.now() } : c)),
        }),
      importMany: (list) => {
        const now = Date.now()
        const connections = [...get().connections]
        for (const item of list) {
          const at = connections.findIndex((c) => c.name.toLowerCase() === item.name.toLowerCase())
          if (at >= 0) connections[at] = { ...connections[at], ...item, lastUsedAt: now }
          else connections.push({ ...item, id: crypto.randomUUID(), createdAt: now, lastUsedAt: now })
        }
        set({ connections: byRecentUse(connections).slice(0, MAX_SAVED_CONNECTIONS) })
        return list.length
      },
    }),
    {
      name: SAVED_CONNECTIONS_STORAGE_KEY,
      storage: createJSONStorage(() => localStorage),
      version: 1,
      partialize: (s) => ({ connections: s.connections }),
      // Whatever an older version (or a hand-edited entry) left, only the known non-secret fields are kept.
      migrate: (persisted) => ({
        connections: sanitise((persisted as { connections?: unknown })?.connections),
      }),
      merge: (persisted, current) => ({
        ...current,
        connections: sanitise((persisted as { connections?: unknown } | undefined)?.connections),
      }),
    },
  ),
)

function sanitise(raw: unknown): SavedConnection[] {
  if (!Array.isArray(raw)) return []
  const out: SavedConnection[] = []
  for (const c of raw.slice(0, MAX_SAVED_CONNECTIONS)) {
    if (typeof c !== 'object' || c === null) continue
    const r = c as Partial<SavedConnection>
    if (typeof r.id !== 'string' || typeof r.name !== 'string' || typeof r.endpoint !== 'string') continue
    out.push({
      id: r.id,
      name: r.name,
      environment: ENVIRONMENTS.includes(r.environment as EnvironmentTag)
        ? (r.environment as EnvironmentTag)
        : 'development',
      createdAt: Number(r.createdAt) || 0,
      lastUsedAt: Number(r.lastUsedAt) || 0,
      ...profileFields({
        endpoint: r.endpoint,
        dialect: r.dialect ?? 'auto',
        useProxy: r.useProxy ?? true,
        authScheme: r.authScheme ?? 'x-auth-token',
        username: r.username ?? '',
        adminEndpoint: r.adminEndpoint ?? '',
        registryUrl: r.registryUrl ?? '',
        registryAuth: r.registryAuth ?? 'none',
        registryUser: r.registryUser ?? '',
      }),
    })
  }
  return out
}

/** Another tab saved, renamed or deleted: show it here too (the list is shared; nothing else is). */
export function followOtherTabs(): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === SAVED_CONNECTIONS_STORAGE_KEY) void useSavedConnectionsStore.persist.rehydrate()
  }
  window.addEventListener('storage', onStorage)
  return () => window.removeEventListener('storage', onStorage)
}
