import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { topicQueryOptions } from '../../data/topics/topic-queries.ts'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { Button } from '../../components/button.tsx'
import { ErrorAlert } from '../../components/error-alert.tsx'
import { Link } from '../../components/link.tsx'
import { NameText } from '../../components/name-text.tsx'
import { Spinner } from '../../components/spinner.tsx'
import { DeleteTopicDialog } from './delete-topic-dialog.tsx'
import { PartitionBalance } from './partition-balance.tsx'
import { PartitionsTable } from './partitions-table.tsx'
import { TopicConfigs } from './topic-configs.tsx'
import { errorView } from '../../lib/error-view.ts'

export function TopicDetailPage({ connected, topic }: { connected: ConnectedClient; topic: string }) {
  const { client } = connected
  const detail = useQuery(topicQueryOptions(connected.connectionId, topic))
  const [deleting, setDeleting] = useState(false)
  return (
    <section aria-labelledby="topic-title" className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link to="/topics" className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          Topics
        </Link>
        <span aria-hidden="true"> / </span>
        <span className="font-mono break-all">
          <NameText name={topic} />
        </span>
      </nav>
      <div className="flex flex-wrap items-center gap-2">
        <h1 id="topic-title" className="font-mono text-xl font-semibold break-all">
          <NameText name={topic} />
        </h1>
        <div className="ml-auto flex gap-2">
          {client.capabilities.browse && (
            <Link
              to="/browse"
              params={{ topic }}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              Browse messages
            </Link>
          )}
          {client.capabilities.produce && (
            <Link
              to="/produce"
              params={{ topic }}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              Produce
            </Link>
          )}
          {client.capabilities.topics?.delete && (
            <Button variant="danger" onClick={() => setDeleting(true)}>
              Delete topic
            </Button>
          )}
        </div>
      </div>
      {detail.isPending && <Spinner label="Loading partitions" />}
      {detail.isError && (
        <ErrorAlert
          title="Could not load the topic"
          error={errorView(detail.error)}
          onRetry={() => void detail.refetch()}
        />
      )}
      {detail.data && (
        <>
          <h2 className="text-base font-semibold">Partitions ({detail.data.partitions.length})</h2>
          <PartitionsTable connected={connected} topic={topic} partitions={detail.data.partitions} />
          {client.capabilities.browse?.offsets && (
            <PartitionBalance connected={connected} topic={topic} partitions={detail.data.partitions} />
          )}
          {detail.data.configs && detail.data.configs.length > 0 && (
            <>
              <h2 className="text-base font-semibold">Configuration (read-only)</h2>
              <TopicConfigs configs={detail.data.configs} />
            </>
          )}
        </>
      )}
      {client.capabilities.topics?.delete && (
        <DeleteTopicDialog
          connected={connected}
          topic={topic}
          open={deleting}
          onClose={() => setDeleting(false)}
        />
      )}
    </section>
  )
}
