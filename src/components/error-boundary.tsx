import { Component, type ErrorInfo, type ReactNode } from 'react'
import { MAX_RENDER_ERROR_CHARS, renderErrorMessage } from '../lib/render-error.ts'
import { NameText } from './name-text.tsx'

interface Props {
  /** What failed, for the message: "Topics page", "request log". */
  what: string
  children: ReactNode
  /** When this changes (e.g. the route), a failed subtree is tried again. */
  resetKey?: string
  /** A way out besides Retry, e.g. a link back to the topic list. */
  escape?: ReactNode
  /** Replaces the default message (the app shell's fallback brings its own header). */
  fallback?: (error: unknown, retry: () => void) => ReactNode
}

interface State {
  error: unknown
  failed: boolean
}

/**
 * Contains a render error to one part of the page: it shows what failed with Retry (and `escape`) instead of
 * unmounting everything up to the root, which leaves a blank page.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, failed: false }

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true }
  }

  componentDidUpdate(prev: Props) {
    if (this.state.failed && prev.resetKey !== this.props.resetKey)
      this.setState({ error: null, failed: false })
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    // Kept for whoever opens the developer tools; the page itself shows a capped message.
    console.error(`${this.props.what} failed to render`, error, info.componentStack)
  }

  private readonly retry = () => this.setState({ error: null, failed: false })

  render() {
    if (!this.state.failed) return this.props.children
    if (this.props.fallback) return this.props.fallback(this.state.error, this.retry)
    return (
      <RenderFailed what={this.props.what} error={this.state.error} onRetry={this.retry}>
        {this.props.escape}
      </RenderFailed>
    )
  }
}

export function RenderFailed({
  what,
  error,
  onRetry,
  children,
}: {
  what: string
  error: unknown
  onRetry: () => void
  children?: ReactNode
}) {
  return (
    <div
      role="alert"
      aria-labelledby="render-failed-title"
      className="mx-auto max-w-2xl space-y-2 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
    >
      <h1 id="render-failed-title" className="text-base font-semibold">
        The {what} could not be shown
      </h1>
      <p className="font-mono text-xs break-all">
        <NameText name={renderErrorMessage(error)} maxChars={MAX_RENDER_ERROR_CHARS} />
      </p>
      <p>
        The rest of the console still works. Retry, go elsewhere, or reload the page. If it keeps failing, the
        endpoint probably sent something the console cannot show.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={onRetry}
          className="rounded-md border border-red-300 bg-white px-3 py-1 text-sm font-medium hover:bg-red-100 dark:border-red-700 dark:bg-transparent dark:hover:bg-red-900"
        >
          Retry
        </button>
        {children}
      </div>
    </div>
  )
}
