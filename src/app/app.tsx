import { lazy, Suspense, useEffect } from 'react'
import { useConsumerCleanup, useKafkaClient } from '../api/use-kafka-client.ts'
import { Spinner } from '../components/spinner.tsx'
import { ConnectPage } from '../features/connection/connect-page.tsx'
import { RequestLogPanel } from '../features/request-log/request-log-panel.tsx'
import { navigate, useHashLocation } from '../lib/router/hash-location.ts'
import { usePreferencesStore } from '../stores/preferences-store.ts'
import { AppHeader } from './app-header.tsx'
import { NotFound } from './not-found.tsx'
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
  if (!ready) page = <Spinner label="Starting" />
  else if (path === '/connect' || !connected) {
    page = <ConnectPage proxyAvailable={config?.proxy ?? false} returnTo={location.params.get('next')} />
  } else if (path === '/topics') page = <TopicsPage connected={connected} />
  else if (path.startsWith('/topics/')) {
    page = (
      <TopicDetailPage
        key={path}
        connected={connected}
        topic={decodeURIComponent(path.slice('/topics/'.length))}
      />
    )
  } else if (path === '/produce')
    page = <ProducePage connected={connected} topic={location.params.get('topic')} />
  else if (path === '/browse') page = <BrowsePage connected={connected} params={location.params} />
  else page = <NotFound path={path} />

  return (
    <div className="flex h-dvh flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <AppHeader path={path} client={connected?.client ?? null} />
      <main className="flex-1 overflow-auto px-4 py-5 lg:px-8">
        <Suspense fallback={<Spinner label="Loading" />}>{page}</Suspense>
      </main>
      {showLog && <RequestLogPanel onClose={() => setShowLog(false)} />}
    </div>
  )
}
