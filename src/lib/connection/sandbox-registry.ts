import type { RegistryAuthKind } from './connection-input.ts'

/** The registry fields of the connection form. */
export interface RegistryFieldsValue {
  registryUrl: string
  registryAuth: RegistryAuthKind
  registryUser: string
  registrySecret: string
}

export interface SandboxDefaults {
  endpoint: string
  apiKey: string
}

const same = (a: string, b: string) => a.trim().replace(/\/+$/, '') === b.trim().replace(/\/+$/, '')

/** The sandbox serves its registry on its own port and takes its key as a bearer token. */
export function sandboxRegistry(sandbox: SandboxDefaults): RegistryFieldsValue {
  return {
    registryUrl: sandbox.endpoint,
    registryAuth: 'bearer',
    registryUser: '',
    registrySecret: sandbox.apiKey,
  }
}

/**
 * The registry fields after the endpoint changed: when the endpoint is the sandbox, the registry defaults to the
 * sandbox's (if none was chosen); leaving the sandbox drops the sandbox registry that was only its default. A
 * registry the user entered is never touched. Null: nothing to change.
 */
export function registryAfterEndpointChange(
  current: RegistryFieldsValue,
  endpoint: string,
  sandbox: SandboxDefaults | null,
): RegistryFieldsValue | null {
  if (!sandbox) return null
  const onSandbox = same(endpoint, sandbox.endpoint)
  const isSandboxDefault =
    same(current.registryUrl, sandbox.endpoint) &&
    current.registryAuth === 'bearer' &&
    current.registrySecret === sandbox.apiKey
  if (onSandbox && current.registryUrl.trim() === '') return sandboxRegistry(sandbox)
  if (!onSandbox && isSandboxDefault)
    return { registryUrl: '', registryAuth: 'none', registryUser: '', registrySecret: '' }
  return null
}
