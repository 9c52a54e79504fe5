import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ErrorBoundary } from '../components/error-boundary.tsx'
import { useConnectionStore } from '../stores/connection-store.ts'
import { ShellFailed } from './shell-failed.tsx'

let broken = true
function Shell(): React.ReactNode {
  if (broken) throw new TypeError("Cannot read properties of undefined (reading 'capabilities')")
  return <p>console</p>
}

describe('ShellFailed (the whole app failed to render)', () => {
  beforeEach(() => {
    broken = true
    vi.spyOn(console, 'error').mockImplementation(() => {})
  })
  afterEach(() => vi.restoreAllMocks())

  it('shows the error with a header that still disconnects, then tries again', async () => {
    useConnectionStore.setState({
      active: { id: 'c1', profile: { dialect: 'confluent-v2' }, connectedAt: 0, environment: 'development' },
      form: { ...useConnectionStore.getState().form, apiKey: 'secret' },
    })
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ErrorBoundary
          what="console"
          fallback={(error, retry) => <ShellFailed error={error} onRetry={retry} />}
        >
          <Shell />
        </ErrorBoundary>
      </QueryClientProvider>,
    )
    expect(screen.getByRole('alert')).toHaveTextContent('The console could not be shown')
    expect(screen.getByRole('alert')).toHaveTextContent(
      "TypeError: Cannot read properties of undefined (reading 'capabilities')",
    )
    broken = false
    await userEvent.click(screen.getByRole('button', { name: 'Disconnect' }))
    expect(useConnectionStore.getState().active).toBeNull()
    expect(useConnectionStore.getState().form.apiKey).toBe('')
    expect(window.location.hash).toBe('#/connect')
    expect(screen.getByText('console')).toBeVisible()
  })
})
