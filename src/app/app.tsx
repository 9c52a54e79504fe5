import { useEffect } from 'react'
import { useConsumerCleanup, useKafkaClient } from '../api/use-kafka-client.ts'
import { Spinner } from '../components/spinner.tsx'
import { BrowsePage } from '../features/browse/browse-page.tsx'
import { ConnectPage } from '../features/connection/connect-page.tsx'
import { ProducePage } from '../features/produce/produce-page.tsx'
import { RequestLogPanel } from '../features/request-log/request-log-panel.tsx'
import { TopicDetailPage } from '../features/topics/topic-detail-page.tsx'
import { TopicsPage } from '../features/topics/topics-page.tsx'
import { navigate, useHashLocation } from '../lib/router/hash-location.ts'
import { usePreferencesStore } from '../stores/preferences-store.ts'
import { AppHeader } from './app-header.tsx'
import { NotFound } from './not-found.tsx'
import { useServerConfig } from './use-server-config.ts'
import { useTheme } from './use-theme.ts'

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
      <main className="flex-1 overflow-auto px-4 py-5 lg:px-8">{page}</main>
      {showLog && <RequestLogPanel onClose={() => setShowLog(false)} />}
    </div>
  )
}
