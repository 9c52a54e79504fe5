import type { GeneratedRecord } from '../../lib/generate/generator.ts'
import { prettyJson } from '../../lib/json/json-text.ts'

const utf8 = new TextDecoder()

function pretty(json: string): string {
  const p = prettyJson(json)
  return p.ok ? p.text : json
}

/**
 * The first records of a run, as text, exactly as they will be sent; schema-encoded values decoded back to JSON
 * (`describe`), under their format's label.
 */
export function GeneratePreview({
  records,
  describe,
  label,
}: {
  records: GeneratedRecord[]
  describe?: (value: Uint8Array) => string
  label?: string
}) {
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
            {label && (
              <p>
                <span className="rounded bg-indigo-100 px-1 font-medium text-indigo-800 dark:bg-indigo-900 dark:text-indigo-200">
                  {label}
                </span>{' '}
                <span className="text-slate-500">{r.value.length} bytes, decoded</span>
              </p>
            )}
            <pre className="mt-1 overflow-auto font-mono whitespace-pre-wrap">
              {describe ? pretty(describe(r.value)) : utf8.decode(r.value)}
            </pre>
          </li>
        ))}
      </ol>
    </section>
  )
}
