import { useId } from 'react'
import type { Capabilities } from '../../api/capabilities.ts'
import { Button } from '../../components/button.tsx'
import { FieldHint, inputClass } from '../../components/field.tsx'
import { prettyJson } from '../../lib/json/json-text.ts'
import { FileValue } from './file-value.tsx'
import { FormatRadios } from './format-radios.tsx'
import type { RecordDraft, ValueFormat } from './record-draft.ts'
import { useEncoded } from './use-encoded.ts'

/** Value format (text, JSON, base64, file, null) and the value: a textarea, or a file. */
export function ValueField({
  draft,
  caps,
  showErrors,
  onChange,
}: {
  draft: RecordDraft
  caps: Capabilities
  showErrors: boolean
  onChange(patch: Partial<RecordDraft>): void
}) {
  const id = useId()
  const { valueFormat } = draft
  const typed = valueFormat === 'text' || valueFormat === 'json' || valueFormat === 'base64'
  const info = useEncoded(draft.value, typed ? valueFormat : 'text')
  const error = typed && (showErrors || draft.value !== '') ? info.error : null
  const options = [
    { value: 'text' as const, label: 'Text' },
    { value: 'json' as const, label: 'JSON' },
    { value: 'base64' as const, label: 'Base64' },
    { value: 'file' as const, label: 'File' },
    {
      value: 'null' as const,
      label: 'Null (tombstone)',
      disabled: !caps.produce?.tombstones && valueFormat !== 'null',
    },
  ]
  const format = () => {
    const pretty = prettyJson(draft.value)
    if (pretty.ok) onChange({ value: pretty.text })
  }
  return (
    <div className="space-y-2">
      <FormatRadios<ValueFormat>
        legend="Value format"
        value={valueFormat}
        options={options}
        onChange={(f) => onChange({ valueFormat: f })}
      />
      {!caps.produce?.tombstones && valueFormat !== 'null' && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          This endpoint cannot send a null value (tombstone).
        </p>
      )}
      {typed && (
        <div>
          <div className="mb-1 flex items-end justify-between gap-2">
            <label htmlFor={id} className="block text-xs font-semibold text-slate-700 dark:text-slate-300">
              Value
            </label>
            {valueFormat === 'json' && (
              <Button size="sm" variant="ghost" onClick={format} disabled={!!info.error}>
                Format JSON
              </Button>
            )}
          </div>
          <textarea
            id={id}
            value={draft.value}
            onChange={(e) => onChange({ value: e.target.value })}
            rows={valueFormat === 'json' ? 8 : 5}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint`}
            data-error-index={error?.index}
            className={`${inputClass} resize-y font-mono`}
          />
          <FieldHint id={`${id}-hint`} tone={error ? 'error' : 'muted'}>
            {error?.message ?? (draft.value === '' ? 'Empty: the value is 0 bytes.' : info.summary)}
          </FieldHint>
        </div>
      )}
      {valueFormat === 'file' && (
        <FileValue
          file={draft.file}
          onChange={(file) => onChange({ file })}
          error={showErrors && !draft.file ? 'Choose a file (an empty file is fine).' : undefined}
        />
      )}
      {valueFormat === 'null' && (
        <p
          className={`text-sm ${caps.produce?.tombstones ? 'text-slate-600 dark:text-slate-300' : 'text-red-700 dark:text-red-400'}`}
        >
          {caps.produce?.tombstones
            ? 'The value is null: a tombstone, which deletes the key in a compacted topic.'
            : 'This endpoint cannot send a null value (tombstone): choose another format.'}
        </p>
      )}
    </div>
  )
}
