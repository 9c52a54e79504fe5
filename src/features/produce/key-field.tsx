import { useId } from 'react'
import { FieldHint, inputClass } from '../../components/field.tsx'
import { FormatRadios } from './format-radios.tsx'
import { isRegistryFormat, type KeyFormat, type RecordDraft } from './record-draft.ts'
import { RegistryFormatFields } from './registry-format-fields.tsx'
import { REGISTRY_OPTIONS, type RegistryContext } from './registry-value.ts'
import { useEncoded } from './use-encoded.ts'
import { partOf, useRegistrySchema } from './use-registry-encoder.ts'

const OPTIONS = [
  { value: 'none' as const, label: 'No key' },
  { value: 'text' as const, label: 'Text' },
  { value: 'base64' as const, label: 'Base64' },
]

/** Key format (none, UTF-8 text, base64; Avro, Protobuf, JSON Schema with a registry) and the key itself. */
export function KeyField({
  draft,
  registry,
  showErrors,
  onChange,
}: {
  draft: RecordDraft
  registry: RegistryContext | null
  showErrors: boolean
  onChange(patch: Partial<RecordDraft>): void
}) {
  const id = useId()
  const { keyFormat } = draft
  const schemaBased = isRegistryFormat(keyFormat) && registry !== null
  const info = useEncoded(draft.key, keyFormat === 'base64' ? 'base64' : 'text')
  const schemaState = useRegistrySchema(
    registry?.connectionId ?? '',
    partOf(draft, 'key'),
    registry?.topic ?? '',
  )
  const shown = schemaBased ? schemaState.valueError : info.error
  const error = keyFormat !== 'none' && (showErrors || draft.key !== '') ? shown : null
  return (
    <div className="space-y-2">
      <FormatRadios<KeyFormat>
        legend="Key format"
        value={keyFormat}
        options={registry ? [...OPTIONS, ...REGISTRY_OPTIONS] : OPTIONS}
        onChange={(f) => onChange({ keyFormat: f })}
      />
      {schemaBased && (
        <RegistryFormatFields
          part="key"
          connectionId={registry.connectionId}
          topic={registry.topic}
          choice={draft.keySchema}
          state={schemaState}
          onChoice={(keySchema) => onChange({ keySchema })}
          onValue={(key) => onChange({ key })}
        />
      )}
      {keyFormat !== 'none' && (isRegistryFormat(keyFormat) ? schemaBased : true) && (
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
              (schemaBased
                ? 'JSON, encoded with the schema on send.'
                : draft.key === ''
                  ? 'Empty: the key is 0 bytes, which is not the same as no key.'
                  : info.summary)}
          </FieldHint>
        </div>
      )}
    </div>
  )
}
