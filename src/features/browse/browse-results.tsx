import { useQuery } from '@tanstack/react-query'
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { recordsQueryOptions } from '../../data/records/record-queries.ts'
import type { KafkaRecord } from '../../api/types.ts'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { ErrorAlert } from '../../components/error-alert.tsx'
import type { WindowRequest } from '../../lib/browse/load-window.ts'
import { linkableSelection } from '../../lib/browse-link.ts'
import { errorView } from '../../lib/error-view.ts'
import { usePreferencesStore } from '../../stores/preferences-store.ts'
import { neighbourView, type BrowseView } from './browse-view.ts'
import { BrowseCopy } from './browse-copy.tsx'
import { ListToolbar } from './list-toolbar.tsx'
import { MessageDetail } from './message-detail.tsx'
import { MessageList } from './message-list.tsx'
import { NotesNotice } from './notes-notice.tsx'
import { useDecodedWindow } from './use-decoded-window.ts'
import { useQuickFilter } from './use-quick-filter.ts'
import { LiveRate } from './live-rate.tsx'
import { LIVE_RATE_POINTS, useLiveTail } from './use-live-tail.ts'
import { WindowBar, type LiveMode } from './window-bar.tsx'
import { indexOfMessage, messageId } from './window-text.ts'

interface Props {
  connected: ConnectedClient
  view: BrowseView
  request: WindowRequest & { partition: number | 'all' }
  go(view: BrowseView): void
  patch(partial: Partial<BrowseView>): void
}

export const LIVE_CAPACITY = 1000

/** The loaded window (or the live tail): summary and navigation, filter and export, list and detail. */
export function BrowseResults({ connected, view, request, go, patch }: Props) {
  const { client } = connected
  const timeZone = usePreferencesStore((s) => s.timeZone)
  const [progress, setProgress] = useState(0)
  const [live, setLive] = useState<LiveMode>('off')
  const query = useQuery(recordsQueryOptions(connected.connectionId, request, setProgress))
  const tail = useLiveTail(
    client,
    request.topic,
    request.partitions,
    request.order,
    LIVE_CAPACITY,
    live === 'running',
  )
  const loaded = useMemo<KafkaRecord[]>(
    () => (live === 'off' ? (query.data?.records ?? []) : tail.records),
    [live, query.data, tail.records],
  )

  const [filterText, setFilterText] = useState(view.q)
  const deferredFilter = useDeferredValue(filterText)
  useEffect(() => {
    const t = window.setTimeout(() => {
      if (filterText !== view.q) patch({ q: filterText })
    }, 300)
    return () => window.clearTimeout(t)
  }, [filterText, view.q, patch])

  const registryConnectionId = connected.registry ? connected.connectionId : null
  const decoded = useDecodedWindow(registryConnectionId, loaded)
  const { filtered, query: filteredBy, scanning } = useQuickFilter(loaded, deferredFilter, decoded)
  const shown = useMemo(
    () => (view.sort === 'newest' ? filtered.slice().reverse() : filtered),
    [filtered, view.sort],
  )
  // A record whose id cannot live in the URL (an offset no link can hold) is still selected, just not linked.
  const [unlinked, setUnlinked] = useState<KafkaRecord | null>(null)
  const selected = useMemo(
    () =>
      view.sel
        ? loaded[indexOfMessage(loaded, view.sel)]
        : unlinked && loaded.includes(unlinked)
          ? unlinked
          : undefined,
    [loaded, view.sel, unlinked],
  )

  const detailHeading = useRef<HTMLHeadingElement>(null)
  const onSelect = useCallback(
    (r: KafkaRecord) => {
      const id = messageId(r)
      setUnlinked(linkableSelection(id) ? null : r)
      patch({ sel: linkableSelection(id) ? id : undefined })
    },
    [patch],
  )
  const liveAllowed = client.capabilities.browse?.offsets
    ? null
    : 'Live tail needs partition end offsets, which this API does not report.'

  const w = query.data
  return (
    <div className="space-y-3">
      <WindowBar
        view={view}
        window={live === 'off' ? w : undefined}
        fetching={query.isFetching}
        progress={progress}
        live={live}
        liveAllowed={liveAllowed}
        onPrevious={() => w && go(neighbourView(view, w.previous, 'backward'))}
        onNext={() => w && go(neighbourView(view, w.next, 'forward'))}
        onLive={setLive}
      />
      {live === 'off' && query.isError && (
        <ErrorAlert
          title="Could not read messages"
          error={errorView(query.error)}
          onRetry={() => void query.refetch()}
        />
      )}
      {live !== 'off' && tail.error !== null && (
        <ErrorAlert
          title="Live tail stopped"
          error={errorView(tail.error)}
          onRetry={() => setLive('running')}
        />
      )}
      {live === 'off' && w && <NotesNotice notes={w.notes} />}
      {live !== 'off' && (
        <p className="text-xs text-slate-600 dark:text-slate-300" role="status">
          {live === 'paused' ? 'Paused. ' : ''}
          {tail.records.length.toLocaleString('en-US')} new message{tail.records.length === 1 ? '' : 's'} (the
          newest {LIVE_CAPACITY.toLocaleString('en-US')} are kept
          {tail.dropped > 0 ? `; ${tail.dropped.toLocaleString('en-US')} older ones dropped` : ''}) ·{' '}
          {tail.polls} poll{tail.polls === 1 ? '' : 's'}
        </p>
      )}
      {live !== 'off' && <LiveRate rates={tail.rates} max={LIVE_RATE_POINTS} />}
      {live !== 'off' && <NotesNotice notes={tail.notes} />}
      <ListToolbar
        view={view}
        filtered={filtered}
        decoded={decoded}
        total={loaded.length}
        scanning={scanning}
        filterText={filterText}
        onFilter={setFilterText}
        onPatch={patch}
        timestamps={!!client.capabilities.browse?.timestamps}
      />
      {live === 'off' && client.capabilities.produce && loaded.length > 0 && (
        <BrowseCopy connected={connected} records={filtered} total={loaded.length} filter={filteredBy} />
      )}
      {view.sel && !selected && (query.isSuccess || live !== 'off') && (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          Message {view.sel} is not in the loaded window.
        </p>
      )}
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,11fr)_minmax(0,9fr)]">
        <MessageList
          records={shown}
          selected={view.sel ?? (selected ? messageId(selected) : undefined)}
          onSelect={onSelect}
          onOpen={() => detailHeading.current?.focus()}
          timeZone={timeZone}
          timestamps={!!client.capabilities.browse?.timestamps}
          loaded={live === 'off' ? w : tail.records}
          decoded={decoded}
        />
        {selected ? (
          <MessageDetail
            record={selected}
            view={view}
            caps={client.capabilities}
            timeZone={timeZone}
            onDecoder={(part, choice) => patch({ [part]: choice })}
            headingRef={detailHeading}
            registryConnectionId={registryConnectionId}
          />
        ) : (
          <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
            {loaded.length > 0
              ? 'Select a message to see its key, value and headers.'
              : query.isPending && live === 'off'
                ? ''
                : 'No messages in this window.'}
          </p>
        )}
      </div>
    </div>
  )
}
