import type { AuthScheme, DialectId } from '../../api/types.ts'
import type { RegistryAuthKind } from '../connection/connection-input.ts'
import type { ParsedCredentials } from './parse-credentials.ts'

/** The connection-form fields pasted credentials can fill. */
export interface CredentialFields {
  endpoint: string
  apiKey: string
  username: string
  authScheme: AuthScheme
  dialect: 'auto' | DialectId
  adminEndpoint: string
  registryUrl: string
  registryAuth: RegistryAuthKind
  registryUser: string
  registrySecret: string
}

const NO_REGISTRY = { registryUrl: '', registryAuth: 'none', registryUser: '', registrySecret: '' } as const

/**
 * What pasted credentials change in the form. Credentials for another service replace the registry too (without
 * one of their own, none is kept); registry-only credentials touch nothing else, and keep a typed registry URL when
 * they bring none (a Confluent Cloud registry key file). A format without a REST URL leaves the endpoint as typed.
 */
export function credentialsPatch(
  c: ParsedCredentials,
  current: Pick<CredentialFields, 'registryUrl' | 'dialect'>,
): Partial<CredentialFields> {
  const registry: Partial<CredentialFields> = c.registry
    ? {
        registryUrl: c.registry.url || current.registryUrl,
        registryAuth: c.registry.auth,
        registryUser: c.registry.user,
        registrySecret: c.registry.secret,
      }
    : NO_REGISTRY
  if (c.kind === 'registry') return registry
  return {
    ...registry,
    ...(c.endpoint ? { endpoint: c.endpoint } : {}),
    apiKey: c.apiKey,
    authScheme: c.authScheme,
    username: c.username ?? '',
    adminEndpoint: c.adminEndpoint ?? '',
    // Event Streams is chosen from its credentials (no detection probe reaches it); others are detected again.
    dialect:
      c.kind === 'event-streams'
        ? 'ibm-event-streams'
        : current.dialect === 'ibm-event-streams'
          ? 'auto'
          : current.dialect,
  }
}
