import { useMemo, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { formatBytesSize } from '../../lib/bytes/format-size.ts'
import { DEFAULT_TEXT_VIEW_BYTES, textView } from '../../lib/decode/text-view.ts'

export const preClass =
  'max-h-[28rem] overflow-auto rounded border border-slate-200 bg-slate-50 p-2 font-mono text-xs leading-5 whitespace-pre-wrap break-all text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100'

/**
 * UTF-8 text with invalid bytes marked (`\xff`, red) and invisible or reordering characters shown (amber).
 * Every piece is a React text node: payload bytes can never become markup.
 */
export function TextPayload({ bytes, label }: { bytes: Uint8Array; label: string }) {
  const [all, setAll] = useState(false)
  const view = useMemo(() => textView(bytes, all ? Infinity : DEFAULT_TEXT_VIEW_BYTES), [bytes, all])
  return (
    <div className="space-y-1">
      {view.invalidRuns > 0 && (
        <p className="text-xs text-red-800 dark:text-red-300">
          Not valid UTF-8: {view.invalidRuns} invalid byte sequence{view.invalidRuns === 1 ? '' : 's'} shown
          as{' '}
          <mark className="rounded bg-red-100 px-0.5 font-mono text-red-900 dark:bg-red-900/70 dark:text-red-100">
            \xNN
          </mark>
          .
        </p>
      )}
      <pre tabIndex={0} aria-label={`${label} as text`} className={preClass}>
        {view.pieces.map((p, i) =>
          p.kind === 'text' ? (
            p.text
          ) : p.kind === 'invalid' ? (
            <mark
              key={i}
              title={`Invalid UTF-8 at byte ${p.offset}`}
              className="rounded bg-red-100 px-0.5 text-red-900 dark:bg-red-900/70 dark:text-red-100"
            >
              {p.label}
            </mark>
          ) : (
            <span
              key={i}
              title={`${p.title}, byte ${p.offset}`}
              className="mx-px rounded bg-amber-100 px-0.5 text-[0.65rem] text-amber-900 dark:bg-amber-900/70 dark:text-amber-100"
            >
              {p.label}
            </span>
          ),
        )}
      </pre>
      {view.truncated && (
        <p className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
          Showing the first {formatBytesSize(view.shownBytes)} of {formatBytesSize(view.totalBytes)}.
          {!all && (
            <Button size="sm" onClick={() => setAll(true)}>
              Show all
            </Button>
          )}
        </p>
      )}
    </div>
  )
}
