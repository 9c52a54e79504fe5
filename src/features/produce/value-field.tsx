import { useId } from 'react'
import type { Capabilities } from '../../api/capabilities.ts'
import { Button } from '../../components/button.tsx'
import { FieldHint, inputClass } from '../../components/field.tsx'
import { prettyJson } from '../../lib/json/json-text.ts'
import { FileValue } from './file-value.tsx'
import { FormatRadios } from './format-radios.tsx'
import { isRegistryFormat, type RecordDraft, type ValueFormat } from './record-draft.ts'
import { RegistryFormatFields } from './registry-format-fields.tsx'
import { useEncoded } from './use-encoded.ts'
import { REGISTRY_OPTIONS, type RegistryContext } from './registry-value.ts'
import { partOf, useRegistrySchema } from './use-registry-encoder.ts'

/**
 * Value format (text, JSON, base64, file, null; Avro, Protobuf, JSON Schema with a registry) and the value: a
 * textarea, or a file. A registry format's value is typed as JSON and checked against its schema while typing.
 */
export function ValueField({
  draft,
  caps,
  registry,
  showErrors,
  onChange,
}: {
  draft: RecordDraft
  caps: Capabilities
  registry: RegistryContext | null
  showErrors: boolean
  onChange(patch: Partial<RecordDraft>): void
}) {
  const id = useId()
  const { valueFormat } = draft
  const schemaBased = isRegistryFormat(valueFormat) && registry !== null
  const plain = valueFormat === 'text' || valueFormat === 'json' || valueFormat === 'base64'
  const typed = plain || schemaBased
  const info = useEncoded(draft.value, plain ? valueFormat : 'json')
  const schemaState = useRegistrySchema(
    registry?.connectionId ?? '',
    partOf(draft, 'value'),
    registry?.topic ?? '',
  )
  const shown = schemaBased ? schemaState.valueError : info.error
  const error = typed && (showErrors || draft.value !== '') ? shown : null
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
    ...(registry ? REGISTRY_OPTIONS : []),
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
      {schemaBased && (
        <RegistryFormatFields
          part="value"
          connectionId={registry.connectionId}
          topic={registry.topic}
          choice={draft.schema}
          state={schemaState}
          onChoice={(schema) => onChange({ schema })}
          onValue={(value) => onChange({ value })}
        />
      )}
      {typed && (
        <div>
          <div className="mb-1 flex items-end justify-between gap-2">
            <label htmlFor={id} className="block text-xs font-semibold text-slate-700 dark:text-slate-300">
              Value
            </label>
            {(valueFormat === 'json' || schemaBased) && (
              <Button size="sm" variant="ghost" onClick={format} disabled={!!info.error}>
                Format JSON
              </Button>
            )}
          </div>
          <textarea
            id={id}
            value={draft.value}
            onChange={(e) => onChange({ value: e.target.value })}
            rows={valueFormat === 'json' || schemaBased ? 8 : 5}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint`}
            data-error-index={error?.index}
            className={`${inputClass} resize-y font-mono`}
          />
          <FieldHint id={`${id}-hint`} tone={error ? 'error' : 'muted'}>
            {error?.message ??
              (schemaBased
                ? 'JSON, encoded with the schema on send.'
                : draft.value === ''
                  ? 'Empty: the value is 0 bytes.'
                  : info.summary)}
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
