import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { topicsQueryOptions } from '../../data/topics/topic-queries.ts'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { Button } from '../../components/button.tsx'
import { ConnectionSummary } from './connection-summary.tsx'
import { ErrorAlert } from '../../components/error-alert.tsx'
import { inputClass } from '../../components/field.tsx'
import { Notice } from '../../components/notice.tsx'
import { Spinner } from '../../components/spinner.tsx'
import { useNameSearch } from '../../components/use-name-search.ts'
import { CreateTopicDialog } from './create-topic-dialog.tsx'
import { TopicList } from './topic-list.tsx'
import { errorView } from '../../lib/error-view.ts'

const NO_NAMES: string[] = []

export function TopicsPage({ connected }: { connected: ConnectedClient }) {
  const { client } = connected
  const topics = useQuery({
    ...topicsQueryOptions(connected.connectionId),
    enabled: !!client.capabilities.topics,
  })
  const [filter, setFilter] = useState('')
  const [creating, setCreating] = useState(false)
  // The filter runs in time slices (a list may hold 1,000,000 names); until it ends the last result stays.
  const names = useMemo(() => topics.data?.map((t) => t.name) ?? NO_NAMES, [topics.data])
  const { search } = useNameSearch(names, filter)
  const visible = useMemo(() => {
    const all = topics.data ?? []
    if (search.items !== names || search.matches === null) return all
    return search.matches.map((i) => all[i])
  }, [topics.data, names, search])

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
          {client.capabilities.topics?.create && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              Create topic
            </Button>
          )}
        </div>
      </div>
      <ConnectionSummary client={client} />
      {!client.capabilities.topics && (
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
          error={errorView(topics.error)}
          onRetry={() => void topics.refetch()}
        />
      )}
      {topics.data && topics.data.length === 0 && (
        <Notice>No topics yet.{client.capabilities.topics?.create ? ' Create one to start.' : ''}</Notice>
      )}
      {topics.data && topics.data.length > 0 && visible.length === 0 && (
        <Notice>No topic matches “{search.query}”.</Notice>
      )}
      {visible.length > 0 && <TopicList topics={visible} />}
      <CreateTopicDialog connected={connected} open={creating} onClose={() => setCreating(false)} />
    </section>
  )
}
