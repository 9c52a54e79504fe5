import { groupDigits } from '../lib/group-digits.ts'
import type { ErrorView } from '../lib/error-view.ts'
import { NameText } from './name-text.tsx'
import { DownloadBlobButton } from './download-blob-button.tsx'

/** The most of a message shown, whatever an error carries (errors built elsewhere are not clipped). */
const MAX_SHOWN = 4000

function clipShown(text: string): string {
  return text.length > MAX_SHOWN
    ? `${text.slice(0, MAX_SHOWN)}… (${groupDigits(text.length - MAX_SHOWN)} more characters)`
    : text
}

/**
 * Shows an error the way QA needs it: what happened, what the endpoint said, and what to do. Props only: the
 * caller turns its error into a view with errorView() (src/lib/error-view.ts).
 */
export function ErrorAlert({
  error,
  title = 'Request failed',
  onRetry,
}: {
  error: ErrorView
  title?: string
  onRetry?: () => void
}) {
  const message = clipShown(error.message)
  const body = error.body
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
    >
      <p className="font-semibold">{title}</p>
      {/* overflow-wrap:anywhere: an unbroken run of characters wraps cheaply instead of widening the layout.
          Invisible and reordering characters (an endpoint's, or a quoted name's) are shown marked. */}
      <p className="mt-1 [overflow-wrap:anywhere]">
        <NameText name={clipShown(message)} maxChars={MAX_SHOWN + 100} />
      </p>
      {error.details.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {error.details.map((d, i) => (
            <li key={i} className="[overflow-wrap:anywhere]">
              {clipShown(d)}
            </li>
          ))}
        </ul>
      )}
      {error.hint && <p className="mt-1 text-red-800 dark:text-red-200">{error.hint}</p>}
      {error.request && (
        <p className="mt-1 font-mono text-xs break-all text-red-700/80 dark:text-red-300/80">
          {error.request}
        </p>
      )}
      {body && (
        <p className="mt-2">
          <DownloadBlobButton blob={body.blob} fileName={body.fileName} label="Download response body" />
          <span className="ml-2 text-xs text-red-700/80 dark:text-red-300/80">
            {groupDigits(body.blob.size)} bytes
          </span>
        </p>
      )}
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-2 text-sm font-medium underline underline-offset-2"
        >
          Retry
        </button>
      )}
    </div>
  )
}
