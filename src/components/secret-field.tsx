import { useState } from 'react'
import { Button } from './button.tsx'
import { TextField } from './field.tsx'

/**
 * A secret (API key, password, token) typed into a password box with Show/Hide beside it. Never autocompleted or
 * spell-checked, so a browser neither stores nor sends it anywhere.
 */
export function SecretField({
  label,
  value,
  onChange,
  hint,
}: {
  label: string
  value: string
  onChange(value: string): void
  hint?: string
}) {
  const [reveal, setReveal] = useState(false)
  const name = label.toLowerCase()
  return (
    <TextField
      label={label}
      type={reveal ? 'text' : 'password'}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete="off"
      spellCheck={false}
      hint={hint}
      trailing={
        <Button
          aria-pressed={reveal}
          onClick={() => setReveal((r) => !r)}
          aria-label={reveal ? `Hide ${name}` : `Show ${name}`}
        >
          {reveal ? 'Hide' : 'Show'}
        </Button>
      }
    />
  )
}
