import { useMemo } from 'react'
import { lineDiff } from '../../lib/diff/line-diff.ts'
import type { SyntaxLanguage } from '../../lib/syntax/tokenize.ts'
import { ColouredLine, MAX_SHOWN_LINES } from './schema-text.tsx'

const ROW_CLASSES = {
  same: '',
  removed: 'bg-red-50 dark:bg-red-950/60',
  added: 'bg-emerald-50 dark:bg-emerald-950/60',
}
const MARKS = { same: ' ', removed: '-', added: '+' }

/** A line diff of two versions' texts (pretty-printed the same way, so only real changes show). */
export function SchemaDiff({
  oldText,
  newText,
  language,
  label,
}: {
  oldText: string
  newText: string
  language: SyntaxLanguage
  label: string
}) {
  const diff = useMemo(() => lineDiff(oldText, newText), [oldText, newText])
  const rows = diff.rows.length > MAX_SHOWN_LINES ? diff.rows.slice(0, MAX_SHOWN_LINES) : diff.rows
  return (
    <div className="space-y-1">
      <p role="status" className="text-xs text-slate-600 dark:text-slate-300">
        {diff.added === 0 && diff.removed === 0
          ? 'The two versions have the same text.'
          : `${diff.added} line${diff.added === 1 ? '' : 's'} added, ${diff.removed} removed`}
        {!diff.exact && ' (too many changes to align line by line: shown as removed, then added)'}
      </p>
      <pre
        aria-label={label}
        tabIndex={0}
        className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 bg-slate-50 py-2 font-mono text-xs leading-5 dark:border-slate-700 dark:bg-slate-950"
      >
        {rows.map((r, i) => (
          <div key={i} className={`flex px-2 ${ROW_CLASSES[r.op]}`} data-op={r.op}>
            <span
              aria-hidden="true"
              className="w-8 shrink-0 pr-2 text-right text-slate-600 select-none dark:text-slate-400"
            >
              {r.oldLine ?? ''}
            </span>
            <span
              aria-hidden="true"
              className="w-8 shrink-0 pr-2 text-right text-slate-600 select-none dark:text-slate-400"
            >
              {r.newLine ?? ''}
            </span>
            <span className="w-4 shrink-0 font-bold select-none">
              {r.op !== 'same' && (
                <>
                  <span aria-hidden="true">{MARKS[r.op]}</span>
                  <span className="sr-only">{r.op}: </span>
                </>
              )}
            </span>
            <code className="whitespace-pre">
              <ColouredLine text={r.text} language={language} />
            </code>
          </div>
        ))}
      </pre>
      {diff.rows.length > rows.length && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Showing the first {MAX_SHOWN_LINES.toLocaleString('en-US')} of{' '}
          {diff.rows.length.toLocaleString('en-US')} lines.
        </p>
      )}
    </div>
  )
}
