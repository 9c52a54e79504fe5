import { useState, type FormEvent } from 'react'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { Button } from '../../components/button.tsx'
import { ErrorAlert } from '../../components/error-alert.tsx'
import { TextField } from '../../components/field.tsx'
import { Modal } from '../../components/modal.tsx'
import { errorView } from '../../lib/error-view.ts'
import { navigate } from '../../lib/router/hash-location.ts'
import { useDeleteTopic } from '../../data/topics/topic-mutations.ts'
import { visibleNameText } from '../../lib/visible-name.ts'
import { useIsProduction } from '../../stores/connection-store.ts'

/** Deleting needs the topic name typed again: a misclick must not destroy data. */
export function DeleteTopicDialog({
  connected,
  topic,
  open,
  onClose,
}: {
  connected: ConnectedClient
  topic: string
  open: boolean
  onClose(): void
}) {
  const del = useDeleteTopic(connected.connectionId)
  const [typed, setTyped] = useState('')
  const production = useIsProduction()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (typed !== topic) return
    del.mutate(topic, { onSuccess: () => navigate('/topics') })
  }
  return (
    <Modal open={open} onClose={onClose} title={`Delete topic ${visibleNameText(topic)}?`}>
      <form onSubmit={submit} className="space-y-3">
        <p className="text-sm">
          All its messages are deleted. This cannot be undone.
          {production && <strong> This connection is tagged production.</strong>}
        </p>
        <TextField
          label="Type the topic name to confirm"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        {del.isError && <ErrorAlert title="Could not delete the topic" error={errorView(del.error)} />}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={typed !== topic || del.isPending}>
            {del.isPending ? 'Deleting…' : 'Delete topic'}
          </Button>
        </div>
      </form>
    </Modal>
  )
}
