import type { GeneratedRecord } from '../../lib/generate/generator.ts'

const utf8 = new TextDecoder()

/** The first records of a run, as text, exactly as they will be sent. */
export function GeneratePreview({ records }: { records: GeneratedRecord[] }) {
  return (
    <section aria-label="Preview" className="space-y-2">
      <h2 className="font-semibold">Preview: the first {records.length} records</h2>
      <ol className="space-y-2">
        {records.map((r, i) => (
          <li key={i} className="rounded-md border border-slate-200 p-2 text-xs dark:border-slate-800">
            <p>
              <span className="font-medium">Key</span>{' '}
              <span className="font-mono">{r.key === null ? '(none)' : utf8.decode(r.key)}</span>
            </p>
            {r.headers.map((h, j) => (
              <p key={j}>
                <span className="font-medium">Header {h.name}</span>{' '}
                <span className="font-mono">{utf8.decode(h.value)}</span>
              </p>
            ))}
            <pre className="mt-1 overflow-auto font-mono whitespace-pre-wrap">{utf8.decode(r.value)}</pre>
          </li>
        ))}
      </ol>
    </section>
  )
}
