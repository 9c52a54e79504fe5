// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { CONNECTION_STORAGE_KEY, EMPTY_FORM, useConnectionStore } from './connection-store.ts'

afterEach(() => {
  useConnectionStore.setState({ form: EMPTY_FORM, active: null, initialized: false })
  sessionStorage.clear()
  localStorage.clear()
})

describe('connection store', () => {
  it('persists endpoint and key to sessionStorage only', () => {
    useConnectionStore.getState().setForm({ endpoint: 'http://127.0.0.1:8082', apiKey: 'secret-key-1' })
    useConnectionStore.getState().connected({ dialect: 'confluent-v1', ibmAdmin: true })
    const stored = sessionStorage.getItem(CONNECTION_STORAGE_KEY) ?? ''
    expect(stored).toContain('secret-key-1')
    expect(JSON.parse(stored).state.active.profile).toEqual({ dialect: 'confluent-v1', ibmAdmin: true })
    expect(JSON.stringify({ ...localStorage })).not.toContain('secret-key-1')
  })

  it('disconnect forgets the key and the connection, and clearStorage empties the session entry', () => {
    useConnectionStore.getState().setForm({ endpoint: 'http://h', apiKey: 'k-2' })
    useConnectionStore.getState().connected({ dialect: 'confluent-v2' })
    useConnectionStore.getState().disconnect()
    expect(useConnectionStore.getState().active).toBeNull()
    expect(useConnectionStore.getState().form.apiKey).toBe('')
    expect(sessionStorage.getItem(CONNECTION_STORAGE_KEY)).not.toContain('k-2')
    useConnectionStore.persist.clearStorage()
    expect(sessionStorage.getItem(CONNECTION_STORAGE_KEY)).toBeNull()
  })

  it('keeps the registry secret in the session only, and disconnect forgets it', () => {
    useConnectionStore.getState().setForm({
      registryUrl: 'http://127.0.0.1:8081',
      registryAuth: 'basic',
      registryUser: 'sr-user',
      registrySecret: 'sr-secret-3',
    })
    expect(sessionStorage.getItem(CONNECTION_STORAGE_KEY)).toContain('sr-secret-3')
    expect(JSON.stringify({ ...localStorage })).not.toContain('sr-secret-3')
    useConnectionStore.getState().disconnect()
    const form = useConnectionStore.getState().form
    expect(form.registrySecret).toBe('')
    expect(form.registryUrl).toBe('http://127.0.0.1:8081')
    expect(sessionStorage.getItem(CONNECTION_STORAGE_KEY)).not.toContain('sr-secret-3')
  })

  it('gives a session stored before the registry fields their defaults', async () => {
    sessionStorage.setItem(
      CONNECTION_STORAGE_KEY,
      JSON.stringify({
        state: { form: { endpoint: 'http://old', apiKey: 'k' }, active: null, initialized: true },
        version: 0,
      }),
    )
    await useConnectionStore.persist.rehydrate()
    expect(useConnectionStore.getState().form).toMatchObject({
      endpoint: 'http://old',
      registryUrl: '',
      registryAuth: 'none',
    })
  })

  it('initializes defaults only once per session', () => {
    useConnectionStore.getState().initialize({ endpoint: 'http://sandbox:8082', apiKey: 'demo' })
    useConnectionStore.getState().setForm({ endpoint: 'http://mine' })
    useConnectionStore.getState().initialize({ endpoint: 'http://sandbox:8082', apiKey: 'demo' })
    expect(useConnectionStore.getState().form.endpoint).toBe('http://mine')
  })

  it('gives each connection a fresh id (query keys never mix clusters)', () => {
    useConnectionStore.getState().connected({ dialect: 'confluent-v2' })
    const a = useConnectionStore.getState().active!.id
    useConnectionStore.getState().connected({ dialect: 'confluent-v2' })
    expect(useConnectionStore.getState().active!.id).not.toBe(a)
  })
})
