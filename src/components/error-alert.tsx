import { isKafkaRestError } from '../api/errors.ts'
import { NameText } from './name-text.tsx'

/** Invisible and reordering characters in a message (an endpoint's, or one quoting a name) are shown marked. */
const MAX_SHOWN_MESSAGE = 10_000

/** Shows any error the way QA needs it: what happened, what the endpoint said, and what to do. */
export function ErrorAlert({
  error,
  title = 'Request failed',
  onRetry,
}: {
  error: unknown
  title?: string
  onRetry?: () => void
}) {
  const e = isKafkaRestError(error) ? error : null
  const message = e ? e.message : error instanceof Error ? error.message : String(error)
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1 break-words">
        <NameText name={message} maxChars={MAX_SHOWN_MESSAGE} />
      </p>
      {e && e.details.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {e.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
      {e?.hint && <p className="mt-1 text-red-800 dark:text-red-200">{e.hint}</p>}
      {e?.request && (
        <p className="mt-1 font-mono text-xs break-all text-red-700/80 dark:text-red-300/80">
          {e.request.method} {e.request.url}
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
