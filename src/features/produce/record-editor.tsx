import type { Capabilities } from '../../api/capabilities.ts'
import type { DialectInfo } from '../../api/kafka-rest-client.ts'
import { Button } from '../../components/button.tsx'
import { HeadersEditor } from './headers-editor.tsx'
import { KeyField } from './key-field.tsx'
import type { RecordDraft } from './record-draft.ts'
import type { RegistryContext } from './registry-value.ts'
import { ValueField } from './value-field.tsx'

/** One record of the batch: key, value and (where the dialect has them) headers. */
export function RecordEditor({
  draft,
  n,
  batch,
  caps,
  dialect,
  registry,
  showErrors,
  onChange,
  onRemove,
}: {
  draft: RecordDraft
  n: number
  /** More than one record: number them and allow removing. */
  batch: boolean
  caps: Capabilities
  dialect: DialectInfo
  registry: RegistryContext | null
  showErrors: boolean
  onChange(patch: Partial<RecordDraft>): void
  onRemove(): void
}) {
  return (
    <fieldset className="relative min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <legend className={batch ? 'px-1 text-sm font-semibold' : 'sr-only'}>Record {n}</legend>
      {batch && (
        <Button size="sm" variant="ghost" onClick={onRemove} className="absolute top-2 right-2">
          Remove record {n}
        </Button>
      )}
      {caps.produce?.keys ? (
        <KeyField draft={draft} registry={registry} showErrors={showErrors} onChange={onChange} />
      ) : (
        <p className="text-xs text-slate-500 dark:text-slate-400">Keys: not available with {dialect.name}.</p>
      )}
      <ValueField draft={draft} caps={caps} registry={registry} showErrors={showErrors} onChange={onChange} />
      {caps.produce?.headers ? (
        <HeadersEditor
          headers={draft.headers}
          showErrors={showErrors}
          onChange={(headers) => onChange({ headers })}
        />
      ) : (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Headers: not available — {dialect.name} has no record headers in its produce API.
        </p>
      )}
    </fieldset>
  )
}
