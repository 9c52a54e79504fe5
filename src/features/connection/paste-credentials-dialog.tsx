import { useEffect, useId, useRef, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { FieldHint, inputClass } from '../../components/field.tsx'
import { parseCredentials, type ParsedCredentials } from '../../lib/credentials/parse-credentials.ts'

interface Props {
  open: boolean
  onClose(): void
  onApply(credentials: ParsedCredentials): void
}

/** Paste VCAP_SERVICES or a credentials object; the fields are filled from it. Nothing pasted is kept. */
export function PasteCredentialsDialog({ open, onClose, onApply }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const id = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  const apply = () => {
    const result = parseCredentials(text)
    if (!result.ok) {
      setError(result.error)
      return
    }
    setText('')
    setError(null)
    onApply(result.credentials)
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      className="m-auto w-[min(40rem,92vw)] rounded-lg border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        Paste service credentials
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        IBM Event Streams service credentials (<code>kafka_http_url</code>, <code>kafka_admin_url</code>,{' '}
        <code>apikey</code>) or Message Hub’s VCAP_SERVICES (<code>kafka_rest_url</code>, <code>api_key</code>
        ); Confluent Cloud’s API key file; an Aiven service JSON; or a URL with user and password (
        <code>https://user:password@host:port</code>). A Schema Registry (<code>schema_registry_url</code>,{' '}
        <code>schema.registry.url</code>, Aiven’s <code>schema_registry_uri</code>) fills the registry fields
        too.
      </p>
      <label htmlFor={`${id}-text`} className="mt-3 block text-xs font-semibold">
        Credentials
      </label>
      <textarea
        id={`${id}-text`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={10}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`${inputClass} mt-1 font-mono text-xs`}
      />
      {error && (
        <FieldHint id={`${id}-error`} tone="error">
          {error}
        </FieldHint>
      )}
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="primary" onClick={apply}>
          Use these credentials
        </Button>
      </div>
    </dialog>
  )
}
