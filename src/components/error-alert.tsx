import { groupDigits } from '../lib/group-digits.ts'
import { isKafkaRestError } from '../api/errors.ts'
import { NameText } from './name-text.tsx'
import { DownloadBlobButton } from './download-blob-button.tsx'

/** A file name for a downloaded error body, from its status and content type. */
function bodyFileName(status: number | null, contentType: string | null): string {
  const ext = /html/i.test(contentType ?? '') ? 'html' : /json/i.test(contentType ?? '') ? 'json' : 'txt'
  return `response-${status ?? 'body'}.${ext}`
}

/** The most of a message shown, whatever an error carries (errors built elsewhere are not clipped). */
const MAX_SHOWN = 4000

function clipShown(text: string): string {
  return text.length > MAX_SHOWN
    ? `${text.slice(0, MAX_SHOWN)}… (${groupDigits(text.length - MAX_SHOWN)} more characters)`
    : text
}

/** Shows any error the way QA needs it: what happened, what the endpoint said, and what to do. */
export function ErrorAlert({
  error,
  title = 'Request failed',
  onRetry,
  responseBody,
}: {
  error: unknown
  title?: string
  onRetry?: () => void
  /** The whole response body, offered as a download (default: the error's own, when it carries one). */
  responseBody?: { blob: Blob; fileName: string } | null
}) {
  const e = isKafkaRestError(error) ? error : null
  const message = clipShown(e ? e.message : error instanceof Error ? error.message : String(error))
  const body =
    responseBody ??
    (e?.responseBody
      ? { blob: e.responseBody, fileName: bodyFileName(e.status, e.received?.contentType ?? null) }
      : null)
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
      {e && e.details.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {e.details.map((d, i) => (
            <li key={i} className="[overflow-wrap:anywhere]">
              {clipShown(d)}
            </li>
          ))}
        </ul>
      )}
      {e?.hint && <p className="mt-1 text-red-800 dark:text-red-200">{e.hint}</p>}
      {e?.request && (
        <p className="mt-1 font-mono text-xs break-all text-red-700/80 dark:text-red-300/80">
          {e.request.method} {e.request.url}
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
