import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_RENDER_ERROR_CHARS } from '../lib/render-error.ts'
import { ErrorBoundary } from './error-boundary.tsx'

let broken = true
function Page({ message = 'boom' }: { message?: string }) {
  if (broken) throw new Error(message)
  return <p>page content</p>
}

function Shell({ page, message }: { page: string; message?: string }) {
  return (
    <div>
      <header>
        <button type="button">Disconnect</button>
      </header>
      <main>
        <ErrorBoundary what="Topics page" resetKey={page} escape={<a href="#/topics">Back to Topics</a>}>
          <Page message={message} />
        </ErrorBoundary>
      </main>
    </div>
  )
}

describe('ErrorBoundary', () => {
  beforeEach(() => {
    broken = true
    // React and the boundary log caught errors; keep the test output readable.
    vi.spyOn(console, 'error').mockImplementation(() => {})
  })
  afterEach(() => vi.restoreAllMocks())

  it('shows what failed, keeps the rest of the shell, and offers Retry and a way out', async () => {
    render(<Shell page="/topics" message="Cannot read properties of undefined" />)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('The Topics page could not be shown')
    expect(alert).toHaveTextContent('Error: Cannot read properties of undefined')
    expect(screen.getByRole('button', { name: 'Disconnect' })).toBeVisible()
    expect(screen.getByRole('link', { name: 'Back to Topics' })).toBeVisible()

    broken = false
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(screen.getByText('page content')).toBeVisible()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('tries again when the route changes', () => {
    const { rerender } = render(<Shell page="/topics" />)
    expect(screen.getByRole('alert')).toBeVisible()
    broken = false
    rerender(<Shell page="/produce" />)
    expect(screen.getByText('page content')).toBeVisible()
  })

  it('caps a huge error message and shows its invisible characters', () => {
    render(<Shell page="/topics" message={`\u202E${'x'.repeat(2_000_000)}`} />)
    const alert = screen.getByRole('alert')
    expect(alert.textContent!.length).toBeLessThan(MAX_RENDER_ERROR_CHARS + 400)
    expect(alert).toHaveTextContent('U+202E')
    expect(alert).toHaveTextContent(/more characters/)
  })

  it('survives an error whose message cannot even be read', () => {
    const hostile = {
      get message(): string {
        throw new Error('no')
      },
    }
    function Throws(): never {
      throw Object.setPrototypeOf(hostile, Error.prototype)
    }
    render(
      <ErrorBoundary what="Browse page">
        <Throws />
      </ErrorBoundary>,
    )
    expect(screen.getByRole('alert')).toHaveTextContent('an error that cannot be shown')
  })
})
