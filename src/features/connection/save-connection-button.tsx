import { useState, type FormEvent } from 'react'
import { createPortal } from 'react-dom'
import { Button } from '../../components/button.tsx'
import { FieldHint } from '../../components/field.tsx'
import { Modal } from '../../components/modal.tsx'
import { TextField } from '../../components/field.tsx'
import { nameProblem, suggestName } from '../../lib/connection/saved-connections.ts'
import { useConnectionStore } from '../../stores/connection-store.ts'
import { useSavedConnectionsStore } from '../../stores/saved-connections-store.ts'

/**
 * Save connection: the form's endpoint, dialect, proxy, auth scheme and usernames, registry URL and environment
 * under a name — never a secret. Filled from a saved connection, it offers to update that one instead (Edit).
 */
export function SaveConnectionButton() {
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [asNew, setAsNew] = useState(true)
  const connections = useSavedConnectionsStore((s) => s.connections)
  const savedId = useConnectionStore((s) => s.form.savedId)
  const existing = connections.find((c) => c.id === savedId)

  const start = () => {
    const form = useConnectionStore.getState().form
    setName(existing?.name ?? suggestName(form.endpoint))
    setAsNew(!existing)
    setError(null)
    setOpen(true)
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    // The dialog is portalled out of the connection form, but React still bubbles the submit to it.
    e.stopPropagation()
    const { form, setForm } = useConnectionStore.getState()
    const store = useSavedConnectionsStore.getState()
    const problem = nameProblem(name, store.connections, asNew ? undefined : existing?.id)
    if (problem) {
      setError(problem)
      return
    }
    if (!asNew && existing) {
      store.update(existing.id, { ...form, name })
    } else {
      const id = store.save(form, name, form.environment)
      setForm({ savedId: id })
    }
    setOpen(false)
  }

  return (
    <>
      <Button onClick={start}>Save connection</Button>
      {createPortal(
        <Modal open={open} onClose={() => setOpen(false)} title="Save connection">
          <form onSubmit={submit} className="space-y-3" aria-label="Save connection">
            <TextField
              label="Connection name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={error}
              autoFocus
              maxLength={80}
            />
            {existing && (
              <fieldset className="space-y-1 text-sm">
                <legend className="text-xs font-semibold">Save as</legend>
                <label className="flex items-center gap-2">
                  <input type="radio" name="save-as" checked={!asNew} onChange={() => setAsNew(false)} />
                  Update “{existing.name}” with the form as it is now
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" name="save-as" checked={asNew} onChange={() => setAsNew(true)} />A new
                  connection
                </label>
              </fieldset>
            )}
            <FieldHint>
              Saved in this browser (localStorage) without the API key, password or token: those are typed
              again in each new tab.
            </FieldHint>
            <div className="flex justify-end gap-2">
              <Button onClick={() => setOpen(false)}>Cancel</Button>
              <Button type="submit" variant="primary">
                Save
              </Button>
            </div>
          </form>
        </Modal>,
        document.body,
      )}
    </>
  )
}
