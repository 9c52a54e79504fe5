import { useQuery } from '@tanstack/react-query'
import { registryCheckQueryOptions } from '../data/registry/registry-queries.ts'

/** True once the registry check passed: the Schemas page is offered only then. */
export function useRegistryConnected(connectionId: string | null, hasRegistry: boolean): boolean {
  const check = useQuery({
    ...registryCheckQueryOptions(connectionId ?? ''),
    enabled: !!connectionId && hasRegistry,
  })
  return check.isSuccess
}
