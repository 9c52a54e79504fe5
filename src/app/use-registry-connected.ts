import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { registryCheckQueryOptions } from '../data/registry/registry-queries.ts'
import { prefetchCodecs } from '../lib/schema/codec-loader.ts'

/** True once the registry check passed: the Schemas page is offered only then. */
export function useRegistryConnected(connectionId: string | null, hasRegistry: boolean): boolean {
  const check = useQuery({
    ...registryCheckQueryOptions(connectionId ?? ''),
    enabled: !!connectionId && hasRegistry,
  })
  useEffect(() => {
    if (check.isSuccess) prefetchCodecs()
  }, [check.isSuccess])
  return check.isSuccess
}
