import { describe, expect, it } from 'vitest'
import { registryAfterEndpointChange, sandboxRegistry } from './sandbox-registry.ts'

const sandbox = { endpoint: 'http://127.0.0.1:8082', apiKey: 'demo-key' }
const none = { registryUrl: '', registryAuth: 'none' as const, registryUser: '', registrySecret: '' }

describe('registryAfterEndpointChange', () => {
  it('defaults the registry to the sandbox when the endpoint is the sandbox and no registry was chosen', () => {
    expect(registryAfterEndpointChange(none, 'http://127.0.0.1:8082/', sandbox)).toEqual({
      registryUrl: 'http://127.0.0.1:8082',
      registryAuth: 'bearer',
      registryUser: '',
      registrySecret: 'demo-key',
    })
  })

  it("drops the sandbox's default registry when the endpoint leaves the sandbox", () => {
    expect(
      registryAfterEndpointChange(sandboxRegistry(sandbox), 'https://rest.example.com', sandbox),
    ).toEqual(none)
  })

  it('never touches a registry the user entered, and does nothing without a sandbox', () => {
    const mine = { ...none, registryUrl: 'https://sr.example.com', registryAuth: 'basic' as const }
    expect(registryAfterEndpointChange(mine, 'http://127.0.0.1:8082', sandbox)).toBeNull()
    expect(registryAfterEndpointChange(mine, 'https://rest.example.com', sandbox)).toBeNull()
    const edited = { ...sandboxRegistry(sandbox), registrySecret: 'other' }
    expect(registryAfterEndpointChange(edited, 'https://rest.example.com', sandbox)).toBeNull()
    expect(registryAfterEndpointChange(none, 'http://127.0.0.1:8082', null)).toBeNull()
  })
})
