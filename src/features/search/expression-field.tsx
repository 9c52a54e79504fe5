import { useId, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { inputClass, Label } from '../../components/field.tsx'
import { CEL_EXAMPLES, CEL_VARIABLES, type CelProblem } from '../../lib/search-scan/cel-filter.ts'
import { deleteSavedFilter, loadSavedFilters, saveFilter } from '../../lib/search-scan/saved-filters.ts'

/** The line of the expression with a caret under the problem's column. */
function caretLines(expression: string, problem: CelProblem): string | null {
  if (problem.line === undefined || problem.column === undefined) return null
  const line = expression.split('\n')[problem.line - 1] ?? ''
  return `${line.slice(0, 200)}\n${' '.repeat(Math.min(problem.column - 1, 200))}^`
}

/** Filter expression (CEL) with its error at its position, examples, and saved filters (localStorage). */
export function ExpressionField({
  value,
  onChange,
  problem,
}: {
  value: string
  onChange(v: string): void
  problem?: CelProblem
}) {
  const id = useId()
  const [saved, setSaved] = useState(() => loadSavedFilters())
  const [name, setName] = useState('')
  const caret = problem ? caretLines(value, problem) : null
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>Filter expression</Label>
      <textarea
        id={id}
        rows={2}
        spellCheck={false}
        className={`${inputClass} font-mono`}
        value={value}
        placeholder='value.orderId == 1234 && headers["type"] == "created"'
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {problem && (
        <div id={`${id}-error`} role="alert" className="text-xs text-red-700 dark:text-red-400">
          <p>
            {problem.line !== undefined
              ? `Line ${problem.line}, column ${problem.column}: ${problem.message}`
              : problem.message}
          </p>
          {caret && <pre className="font-mono">{caret}</pre>}
        </div>
      )}
      <div className="flex flex-wrap items-end gap-2 text-xs">
        <label className="flex items-center gap-1">
          Saved filters
          <select
            className="rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-600"
            value=""
            onChange={(e) => {
              const f = saved.find((s) => s.name === e.target.value)
              if (f) onChange(f.expression)
            }}
          >
            <option value="">{saved.length ? 'Choose…' : 'None yet'}</option>
            {saved.map((f) => (
              <option key={f.name} value={f.name}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          Filter name
          <input
            className="rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-600"
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <Button
          size="sm"
          disabled={!name.trim() || !value.trim()}
          onClick={() => setSaved(saveFilter({ name, expression: value }))}
        >
          Save filter
        </Button>
        <Button
          size="sm"
          disabled={!saved.some((s) => s.name === name.trim())}
          onClick={() => setSaved(deleteSavedFilter(name.trim()))}
        >
          Delete filter
        </Button>
      </div>
      <details className="text-xs text-slate-600 dark:text-slate-300">
        <summary className="cursor-pointer">Filter expression help</summary>
        <p className="mt-1">
          CEL over {CEL_VARIABLES.join(', ')}. <code>value</code> and <code>key</code> are parsed JSON when
          they are a JSON object or array (integers exact, even beyond 2^53), text otherwise;{' '}
          <code>headers</code> maps names to text; <code>timestamp</code> is milliseconds since the epoch;{' '}
          <code>size</code> is bytes. A message where the expression fails (a missing field) does not match.
        </p>
        <ul className="mt-1 space-y-0.5">
          {CEL_EXAMPLES.map((e) => (
            <li key={e.expression}>
              <button type="button" className="font-mono underline" onClick={() => onChange(e.expression)}>
                {e.expression}
              </button>{' '}
              — {e.meaning}
            </li>
          ))}
        </ul>
      </details>
    </div>
  )
}
