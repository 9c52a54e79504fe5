import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { refreshTopicOffsets } from '../../data/offsets/offset-queries.ts'
import { refreshTopicRecords } from '../../data/records/record-queries.ts'
import { topicQueryOptions, topicsQueryOptions } from '../../data/topics/topic-queries.ts'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { ErrorAlert } from '../../components/error-alert.tsx'
import { Notice } from '../../components/notice.tsx'
import { browseLinkProblems } from '../../lib/browse-link.ts'
import { errorView } from '../../lib/error-view.ts'
import { buildHash } from '../../lib/router/hash-location.ts'
import { AllPartitionsPrompt, ASK_ALL_PARTITIONS_OVER } from './all-partitions-prompt.tsx'
import { BrowseControls } from './browse-controls.tsx'
import { BrowseResults } from './browse-results.tsx'
import { defaultStart, viewToParams, windowRequest, type BrowseView } from './browse-view.ts'
import { PartitionBounds } from './partition-bounds.tsx'
import { useBrowseView } from './use-browse-view.ts'
import { visibleNameText } from '../../lib/visible-name.ts'

/** The message browser: choose a window, read it, inspect one message's bytes, share and export. */
export function BrowsePage({ connected, params }: { connected: ConnectedClient; params: URLSearchParams }) {
  const { client, connectionId } = connected
  const caps = client.capabilities
  const queryClient = useQueryClient()
  const { view, go, patch } = useBrowseView(params, caps.browse)
  const query = params.toString()
  const linkProblems = useMemo(() => browseLinkProblems(new URLSearchParams(query)), [query])
  const topics = useQuery({ ...topicsQueryOptions(connectionId), enabled: !!caps.browse && !!caps.topics })
  const topic = useQuery({
    ...topicQueryOptions(connectionId, view.topic ?? ''),
    enabled: !!caps.browse && !!view.topic,
  })
  const partitionIds = topic.data?.partitions.map((p) => p.id)
  const wanted = caps.browse && partitionIds ? windowRequest(view, partitionIds) : null
  // Many partitions at once only when the user said so (for this topic and partition count).
  const [allAllowed, setAllAllowed] = useState<string | null>(null)
  const allKey = `${view.topic}|${partitionIds?.length}`
  const askAll =
    wanted !== null &&
    wanted.all &&
    wanted.partitions.length > ASK_ALL_PARTITIONS_OVER &&
    allAllowed !== allKey
  const request = askAll ? null : wanted

  const fetchWindow = (next: BrowseView) => {
    if (!next.topic) return
    // Fresh bounds for every Fetch; the same window again is read again.
    void refreshTopicOffsets(queryClient, connectionId, next.topic)
    if (buildHash('/browse', viewToParams(next)) === window.location.hash) {
      void refreshTopicRecords(queryClient, connectionId, next.topic)
    } else go(next)
  }
  const chooseTopic = (name: string) =>
    go({
      ...view,
      topic: name,
      partition: 'all',
      start: defaultStart(caps.browse),
      offset: '0',
      positions: undefined,
      direction: 'forward',
      sel: undefined,
      q: '',
    })

  return (
    <section aria-labelledby="browse-title" className="space-y-4">
      <h1 id="browse-title" className="text-xl font-semibold">
        Browse messages
      </h1>
      {!caps.browse ? (
        <Notice tone="warning">
          Browsing messages is not available with {client.dialect.name}.{' '}
          {client.dialect.notes.find((n) => /brows/i.test(n)) ?? 'This API has no way to read messages.'}
        </Notice>
      ) : (
        <>
          <BrowseControls
            key={`${view.topic}|${view.partition}|${view.start}|${view.offset}|${view.count}|${view.ts}|${partitionIds?.length}`}
            view={view}
            caps={caps.browse}
            topics={topics.data}
            partitionIds={partitionIds}
            onFetch={fetchWindow}
            onTopic={chooseTopic}
          />
          {linkProblems.length > 0 && (
            <Notice tone="warning" role="status">
              <ul aria-label="Link problems" className="space-y-0.5">
                {linkProblems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </Notice>
          )}
          {topics.isError && (
            <ErrorAlert
              title="Could not list topics"
              error={errorView(topics.error)}
              onRetry={() => void topics.refetch()}
            />
          )}
          {topic.isError && (
            <ErrorAlert
              title={`Could not read topic ${visibleNameText(view.topic ?? '')}`}
              error={errorView(topic.error)}
              onRetry={() => void topic.refetch()}
            />
          )}
          {askAll && wanted && (
            <AllPartitionsPrompt
              topic={wanted.topic}
              partitions={wanted.partitions.length}
              consumers={!caps.browse.stateless}
              onConfirm={() => setAllAllowed(allKey)}
            />
          )}
          {view.topic && request && (
            <PartitionBounds connected={connected} topic={view.topic} partitions={request.partitions} />
          )}
          {!caps.browse.stateless && (
            <p className="text-xs text-slate-600 dark:text-slate-300">
              Each read uses a temporary consumer instance on the endpoint, deleted right after (also when you
              leave this page or close the tab).
            </p>
          )}
          {!view.topic && <Notice>Choose a topic to read its messages.</Notice>}
          {request && (
            <BrowseResults
              key={`${view.topic}`}
              connected={connected}
              view={view}
              request={request}
              go={go}
              patch={patch}
            />
          )}
        </>
      )}
    </section>
  )
}
