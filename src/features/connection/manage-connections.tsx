import { useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { Button } from '../../components/button.tsx'
import { FieldHint } from '../../components/field.tsx'
import {
  byRecentUse,
  exportConnections,
  MAX_IMPORT_CHARS,
  parseConnectionsImport,
} from '../../lib/connection/saved-connections.ts'
import { saveBlob } from '../../lib/save-blob.ts'
import { useSavedConnectionsStore } from '../../stores/saved-connections-store.ts'
import { SavedConnectionRow } from './saved-connection-row.tsx'

/** Saved connections: rename, delete, export and import as JSON (never with a secret). */
export function ManageConnections() {
  const connections = useSavedConnectionsStore(useShallow((s) => byRecentUse(s.connections)))
  const importMany = useSavedConnectionsStore((s) => s.importMany)
  const fileRef = useRef<HTMLInputElement>(null)
  const [message, setMessage] = useState<{ tone: 'muted' | 'error'; text: string } | null>(null)

  const onFile = async (file: File | undefined) => {
    if (!file) return
    if (file.size > MAX_IMPORT_CHARS) {
      setMessage({ tone: 'error', text: 'The file is too large to be a connections export (over 1 MB).' })
      return
    }
    const result = parseConnectionsImport(await file.text())
    if (!result.ok) setMessage({ tone: 'error', text: result.error })
    else {
      const n = importMany(result.connections)
      setMessage({ tone: 'muted', text: `Imported ${n} connection${n === 1 ? '' : 's'} from ${file.name}.` })
    }
    if (fileRef.current) fileRef.current.value = ''
  }

  return (
    <section
      aria-labelledby="saved-connections-title"
      className="mt-5 rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="saved-connections-title" className="text-base font-semibold">
        Saved connections
      </h2>
      {connections.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          None yet: fill the form and press Save connection, or import a file.
        </p>
      ) : (
        <ul aria-label="Saved connections" className="mt-2 divide-y divide-slate-200 dark:divide-slate-700">
          {connections.map((c) => (
            <SavedConnectionRow key={c.id} connection={c} />
          ))}
        </ul>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          size="sm"
          disabled={connections.length === 0}
          onClick={() =>
            saveBlob(
              new Blob([exportConnections(connections)], { type: 'application/json' }),
              'kafka-rest-connections.json',
            )
          }
        >
          Export connections
        </Button>
        <Button size="sm" onClick={() => fileRef.current?.click()}>
          Import connections
        </Button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          aria-label="Connections file to import"
          tabIndex={-1}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </div>
      {message && (
        <div role={message.tone === 'error' ? 'alert' : 'status'}>
          <FieldHint tone={message.tone}>{message.text}</FieldHint>
        </div>
      )}
      <FieldHint>Exports hold no API key, password or token; an import holding one is refused.</FieldHint>
    </section>
  )
}
