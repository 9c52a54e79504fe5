import { useState } from 'react'
import { Button } from '../../components/button.tsx'
import { TextField } from '../../components/field.tsx'
import { nameProblem, type SavedConnection } from '../../lib/connection/saved-connections.ts'
import { useSavedConnectionsStore } from '../../stores/saved-connections-store.ts'

/** One saved connection: rename in place, or delete after a second click. */
export function SavedConnectionRow({ connection }: { connection: SavedConnection }) {
  const [renaming, setRenaming] = useState(false)
  const [name, setName] = useState(connection.name)
  const [error, setError] = useState<string | null>(null)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const { update, remove } = useSavedConnectionsStore.getState()

  const rename = () => {
    const problem = nameProblem(name, useSavedConnectionsStore.getState().connections, connection.id)
    if (problem) return setError(problem)
    update(connection.id, { name })
    setRenaming(false)
  }

  return (
    <li className="flex flex-wrap items-end gap-2 py-2">
      {renaming ? (
        <TextField
          label={`New name for ${connection.name}`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              rename()
            }
          }}
          error={error}
          maxLength={80}
          className="min-w-56 flex-1"
        />
      ) : (
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium">
            {connection.name}{' '}
            <span
              className={`ml-1 rounded px-1.5 py-0.5 text-xs ${connection.environment === 'production' ? 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200' : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200'}`}
            >
              {connection.environment}
            </span>
          </p>
          <p className="truncate font-mono text-xs text-slate-500 dark:text-slate-400">
            {connection.endpoint}
          </p>
        </div>
      )}
      {renaming ? (
        <>
          <Button size="sm" variant="primary" onClick={rename}>
            Save name
          </Button>
          <Button size="sm" onClick={() => setRenaming(false)}>
            Cancel
          </Button>
        </>
      ) : (
        <Button
          size="sm"
          aria-label={`Rename ${connection.name}`}
          onClick={() => {
            setName(connection.name)
            setError(null)
            setRenaming(true)
          }}
        >
          Rename
        </Button>
      )}
      {confirmDelete ? (
        <Button size="sm" variant="danger" onClick={() => remove(connection.id)}>
          Confirm delete {connection.name}
        </Button>
      ) : (
        <Button size="sm" aria-label={`Delete ${connection.name}`} onClick={() => setConfirmDelete(true)}>
          Delete
        </Button>
      )}
    </li>
  )
}
