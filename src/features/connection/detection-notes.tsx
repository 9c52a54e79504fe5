import type { ProbeNote } from '../../api/detect.ts'

/** How detection decided: each probe and its answer, for the curious and for bug reports. */
export function DetectionNotes({ notes }: { notes: ProbeNote[] }) {
  if (!notes.length) return null
  return (
    <details className="mt-4 text-sm">
      <summary className="cursor-pointer text-slate-600 dark:text-slate-400">
        How the dialect was detected
      </summary>
      <ul className="mt-2 space-y-0.5 font-mono text-xs">
        {notes.map((n, i) => (
          <li key={i}>
            {n.probe} → {n.result}
          </li>
        ))}
      </ul>
    </details>
  )
}
