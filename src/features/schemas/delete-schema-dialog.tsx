import { useState, type FormEvent } from 'react'
import { Button } from '../../components/button.tsx'
import { ErrorAlert } from '../../components/error-alert.tsx'
import { TextField } from '../../components/field.tsx'
import { Modal } from '../../components/modal.tsx'
import { useDeleteSchemaVersion, useDeleteSubject } from '../../data/registry/registry-mutations.ts'
import { errorView } from '../../lib/error-view.ts'
import { visibleNameText } from '../../lib/visible-name.ts'

export type DeleteTarget = { kind: 'subject' } | { kind: 'version'; version: number }

/**
 * Soft delete of a subject or one of its versions, with the subject name typed again: a misclick must not break
 * the producers that use it. Soft-deleted schemas stay readable by id, so existing records still decode.
 */
export function DeleteSchemaDialog({
  connectionId,
  subject,
  target,
  onClose,
  onDeleted,
}: {
  connectionId: string
  subject: string
  target: DeleteTarget | null
  onClose(): void
  onDeleted(): void
}) {
  const delSubject = useDeleteSubject(connectionId)
  const delVersion = useDeleteSchemaVersion(connectionId)
  const del = target?.kind === 'version' ? delVersion : delSubject
  const [typed, setTyped] = useState('')
  const shown = visibleNameText(subject)
  const what = target?.kind === 'version' ? `version ${target.version} of ${shown}` : `subject ${shown}`
  const close = () => {
    setTyped('')
    delSubject.reset()
    delVersion.reset()
    onClose()
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (typed !== subject || !target) return
    const done = {
      onSuccess: () => {
        setTyped('')
        onDeleted()
      },
    }
    if (target.kind === 'version') delVersion.mutate({ subject, version: target.version }, done)
    else delSubject.mutate(subject, done)
  }
  return (
    <Modal open={target !== null} onClose={close} title={`Delete ${what}?`}>
      <form onSubmit={submit} className="space-y-3">
        <p className="text-sm">
          A soft delete: {target?.kind === 'version' ? 'the version leaves' : 'all its versions leave'} the
          subject, and producers can no longer use {target?.kind === 'version' ? 'it' : 'them'} by version.
          Records already written still decode (their schema ids stay readable).
        </p>
        <TextField
          label="Type the subject name to confirm"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        {del.isError && <ErrorAlert title={`Could not delete ${what}`} error={errorView(del.error)} />}
        <div className="flex justify-end gap-2">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={typed !== subject || del.isPending}>
            {del.isPending ? 'Deleting…' : target?.kind === 'version' ? 'Delete version' : 'Delete subject'}
          </Button>
        </div>
      </form>
    </Modal>
  )
}
