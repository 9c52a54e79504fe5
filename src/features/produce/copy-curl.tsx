import { useId, useState } from 'react'
import type { RequestLogEntry } from '../../api/http/transport.ts'
import { CopyButton } from '../../components/copy-button.tsx'
import { formatBytesSize } from '../../lib/bytes/format-size.ts'
import { useConnectionStore } from '../../stores/connection-store.ts'
import { requestsAsCurl } from './request-capture.ts'

/** Copy as curl for the produce request(s): `$API_KEY` (Basic: `$API_KEY:$API_SECRET`) unless Include API key is ticked. */
export function CopyCurl({ requests }: { requests: RequestLogEntry[] }) {
  const [includeKey, setIncludeKey] = useState(false)
  const id = useId()
  if (requests.length === 0) return null
  const omitted = requests.filter((r) => r.body && r.body.text === null)
  return (
    <div className="flex flex-wrap items-center gap-3">
      <CopyButton
        label={requests.length > 1 ? `Copy as curl (${requests.length} requests)` : 'Copy as curl'}
        aria-label="Copy as curl"
        getText={() => {
          const form = useConnectionStore.getState().form
          return includeKey ? requestsAsCurl(requests, form.apiKey, form.username) : requestsAsCurl(requests)
        }}
      />
      <label htmlFor={id} className="flex items-center gap-1.5 text-xs">
        <input
          id={id}
          type="checkbox"
          checked={includeKey}
          onChange={(e) => setIncludeKey(e.target.checked)}
          className="accent-indigo-600"
        />
        Include API key
      </label>
      {omitted.length > 0 && (
        <span className="text-xs text-slate-500 dark:text-slate-400">
          The body ({formatBytesSize(omitted[0].body?.size ?? 0)}) is too large to paste: the command reads it
          from body.bin.
        </span>
      )}
    </div>
  )
}
