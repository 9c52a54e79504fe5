import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useMemo, useState } from 'react'
import { topicsQueryOptions } from '../../api/queries/topics-query.ts'
import type { ConnectedClient } from '../../api/use-kafka-client.ts'
import { Button } from '../../components/button.tsx'
import { ConnectionSummary } from '../../components/connection-summary.tsx'
import { ErrorAlert } from '../../components/error-alert.tsx'
import { inputClass } from '../../components/field.tsx'
import { Notice } from '../../components/notice.tsx'
import { Spinner } from '../../components/spinner.tsx'
import { CreateTopicDialog } from './create-topic-dialog.tsx'
import { TopicList } from './topic-list.tsx'

export function TopicsPage({ connected }: { connected: ConnectedClient }) {
  const { client } = connected
  const topics = useQuery({ ...topicsQueryOptions(connected), enabled: client.capabilities.listTopics })
  const [filter, setFilter] = useState('')
  const [creating, setCreating] = useState(false)
  const deferred = useDeferredValue(filter)
  const visible = useMemo(() => {
    const all = topics.data ?? []
    const f = deferred.trim().toLowerCase()
    return f ? all.filter((t) => t.name.toLowerCase().includes(f)) : all
  }, [topics.data, deferred])

  return (
    <section aria-labelledby="topics-title" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="topics-title" className="text-xl font-semibold">
          Topics
        </h1>
        {topics.data && (
          <span className="text-sm text-slate-500 dark:text-slate-400">
            {visible.length === topics.data.length
              ? topics.data.length
              : `${visible.length} of ${topics.data.length}`}
          </span>
        )}
        <div className="ml-auto flex gap-2">
          <Button onClick={() => void topics.refetch()} disabled={topics.isFetching}>
            Refresh
          </Button>
          {client.capabilities.createTopic && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              Create topic
            </Button>
          )}
        </div>
      </div>
      <ConnectionSummary client={client} />
      {!client.capabilities.listTopics && (
        <Notice tone="warning">
          This endpoint cannot list topics ({client.dialect.name}). Open the produce form and type the topic
          name.
        </Notice>
      )}
      <div>
        <label htmlFor="topic-filter" className="sr-only">
          Filter topics
        </label>
        <input
          id="topic-filter"
          type="search"
          placeholder="Filter topics"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className={`${inputClass} max-w-md`}
        />
      </div>
      {topics.isPending && topics.fetchStatus !== 'idle' && <Spinner label="Loading topics" />}
      {topics.isError && (
        <ErrorAlert
          title="Could not list topics"
          error={topics.error}
          onRetry={() => void topics.refetch()}
        />
      )}
      {topics.data && topics.data.length === 0 && (
        <Notice>No topics yet.{client.capabilities.createTopic ? ' Create one to start.' : ''}</Notice>
      )}
      {topics.data && topics.data.length > 0 && visible.length === 0 && (
        <Notice>No topic matches “{deferred}”.</Notice>
      )}
      {visible.length > 0 && <TopicList topics={visible} />}
      <CreateTopicDialog connected={connected} open={creating} onClose={() => setCreating(false)} />
    </section>
  )
}
