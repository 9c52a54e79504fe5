import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react'

export const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 disabled:bg-slate-100 aria-invalid:border-red-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:disabled:bg-slate-800'

export function Label({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="mb-1 block text-xs font-semibold text-slate-700 dark:text-slate-300">
      {children}
    </label>
  )
}

export function FieldHint({
  id,
  children,
  tone = 'muted',
}: {
  id?: string
  children: ReactNode
  tone?: 'muted' | 'error'
}) {
  return (
    <p
      id={id}
      className={`mt-1 text-xs ${tone === 'error' ? 'text-red-700 dark:text-red-400' : 'text-slate-500 dark:text-slate-400'}`}
    >
      {children}
    </p>
  )
}

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string
  hint?: ReactNode
  error?: string | null
  trailing?: ReactNode
}

export function TextField({ label, hint, error, trailing, id, className = '', ...props }: TextFieldProps) {
  const auto = useId()
  const fieldId = id ?? auto
  const hintId = `${fieldId}-hint`
  return (
    <div className={className}>
      <Label htmlFor={fieldId}>{label}</Label>
      <div className="flex gap-1.5">
        <input
          id={fieldId}
          className={inputClass}
          aria-invalid={error ? true : undefined}
          aria-describedby={hint || error ? hintId : undefined}
          {...props}
        />
        {trailing}
      </div>
      {(error || hint) && (
        <FieldHint id={hintId} tone={error ? 'error' : 'muted'}>
          {error ?? hint}
        </FieldHint>
      )}
    </div>
  )
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string
  hint?: ReactNode
}

export function SelectField({ label, hint, id, className = '', children, ...props }: SelectFieldProps) {
  const auto = useId()
  const fieldId = id ?? auto
  return (
    <div className={className}>
      <Label htmlFor={fieldId}>{label}</Label>
      <select
        id={fieldId}
        className={inputClass}
        aria-describedby={hint ? `${fieldId}-hint` : undefined}
        {...props}
      >
        {children}
      </select>
      {hint && <FieldHint id={`${fieldId}-hint`}>{hint}</FieldHint>}
    </div>
  )
}
