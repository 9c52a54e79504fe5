import { useMutation, useQueryClient } from '@tanstack/react-query'
import { kafkaKeys } from '../../api/query-keys.ts'
import type { CreateTopicRequest } from '../../api/types.ts'
import type { ConnectedClient } from '../../api/connected-client.ts'

export function useCreateTopic({ client, connectionId }: ConnectedClient) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (req: CreateTopicRequest) => client.createTopic(req),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kafkaKeys.topics(connectionId) }),
  })
}

export function useDeleteTopic({ client, connectionId }: ConnectedClient) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (name: string) => client.deleteTopic(name),
    onSuccess: (_r, name) => {
      queryClient.removeQueries({ queryKey: kafkaKeys.topic(connectionId, name) })
      return queryClient.invalidateQueries({ queryKey: kafkaKeys.topics(connectionId) })
    },
  })
}
