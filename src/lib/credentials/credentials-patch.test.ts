import { describe, expect, it } from 'vitest'
import { credentialsPatch } from './credentials-patch.ts'

describe('credentialsPatch', () => {
  const current = { registryUrl: 'https://typed-registry', dialect: 'ibm-event-streams' as const }

  it('fills Basic auth, keeps a typed endpoint when the format names none, and drops another registry', () => {
    const patch = credentialsPatch(
      { kind: 'confluent-cloud', apiKey: 'S', authScheme: 'basic', username: 'K', source: 'x' },
      current,
    )
    expect(patch).toEqual({
      apiKey: 'S',
      authScheme: 'basic',
      username: 'K',
      adminEndpoint: '',
      dialect: 'auto',
      registryUrl: '',
      registryAuth: 'none',
      registryUser: '',
      registrySecret: '',
    })
  })

  it('registry-only credentials touch only the registry, keeping a typed URL when they bring none', () => {
    const patch = credentialsPatch(
      { kind: 'registry', source: 'x', registry: { url: '', auth: 'basic', user: 'U', secret: 'P' } },
      current,
    )
    expect(patch).toEqual({
      registryUrl: 'https://typed-registry',
      registryAuth: 'basic',
      registryUser: 'U',
      registrySecret: 'P',
    })
  })

  it('Event Streams picks its dialect', () => {
    const patch = credentialsPatch(
      { kind: 'event-streams', endpoint: 'https://es', apiKey: 'k', authScheme: 'bearer', source: 'x' },
      { registryUrl: '', dialect: 'auto' },
    )
    expect(patch).toMatchObject({
      endpoint: 'https://es',
      dialect: 'ibm-event-streams',
      authScheme: 'bearer',
    })
  })
})
