import { useId } from 'react'
import { FieldHint } from '../../components/field.tsx'

export type ValueSource = 'template' | 'schema'

/** "Template" or "From schema"; the latter disabled, with the reason, when no registry is connected. */
export function ValueSourceChoice({
  value,
  onChange,
  schemaUnavailable,
}: {
  value: ValueSource
  onChange(next: ValueSource): void
  /** Why "From schema" cannot be chosen; null when it can. */
  schemaUnavailable: string | null
}) {
  const name = useId()
  const options: { value: ValueSource; label: string; disabled: boolean }[] = [
    { value: 'template', label: 'Template', disabled: false },
    { value: 'schema', label: 'From schema', disabled: schemaUnavailable !== null },
  ]
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">Value source</legend>
      <div className="flex flex-wrap gap-4 text-sm">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-1.5 has-disabled:opacity-60">
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              disabled={o.disabled}
              aria-describedby={o.disabled ? `${name}-why` : undefined}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
      {schemaUnavailable && <FieldHint id={`${name}-why`}>{schemaUnavailable}</FieldHint>}
    </fieldset>
  )
}
