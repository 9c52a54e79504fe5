import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app.tsx'
import { ShellFailed } from './app/shell-failed.tsx'
import { ErrorBoundary } from './components/error-boundary.tsx'
import { createQueryClient } from './app/query-client.ts'
import './index.css'

const queryClient = createQueryClient()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ErrorBoundary
        what="console"
        fallback={(error, retry) => <ShellFailed error={error} onRetry={retry} />}
      >
        <App />
      </ErrorBoundary>
    </QueryClientProvider>
  </StrictMode>,
)
