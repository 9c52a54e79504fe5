import { useId } from 'react'
import { FieldHint, inputClass } from '../../components/field.tsx'
import { FormatRadios } from './format-radios.tsx'
import type { KeyFormat, RecordDraft } from './record-draft.ts'
import { useEncoded } from './use-encoded.ts'

const OPTIONS = [
  { value: 'none' as const, label: 'No key' },
  { value: 'text' as const, label: 'Text' },
  { value: 'base64' as const, label: 'Base64' },
]

/** Key format (none, UTF-8 text, base64) and the key itself. */
export function KeyField({
  draft,
  showErrors,
  onChange,
}: {
  draft: RecordDraft
  showErrors: boolean
  onChange(patch: Partial<RecordDraft>): void
}) {
  const id = useId()
  const format = draft.keyFormat === 'none' ? 'text' : draft.keyFormat
  const info = useEncoded(draft.key, format)
  const error = draft.keyFormat !== 'none' && (showErrors || draft.key !== '') ? info.error : null
  return (
    <div className="space-y-2">
      <FormatRadios<KeyFormat>
        legend="Key format"
        value={draft.keyFormat}
        options={OPTIONS}
        onChange={(keyFormat) => onChange({ keyFormat })}
      />
      {draft.keyFormat !== 'none' && (
        <div>
          <label htmlFor={id} className="mb-1 block text-xs font-semibold text-slate-700 dark:text-slate-300">
            Key
          </label>
          <input
            id={id}
            value={draft.key}
            onChange={(e) => onChange({ key: e.target.value })}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint`}
            data-error-index={error?.index}
            className={`${inputClass} font-mono`}
          />
          <FieldHint id={`${id}-hint`} tone={error ? 'error' : 'muted'}>
            {error?.message ??
              (draft.key === ''
                ? 'Empty: the key is 0 bytes, which is not the same as no key.'
                : info.summary)}
          </FieldHint>
        </div>
      )}
    </div>
  )
}
