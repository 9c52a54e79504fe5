import { useState, type FormEvent, type ReactNode } from 'react'
import { Button } from './button.tsx'
import { TextField } from './field.tsx'
import { Modal } from './modal.tsx'

/**
 * Asks the user to type a name (a topic's) before an action goes ahead: the production guard, and any action a
 * misclick must not trigger. Props only; render it outside other forms (it holds its own).
 */
export function TypedConfirm({
  open,
  title,
  expected,
  children,
  label = 'Type the topic name to confirm',
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean
  title: string
  /** What must be typed, exactly. */
  expected: string
  children?: ReactNode
  label?: string
  confirmLabel: string
  onConfirm(): void
  onCancel(): void
}) {
  const [typed, setTyped] = useState('')
  const matches = typed === expected
  const close = () => {
    setTyped('')
    onCancel()
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    e.stopPropagation()
    if (!matches) return
    setTyped('')
    onConfirm()
  }
  return (
    <Modal open={open} onClose={close} title={title}>
      <form onSubmit={submit} className="space-y-3" aria-label={title}>
        {children}
        <TextField
          label={label}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          hint={
            <>
              Type <span className="font-mono font-semibold whitespace-pre-wrap">{expected}</span> exactly.
            </>
          }
        />
        <div className="flex justify-end gap-2">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={!matches}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Modal>
  )
}
