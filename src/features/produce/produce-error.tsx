import type { RequestLogEntry } from '../../api/http/transport.ts'
import { isKafkaRestError } from '../../api/errors.ts'
import { ErrorAlert } from '../../components/error-alert.tsx'
import { Notice } from '../../components/notice.tsx'
import { formatBytesSize } from '../../lib/bytes/format-size.ts'
import { errorView } from '../../lib/error-view.ts'
import { CopyCurl } from './copy-curl.tsx'

/** Above this, a dropped connection may well be a size limit. */
const LARGE_BODY = 8 * 1024 * 1024

/** A produce that failed as a whole (HTTP error, size refused, network, cancelled), with its request for curl. */
export function ProduceError({ error, requests }: { error: unknown; requests: RequestLogEntry[] }) {
  const e = isKafkaRestError(error) ? error : null
  if (e?.kind === 'aborted' || (error instanceof DOMException && error.name === 'AbortError')) {
    return (
      <Notice tone="warning" role="status">
        {requests.length === 0
          ? 'Cancelled before sending: nothing was produced.'
          : 'Cancelled during the upload: the endpoint did not confirm anything, so check the topic before retrying.'}
      </Notice>
    )
  }
  const size = requests.reduce((n, r) => n + (r.body?.size ?? 0), 0)
  const tooLarge = e?.status === 413 || e?.proxyKind === 'body_too_large'
  const title = tooLarge
    ? `Too large: ${e?.kind === 'proxy' ? 'the console server' : 'the endpoint'} refused the ${formatBytesSize(size)} request (HTTP 413)`
    : 'Produce failed: nothing was confirmed'
  return (
    <div className="space-y-2">
      <ErrorAlert title={title} error={errorView(error)} />
      {!tooLarge && size > LARGE_BODY && (e?.kind === 'network' || e?.kind === 'proxy') && (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The request was {formatBytesSize(size)}. Servers often cut the connection instead of answering 413
          when a body is over their size limit: try a smaller file to tell the two apart.
        </p>
      )}
      {tooLarge && (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          A value travels base64-encoded inside JSON, so the request is about a third larger than the file.
          Send a smaller file, or raise the limit on the server side.
        </p>
      )}
      <CopyCurl requests={requests} />
    </div>
  )
}
