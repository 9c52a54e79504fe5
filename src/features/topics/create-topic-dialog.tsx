import { useState, type FormEvent } from 'react'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { Button } from '../../components/button.tsx'
import { ErrorAlert } from '../../components/error-alert.tsx'
import { TextField } from '../../components/field.tsx'
import { Modal } from '../../components/modal.tsx'
import { errorView } from '../../lib/error-view.ts'
import { topicNameError } from '../../lib/topic-name.ts'
import { useCreateTopic } from '../../data/topics/topic-mutations.ts'

export function CreateTopicDialog({
  connected,
  open,
  onClose,
}: {
  connected: ConnectedClient
  open: boolean
  onClose(): void
}) {
  const create = useCreateTopic(connected.connectionId)
  const [name, setName] = useState('')
  const [partitions, setPartitions] = useState('1')
  const [touched, setTouched] = useState(false)
  const nameError = touched ? topicNameError(name) : null
  const count = Number(partitions)
  const countError =
    Number.isInteger(count) && count >= 1 && count <= 10_000 ? null : 'A whole number from 1 to 10000.'

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setTouched(true)
    if (topicNameError(name) || countError) return
    create.mutate(
      { name, partitions: count },
      {
        onSuccess: () => {
          setName('')
          setTouched(false)
          onClose()
        },
      },
    )
  }

  return (
    <Modal open={open} onClose={onClose} title="Create topic">
      <form onSubmit={submit} className="space-y-3">
        <TextField
          label="Topic name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => setTouched(true)}
          error={nameError}
          autoFocus
        />
        <TextField
          label="Partitions"
          type="number"
          min={1}
          value={partitions}
          onChange={(e) => setPartitions(e.target.value)}
          error={countError}
        />
        {create.isError && <ErrorAlert title="Could not create the topic" error={errorView(create.error)} />}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create'}
          </Button>
        </div>
      </form>
    </Modal>
  )
}
