import { Button } from '../../components/button.tsx'
import { FieldHint, Label, SelectField, TextField } from '../../components/field.tsx'
import type { GeneratePreset } from '../../lib/generate/presets.ts'
import { PLACEHOLDERS } from '../../lib/generate/placeholders.ts'

const area =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-slate-700 dark:bg-slate-900'

/** Key, value and header templates, with the placeholder list as help. */
export function TemplateFields({
  value,
  onChange,
  headersAllowed,
  valueFromSchema = false,
}: {
  value: GeneratePreset
  onChange(next: GeneratePreset): void
  headersAllowed: boolean
  /** The values come from a schema: only the key and header templates apply. */
  valueFromSchema?: boolean
}) {
  const set = (patch: Partial<GeneratePreset>) => onChange({ ...value, ...patch })
  return (
    <div className="space-y-3">
      <TextField
        label="Key template"
        value={value.keyTemplate}
        onChange={(e) => set({ keyTemplate: e.target.value })}
        hint={
          valueFromSchema
            ? 'Empty: records without a key. {{ref name}} repeats a top-level field of the generated value.'
            : 'Empty: records without a key.'
        }
        spellCheck={false}
      />
      {!valueFromSchema && (
        <>
          <SelectField
            label="Value format"
            value={value.valueFormat}
            onChange={(e) => set({ valueFormat: e.target.value === 'text' ? 'text' : 'json' })}
          >
            <option value="json">JSON (each record is checked; strings are escaped)</option>
            <option value="text">Text</option>
          </SelectField>
          <div>
            <Label htmlFor="generate-value">Value template</Label>
            <textarea
              id="generate-value"
              className={area}
              rows={10}
              spellCheck={false}
              value={value.valueTemplate}
              onChange={(e) => set({ valueTemplate: e.target.value })}
            />
            <details className="mt-1 text-xs">
              <summary>Placeholders</summary>
              <p>
                Write <code>{'{{name}}'}</code>; keep a value with <code>{'{{uuid as id}}'}</code> and repeat
                it with <code>{'{{ref id}}'}</code> (the value is generated first, then the key and headers).
              </p>
              <ul className="columns-2 font-mono">
                {Object.values(PLACEHOLDERS).map((p) => (
                  <li key={p.help}>{p.help}</li>
                ))}
              </ul>
            </details>
          </div>
        </>
      )}
      {headersAllowed ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Headers</legend>
          {value.headers.map((h, i) => (
            <div key={i} className="flex items-end gap-2">
              <TextField
                label={`Header ${i + 1} name`}
                value={h.name}
                onChange={(e) =>
                  set({
                    headers: value.headers.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)),
                  })
                }
              />
              <TextField
                label={`Header ${i + 1} template`}
                value={h.template}
                className="flex-1"
                onChange={(e) =>
                  set({
                    headers: value.headers.map((x, j) => (j === i ? { ...x, template: e.target.value } : x)),
                  })
                }
              />
              <Button
                variant="ghost"
                onClick={() => set({ headers: value.headers.filter((_, j) => j !== i) })}
              >
                Remove header {i + 1}
              </Button>
            </div>
          ))}
          <Button
            variant="secondary"
            size="sm"
            disabled={value.headers.length >= 32}
            onClick={() => set({ headers: [...value.headers, { name: '', template: '' }] })}
          >
            Add header
          </Button>
        </fieldset>
      ) : (
        value.headers.length > 0 && (
          <FieldHint>This endpoint does not take headers: the preset’s headers are left out.</FieldHint>
        )
      )}
    </div>
  )
}
