import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CreateTopicRequest } from '../../api/types.ts'
import { kafkaClientOf } from '../connection-scope.ts'
import { topicKeys } from './topic-keys.ts'

export function useCreateTopic(connectionId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: topicKeys.create(connectionId),
    mutationFn: (req: CreateTopicRequest, { meta }) => kafkaClientOf(meta).createTopic(req),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: topicKeys.list(connectionId) }),
  })
}

export function useDeleteTopic(connectionId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: topicKeys.delete(connectionId),
    mutationFn: (name: string, { meta }) => kafkaClientOf(meta).deleteTopic(name),
    onSuccess: (_r, name) => {
      queryClient.removeQueries({ queryKey: topicKeys.detail(connectionId, name) })
      return queryClient.invalidateQueries({ queryKey: topicKeys.list(connectionId) })
    },
  })
}
