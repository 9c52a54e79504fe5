import { QueryClient } from '@tanstack/react-query'
import { isKafkaRestError } from '../api/errors.ts'

/** Retries only what may pass on a second try: network blips and 5xx, never 4xx answers. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        retry: (failures, error) => {
          if (failures >= 1) return false
          if (!isKafkaRestError(error)) return false
          return error.kind === 'network' || (error.status !== null && error.status >= 500)
        },
      },
    },
  })
}
