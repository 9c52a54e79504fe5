import { lazy, Suspense, useEffect } from 'react'
import { useConsumerCleanup, useKafkaClient } from './use-kafka-client.ts'
import { ErrorBoundary } from '../components/error-boundary.tsx'
import { Link } from '../components/link.tsx'
import { Spinner } from '../components/spinner.tsx'
import { ConnectPage } from '../features/connection/connect-page.tsx'
import { RequestLogPanel } from '../features/request-log/request-log-panel.tsx'
import { decodeRouteParam } from '../lib/path-segment.ts'
import { navigate, useHashLocation } from '../lib/router/hash-location.ts'
import { usePreferencesStore } from '../stores/preferences-store.ts'
import { AppHeader } from './app-header.tsx'
import { InvalidLink, NotFound } from './not-found.tsx'
import { MinimalHeader } from './shell-failed.tsx'
import { useServerConfig } from './use-server-config.ts'
import { useTheme } from './use-theme.ts'

// Pages past the connection screen load on demand: the first paint only needs the shell and the form.
const TopicsPage = lazy(() =>
  import('../features/topics/topics-page.tsx').then((m) => ({ default: m.TopicsPage })),
)
const TopicDetailPage = lazy(() =>
  import('../features/topics/topic-detail-page.tsx').then((m) => ({ default: m.TopicDetailPage })),
)
const ProducePage = lazy(() =>
  import('../features/produce/produce-page.tsx').then((m) => ({ default: m.ProducePage })),
)
const BrowsePage = lazy(() =>
  import('../features/browse/browse-page.tsx').then((m) => ({ default: m.BrowsePage })),
)
const ConsumerGroupsPage = lazy(() =>
  import('../features/consumer-groups/consumer-groups-page.tsx').then((m) => ({
    default: m.ConsumerGroupsPage,
  })),
)
const ConsumerGroupPage = lazy(() =>
  import('../features/consumer-groups/consumer-group-page.tsx').then((m) => ({
    default: m.ConsumerGroupPage,
  })),
)
const GeneratePage = lazy(() =>
  import('../features/generate/generate-page.tsx').then((m) => ({ default: m.GeneratePage })),
)
const SearchPage = lazy(() =>
  import('../features/search/search-page.tsx').then((m) => ({ default: m.SearchPage })),
)
const SchemasPage = lazy(() =>
  import('../features/schemas/schemas-page.tsx').then((m) => ({ default: m.SchemasPage })),
)

export function App() {
  useTheme()
  const { config, ready } = useServerConfig()
  const location = useHashLocation()
  const connected = useKafkaClient()
  useConsumerCleanup(connected?.client ?? null)
  const showLog = usePreferencesStore((s) => s.showRequestLog)
  const setShowLog = usePreferencesStore((s) => s.setShowRequestLog)
  const { path } = location

  // A deep link opened while disconnected comes back after connecting.
  useEffect(() => {
    if (!ready) return
    if (!connected && path !== '/connect') {
      const next = path === '/' ? undefined : window.location.hash
      navigate('/connect', { next }, { replace: true })
    } else if (connected && path === '/') navigate('/topics', undefined, { replace: true })
  }, [ready, connected, path])

  let page
  let what = 'page'
  if (!ready) page = <Spinner label="Starting" />
  else if (path === '/connect' || !connected) {
    what = 'connection page'
    page = (
      <ConnectPage
        proxyAvailable={config?.proxy ?? false}
        sandbox={config?.sandbox ?? null}
        returnTo={location.params.get('next')}
        autoConnect={location.params.get('connect') === '1'}
      />
    )
  } else if (path === '/topics') {
    what = 'Topics page'
    page = <TopicsPage connected={connected} />
  } else if (path.startsWith('/topics/')) {
    what = 'topic page'
    // A deep link is untrusted text: malformed percent-encoding gets a page that says so, not an exception.
    const topic = decodeRouteParam(path.slice('/topics/'.length))
    page = topic.ok ? (
      <TopicDetailPage key={path} connected={connected} topic={topic.value} />
    ) : (
      <InvalidLink reason={topic.reason} />
    )
  } else if (path === '/produce') {
    what = 'Produce page'
    page = <ProducePage connected={connected} topic={location.params.get('topic')} />
  } else if (path === '/generate') {
    what = 'Generate page'
    page = <GeneratePage connected={connected} topic={location.params.get('topic')} />
  } else if (path === '/browse') {
    what = 'Browse page'
    page = <BrowsePage connected={connected} params={location.params} />
  } else if (path === '/consumer-groups') {
    const group = location.params.get('group')
    what = group === null ? 'Consumer groups page' : 'consumer group page'
    page =
      group === null ? (
        <ConsumerGroupsPage connected={connected} />
      ) : (
        <ConsumerGroupPage key={group} connected={connected} groupId={group} />
      )
  } else if (path === '/search') {
    what = 'Search page'
    page = <SearchPage key={connected.connectionId} connected={connected} params={location.params} />
  } else if (path === '/schemas' && connected.registry) {
    what = 'Schemas page'
    page = <SchemasPage key={connected.connectionId} connected={connected} params={location.params} />
  } else page = <NotFound path={path} />

  const client = connected?.client ?? null
  return (
    <div className="flex h-dvh flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <ErrorBoundary what="header" fallback={() => <MinimalHeader client={client} />}>
        <AppHeader
          path={path}
          client={client}
          connectionId={connected?.connectionId ?? null}
          hasRegistry={!!connected?.registry}
        />
      </ErrorBoundary>
      <main className="flex-1 overflow-auto px-4 py-5 lg:px-8">
        <ErrorBoundary
          what={what}
          resetKey={`${path}?${location.params.toString()}`}
          escape={
            connected && path !== '/topics' ? (
              <Link to="/topics" className="font-medium underline underline-offset-2">
                Back to Topics
              </Link>
            ) : undefined
          }
        >
          <Suspense fallback={<Spinner label="Loading" />}>{page}</Suspense>
        </ErrorBoundary>
      </main>
      {showLog && (
        <ErrorBoundary what="request log">
          <RequestLogPanel onClose={() => setShowLog(false)} />
        </ErrorBoundary>
      )}
    </div>
  )
}
