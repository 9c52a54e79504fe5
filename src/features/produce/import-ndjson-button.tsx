import { useId } from 'react'

/** A file picker drawn as a button: one NDJSON record per line (see the hint for the format). */
export function ImportNdjsonButton({ onFile }: { onFile(file: File): void }) {
  const id = useId()
  return (
    <span className="inline-flex items-center gap-2">
      <input
        id={id}
        type="file"
        accept=".ndjson,.jsonl,.json,.txt,application/x-ndjson,application/json,text/plain"
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const file = e.target.files?.[0]
          if (file) onFile(file)
          e.target.value = ''
        }}
        className="peer sr-only"
      />
      <label
        htmlFor={id}
        className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-500 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
      >
        Import NDJSON
      </label>
      <span id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
        One record per line:{' '}
        {'{"key": …, "value": …, "partition": 0, "headers": […], "encoding": "base64" | "utf8" | "json"}'}
      </span>
    </span>
  )
}
