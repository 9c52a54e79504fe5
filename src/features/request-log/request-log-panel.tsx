import { useState } from 'react'
import { toCurl } from '../../api/http/curl.ts'
import type { RequestLogEntry } from '../../api/http/transport.ts'
import { Button } from '../../components/button.tsx'
import { CopyButton } from '../../components/copy-button.tsx'
import { useConnectionStore } from '../../stores/connection-store.ts'
import { useRequestLogStore } from '../../stores/request-log-store.ts'

function statusClass(e: RequestLogEntry): string {
  if (e.status === null) return e.error ? 'text-red-700 dark:text-red-400' : 'text-slate-500'
  if (e.status >= 400) return 'text-red-700 dark:text-red-400'
  return 'text-emerald-700 dark:text-emerald-400'
}

/** The secret the entry's service was called with: the API key, or the Schema Registry's user and secret. */
function secretsFor(e: RequestLogEntry): { apiKey: string; user?: string } {
  const form = useConnectionStore.getState().form
  return e.service === 'registry'
    ? { apiKey: form.registrySecret, user: form.registryUser }
    : { apiKey: form.apiKey, user: form.username }
}

/** Every REST call with method, URL, status, duration and media types, and Copy as curl for bug reports. */
export function RequestLogPanel({ onClose }: { onClose(): void }) {
  const entries = useRequestLogStore((s) => s.entries)
  const clear = useRequestLogStore((s) => s.clear)
  const [includeKey, setIncludeKey] = useState(false)
  const shown = entries.slice(-200).reverse()
  return (
    <section
      aria-labelledby="request-log-title"
      className="flex h-72 flex-col border-t border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-950"
    >
      <div className="flex items-center gap-3 border-b border-slate-200 px-3 py-1.5 dark:border-slate-800">
        <h2 id="request-log-title" className="text-sm font-semibold">
          Request log
        </h2>
        <span className="text-xs text-slate-500">{entries.length} requests</span>
        <label className="ml-auto flex items-center gap-1.5 text-xs">
          <input
            type="checkbox"
            checked={includeKey}
            onChange={(e) => setIncludeKey(e.target.checked)}
            className="accent-indigo-600"
          />
          Include API key in curl
        </label>
        <Button size="sm" onClick={clear}>
          Clear
        </Button>
        <Button size="sm" variant="ghost" onClick={onClose} aria-label="Close request log">
          ✕
        </Button>
      </div>
      <ol aria-label="Requests" className="flex-1 overflow-auto font-mono text-xs">
        {shown.map((e) => (
          <li
            key={e.id}
            className="flex items-center gap-2 border-b border-slate-100 px-3 py-1 dark:border-slate-900"
          >
            <span className="w-12 font-semibold">{e.method}</span>
            <span className={`w-10 ${statusClass(e)}`}>{e.status ?? (e.error ? 'ERR' : '…')}</span>
            <span className="w-14 text-right text-slate-500">
              {e.durationMs === null ? '' : `${e.durationMs} ms`}
            </span>
            <span className="min-w-0 flex-1 truncate" title={e.error ?? e.url}>
              {e.url}
            </span>
            <span
              className="hidden max-w-72 truncate text-slate-500 lg:inline"
              title={e.headers.map((h) => `${h.name}: ${h.value}`).join('\n')}
            >
              {e.headers.find((h) => h.name === 'Content-Type')?.value ??
                e.headers.find((h) => h.name === 'Accept')?.value ??
                ''}
            </span>
            <CopyButton
              label="Copy as curl"
              aria-label={`Copy request ${e.id} as curl`}
              getText={() => toCurl(e, includeKey ? secretsFor(e) : {})}
            />
          </li>
        ))}
        {shown.length === 0 && <li className="px-3 py-2 text-slate-500">No requests yet.</li>}
      </ol>
    </section>
  )
}
