import type { FormEvent } from 'react'
import { Button } from '../../components/button.tsx'
import { SelectField, TextField } from '../../components/field.tsx'
import { VirtualCombobox } from '../../components/virtual-combobox.tsx'
import type { CelProblem } from '../../lib/search-scan/cel-filter.ts'
import type { QuickField, QuickOp } from '../../lib/search-scan/quick-match.ts'
import type { RangeKind, SearchForm } from '../../lib/search-scan/search-link.ts'
import { ExpressionField } from './expression-field.tsx'

export type FormErrors = Partial<
  Record<'partitions' | 'from' | 'to' | 'since' | 'until' | 'limit' | 'maxmb', string>
>

/** Topic, partitions, range, Quick match, Filter expression, limits; Search and Stop. */
export function SearchFormView({
  form,
  onChange,
  topics,
  partitionText,
  onPartitionText,
  errors,
  problem,
  running,
  canTime,
  onSubmit,
  onStop,
}: {
  form: SearchForm
  onChange(patch: Partial<SearchForm>): void
  topics: string[]
  partitionText: string
  onPartitionText(v: string): void
  errors: FormErrors
  problem?: CelProblem
  running: boolean
  canTime: boolean
  onSubmit(): void
  onStop(): void
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onSubmit()
  }
  return (
    <form
      onSubmit={submit}
      aria-label="Search messages"
      className="space-y-3 rounded-md border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-72 max-w-full">
          <VirtualCombobox
            id="search-topic"
            label="Topic"
            noun="topics"
            items={topics}
            value={form.topic}
            onChange={(topic) => onChange({ topic })}
            placeholder="Choose a topic"
          />
        </div>
        <TextField
          label="Partitions"
          className="w-40"
          placeholder="All"
          value={partitionText}
          error={errors.partitions}
          onChange={(e) => onPartitionText(e.target.value)}
        />
        <SelectField
          label="Range"
          className="w-48"
          value={form.range}
          onChange={(e) => onChange({ range: e.target.value as RangeKind })}
        >
          <option value="all">Beginning to end</option>
          <option value="offsets">Offsets</option>
          {canTime && <option value="time">Times</option>}
        </SelectField>
        {form.range === 'offsets' && (
          <>
            <TextField
              label="From offset"
              className="w-36"
              inputMode="numeric"
              value={form.fromOffset}
              error={errors.from}
              onChange={(e) => onChange({ fromOffset: e.target.value })}
            />
            <TextField
              label="To offset"
              className="w-36"
              inputMode="numeric"
              value={form.toOffset}
              error={errors.to}
              onChange={(e) => onChange({ toOffset: e.target.value })}
            />
          </>
        )}
        {form.range === 'time' && (
          <>
            <TextField
              label="Since"
              className="w-56"
              placeholder="2026-12-01T00:00:00Z"
              value={form.since}
              error={errors.since}
              onChange={(e) => onChange({ since: e.target.value })}
            />
            <TextField
              label="Until"
              className="w-56"
              placeholder="ISO instant or epoch ms"
              value={form.until}
              error={errors.until}
              onChange={(e) => onChange({ until: e.target.value })}
            />
          </>
        )}
      </div>
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="mb-1 text-xs font-semibold text-slate-700 dark:text-slate-300">Quick match</legend>
        <SelectField
          label="Match in"
          className="w-40"
          value={form.field}
          onChange={(e) => onChange({ field: e.target.value as QuickField })}
        >
          <option value="key">Key</option>
          <option value="value">Value</option>
          <option value="header-name">Header name</option>
          <option value="header-value">Header value</option>
        </SelectField>
        <SelectField
          label="Operator"
          className="w-40"
          value={form.op}
          onChange={(e) => onChange({ op: e.target.value as QuickOp })}
        >
          <option value="contains">contains</option>
          <option value="not-contains">not contains</option>
          <option value="equals">equals</option>
        </SelectField>
        <TextField
          label="Quick match text"
          className="w-72"
          value={form.text}
          onChange={(e) => onChange({ text: e.target.value })}
        />
      </fieldset>
      <ExpressionField
        value={form.expression}
        onChange={(expression) => onChange({ expression })}
        problem={problem}
      />
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label="Match limit"
          className="w-32"
          inputMode="numeric"
          value={String(form.maxMatches)}
          error={errors.limit}
          onChange={(e) => onChange({ maxMatches: Number(e.target.value) })}
        />
        <TextField
          label="Bytes limit (MB)"
          className="w-36"
          inputMode="numeric"
          value={String(form.maxMegabytes)}
          error={errors.maxmb}
          onChange={(e) => onChange({ maxMegabytes: Number(e.target.value) })}
        />
        <Button type="submit" variant="primary" disabled={!form.topic || running}>
          Search
        </Button>
        <Button disabled={!running} onClick={onStop}>
          Stop
        </Button>
      </div>
    </form>
  )
}
