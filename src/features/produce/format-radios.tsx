import { useId } from 'react'

export interface FormatOption<T extends string> {
  value: T
  label: string
  disabled?: boolean
}

/** A row of radio buttons drawn as a segmented control; the legend is the group's accessible name. */
export function FormatRadios<T extends string>({
  legend,
  value,
  options,
  onChange,
}: {
  legend: string
  value: T
  options: FormatOption<T>[]
  onChange(value: T): void
}) {
  const name = useId()
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-xs font-semibold text-slate-700 dark:text-slate-300">{legend}</legend>
      <div className="inline-flex flex-wrap overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
        {options.map((o) => (
          <label
            key={o.value}
            className="relative cursor-pointer border-r border-slate-300 text-xs font-medium last:border-r-0 has-checked:bg-indigo-600 has-checked:text-white has-disabled:cursor-not-allowed has-disabled:opacity-50 has-focus-visible:outline-2 has-focus-visible:-outline-offset-2 has-focus-visible:outline-indigo-500 dark:border-slate-600"
          >
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              disabled={o.disabled}
              onChange={() => onChange(o.value)}
              className="sr-only"
            />
            <span className="block px-2.5 py-1">{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
