import { useMutation, useQueryClient } from '@tanstack/react-query'
import { createClient } from '../../api/create-client.ts'
import { detectDialect, profileForDialect, type Detection } from '../../api/detect.ts'
import { HttpTransport } from '../../api/http/transport.ts'
import { KafkaRestError } from '../../api/errors.ts'
import { forgetConnection } from '../../data/connection-scope.ts'
import { seedTopicList } from '../../data/topics/topic-queries.ts'
import type { TopicSummary } from '../../api/types.ts'
import { yieldToEventLoop } from '../../lib/event-loop.ts'
import { checkConnection } from '../../lib/connection/connection-input.ts'
import { useConnectionStore, type ConnectionForm } from '../../stores/connection-store.ts'
import { requestLogSink } from '../../stores/request-log-store.ts'
import { useSavedConnectionsStore } from '../../stores/saved-connections-store.ts'

export interface ConnectResult extends Detection {
  topicCount: number | null
}

/**
 * Connect: detect (or take) the dialect, then list topics to prove the whole path works. The Schema Registry is
 * checked apart (registryCheckQueryOptions, in the header), so a failing registry never blocks the connection.
 */
export function useConnect() {
  const connected = useConnectionStore((s) => s.connected)
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (form: ConnectionForm): Promise<ConnectResult> => {
      const checked = checkConnection(form)
      if (!checked.ok) {
        throw new KafkaRestError({
          kind: 'form',
          message: checked.problem.message,
          hint: checked.problem.hint,
        })
      }
      const settings = checked.settings
      const transport = new HttpTransport(settings, requestLogSink)
      const detection =
        form.dialect === 'auto'
          ? await detectDialect(transport)
          : await profileForDialect(transport, form.dialect)
      const client = createClient(settings, detection.profile, requestLogSink)
      const topics: TopicSummary[] | null = client.capabilities.topics ? await client.listTopics() : null
      // The list arrived in a task of its own; showing it (and the topics page) is the next one.
      await yieldToEventLoop()
      // The form shows what the connection uses; the active client is rebuilt from it (useKafkaClient).
      useConnectionStore.getState().setForm({
        endpoint: settings.endpoint,
        apiKey: settings.apiKey,
        adminEndpoint: settings.adminEndpoint ?? '',
        registryUrl: settings.registry?.url ?? '',
      })
      const previous = useConnectionStore.getState().active?.id
      if (previous) forgetConnection(queryClient, previous)
      connected(detection.profile)
      if (form.savedId) useSavedConnectionsStore.getState().touch(form.savedId)
      const id = useConnectionStore.getState().active?.id
      if (id && topics) seedTopicList(queryClient, id, topics)
      return { ...detection, topicCount: topics?.length ?? null }
    },
  })
}
