import { Button } from '../../components/button.tsx'
import { FieldHint, inputClass } from '../../components/field.tsx'
import { encodeField, newHeaderDraft, type HeaderDraft } from './record-draft.ts'

function HeaderRow({
  header,
  n,
  showErrors,
  onChange,
  onRemove,
}: {
  header: HeaderDraft
  n: number
  showErrors: boolean
  onChange(patch: Partial<HeaderDraft>): void
  onRemove(): void
}) {
  const blank = header.name === '' && header.value === ''
  const nameError =
    !blank && header.name === '' && (showErrors || header.value !== '') ? 'Enter a header name.' : null
  const encoded = blank ? null : encodeField(header.value, header.format)
  const valueError = encoded && !encoded.ok && (showErrors || header.value !== '') ? encoded.error : null
  const hintId = `header-${header.id}-hint`
  const message = nameError ?? valueError?.message
  return (
    <li>
      <div className="grid grid-cols-[minmax(0,14rem)_minmax(0,1fr)_7rem_auto] items-center gap-1.5">
        <input
          aria-label={`Header ${n} name`}
          placeholder="name"
          value={header.name}
          onChange={(e) => onChange({ name: e.target.value })}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? hintId : undefined}
          spellCheck={false}
          className={`${inputClass} font-mono`}
        />
        <input
          aria-label={`Header ${n} value`}
          placeholder="value"
          value={header.value}
          onChange={(e) => onChange({ value: e.target.value })}
          aria-invalid={valueError ? true : undefined}
          aria-describedby={valueError ? hintId : undefined}
          data-error-index={valueError?.index}
          spellCheck={false}
          className={`${inputClass} font-mono`}
        />
        <select
          aria-label={`Header ${n} format`}
          value={header.format}
          onChange={(e) => onChange({ format: e.target.value as HeaderDraft['format'] })}
          className={inputClass}
        >
          <option value="text">Text</option>
          <option value="base64">Base64</option>
        </select>
        <Button size="sm" variant="ghost" aria-label={`Remove header ${n}`} onClick={onRemove}>
          ✕
        </Button>
      </div>
      {message && (
        <FieldHint id={hintId} tone="error">
          {message}
        </FieldHint>
      )}
    </li>
  )
}

/** Name/value rows; values are UTF-8 text or base64. Rows left entirely empty are not sent. */
export function HeadersEditor({
  headers,
  showErrors,
  onChange,
}: {
  headers: HeaderDraft[]
  showErrors: boolean
  onChange(headers: HeaderDraft[]): void
}) {
  const update = (id: number, patch: Partial<HeaderDraft>) =>
    onChange(headers.map((h) => (h.id === id ? { ...h, ...patch } : h)))
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-xs font-semibold text-slate-700 dark:text-slate-300">Headers</legend>
      {headers.length > 0 && (
        <ol className="mb-2 space-y-1.5">
          {headers.map((h, i) => (
            <HeaderRow
              key={h.id}
              header={h}
              n={i + 1}
              showErrors={showErrors}
              onChange={(patch) => update(h.id, patch)}
              onRemove={() => onChange(headers.filter((x) => x.id !== h.id))}
            />
          ))}
        </ol>
      )}
      <Button size="sm" onClick={() => onChange([...headers, newHeaderDraft()])}>
        Add header
      </Button>
    </fieldset>
  )
}
