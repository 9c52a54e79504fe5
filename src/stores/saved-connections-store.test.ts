// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { CONNECTION_STORAGE_KEY, EMPTY_FORM, useConnectionStore } from './connection-store.ts'
import { SAVED_CONNECTIONS_STORAGE_KEY, useSavedConnectionsStore } from './saved-connections-store.ts'

afterEach(() => {
  useConnectionStore.setState({ form: EMPTY_FORM, active: null, initialized: false, tabSecrets: {} })
  useSavedConnectionsStore.setState({ connections: [] })
  sessionStorage.clear()
  localStorage.clear()
})

const form = {
  ...EMPTY_FORM,
  endpoint: 'http://127.0.0.1:8082',
  apiKey: 'api-secret-1',
  authScheme: 'basic' as const,
  username: 'alice',
  registryUrl: 'http://127.0.0.1:8082',
  registryAuth: 'bearer' as const,
  registrySecret: 'reg-secret-2',
  environment: 'production' as const,
}

describe('saved connections store', () => {
  it('saves to localStorage with a version and without any secret', () => {
    useSavedConnectionsStore.getState().save(form, 'Prod', 'production')
    const stored = localStorage.getItem(SAVED_CONNECTIONS_STORAGE_KEY) ?? ''
    expect(JSON.parse(stored).version).toBe(1)
    expect(stored).toContain('alice')
    expect(stored).not.toMatch(/api-secret-1|reg-secret-2/)
  })

  it('drops secrets and unknown fields an older or hand-edited entry holds', async () => {
    localStorage.setItem(
      SAVED_CONNECTIONS_STORAGE_KEY,
      JSON.stringify({
        version: 0,
        state: {
          connections: [{ id: 'x', name: 'old', endpoint: 'http://h', apiKey: 'leak', environment: 'bogus' }],
        },
      }),
    )
    await useSavedConnectionsStore.persist.rehydrate()
    const [c] = useSavedConnectionsStore.getState().connections
    expect(c).toMatchObject({ id: 'x', name: 'old', environment: 'development', authScheme: 'x-auth-token' })
    expect(JSON.stringify(useSavedConnectionsStore.getState())).not.toContain('leak')
  })

  it('filling from a saved connection leaves the secrets empty, then this tab’s own once it connected', () => {
    const id = useSavedConnectionsStore.getState().save(form, 'Prod', 'production')
    const saved = useSavedConnectionsStore.getState().connections[0]
    useConnectionStore.getState().fillFromSaved(saved)
    expect(useConnectionStore.getState().form).toMatchObject({ savedId: id, username: 'alice', apiKey: '' })
    useConnectionStore.getState().setForm({ apiKey: 'typed-3' })
    useConnectionStore.getState().connected({ dialect: 'confluent-v3' })
    expect(useConnectionStore.getState().active?.environment).toBe('production')
    useConnectionStore.getState().fillFromSaved(saved)
    expect(useConnectionStore.getState().form.apiKey).toBe('typed-3')
    expect(useConnectionStore.getState().active).toBeNull()
    // This tab's memory is session storage only; Disconnect forgets it.
    expect(sessionStorage.getItem(CONNECTION_STORAGE_KEY)).toContain('typed-3')
    expect(JSON.stringify({ ...localStorage })).not.toContain('typed-3')
    useConnectionStore.getState().disconnect()
    useConnectionStore.getState().fillFromSaved(saved)
    expect(useConnectionStore.getState().form.apiKey).toBe('')
  })

  it('renames, deletes, and imports replacing by name', () => {
    const id = useSavedConnectionsStore.getState().save(form, 'A', 'test')
    useSavedConnectionsStore.getState().update(id, { name: 'B' })
    expect(useSavedConnectionsStore.getState().connections[0].name).toBe('B')
    // Edit: the whole form (secrets included) goes in; only the saved fields come out.
    useSavedConnectionsStore
      .getState()
      .update(id, { ...form, endpoint: 'http://other:1', environment: 'test' })
    expect(useSavedConnectionsStore.getState().connections[0]).toMatchObject({
      name: 'B',
      endpoint: 'http://other:1',
    })
    expect(localStorage.getItem(SAVED_CONNECTIONS_STORAGE_KEY)).not.toMatch(/api-secret-1|reg-secret-2/)
    useSavedConnectionsStore.getState().importMany([
      { ...useSavedConnectionsStore.getState().connections[0], name: 'b', environment: 'staging' },
      { ...useSavedConnectionsStore.getState().connections[0], name: 'C' },
    ])
    const list = useSavedConnectionsStore.getState().connections
    expect(list.map((c) => c.name).sort()).toEqual(['C', 'b'])
    expect(list.find((c) => c.name === 'b')).toMatchObject({ id, environment: 'staging' })
    useSavedConnectionsStore.getState().remove(id)
    expect(useSavedConnectionsStore.getState().connections.map((c) => c.name)).toEqual(['C'])
  })
})
