import { useMemo, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { formatBytesSize } from '../../lib/bytes/format-size.ts'
import { DEFAULT_TEXT_VIEW_BYTES, textView, type TextPiece } from '../../lib/decode/text-view.ts'
import { pieceRows } from './line-rows.ts'
import { VirtualRows } from './virtual-lines.tsx'

export const preClass =
  'max-h-[28rem] overflow-auto rounded border border-slate-200 bg-slate-50 p-2 font-mono text-xs leading-5 whitespace-pre-wrap break-all text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100'

/** Above this, "Show all" shows virtualized lines: a multi-megabyte <pre> blocks the page while it lays out. */
export const VIRTUAL_TEXT_BYTES = DEFAULT_TEXT_VIEW_BYTES
/** Above this a value is not shown whole as text at all (Download and Hex still have every byte). */
export const MAX_SHOW_ALL_BYTES = 32 * 1024 * 1024

function Marker({ piece }: { piece: Exclude<TextPiece, { kind: 'text' }> }) {
  return piece.kind === 'invalid' ? (
    <mark
      title={`Invalid UTF-8 at byte ${piece.offset}`}
      className="rounded bg-red-100 px-0.5 text-red-900 dark:bg-red-900/70 dark:text-red-100"
    >
      {piece.label}
    </mark>
  ) : (
    <span
      title={`${piece.title}, byte ${piece.offset}`}
      className="mx-px rounded bg-amber-100 px-0.5 text-[0.65rem] text-amber-900 dark:bg-amber-900/70 dark:text-amber-100"
    >
      {piece.label}
    </span>
  )
}

/** Every line of a long value, virtualized; rows are built once per value. */
function VirtualText({ pieces, label }: { pieces: TextPiece[]; label: string }) {
  const rows = useMemo(() => pieceRows(pieces), [pieces])
  return (
    <VirtualRows
      count={rows.length}
      label={label}
      renderRow={(i) => rows[i].map((p, j) => (typeof p === 'string' ? p : <Marker key={j} piece={p} />))}
    />
  )
}

/**
 * UTF-8 text with invalid bytes marked (`\xff`, red) and invisible or reordering characters shown (amber).
 * Every piece is a React text node: payload bytes can never become markup.
 */
export function TextPayload({ bytes, label }: { bytes: Uint8Array; label: string }) {
  const [all, setAll] = useState(false)
  const view = useMemo(() => textView(bytes, all ? Infinity : DEFAULT_TEXT_VIEW_BYTES), [bytes, all])
  const virtual = all && view.totalBytes > VIRTUAL_TEXT_BYTES
  const size = formatBytesSize(view.totalBytes)
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
      {virtual && (
        <p role="status" className="text-xs text-amber-800 dark:text-amber-300">
          This value is {size}: it is shown as lines drawn while you scroll, long lines cut every 256
          characters. Download has the exact bytes.
        </p>
      )}
      {virtual ? (
        <VirtualText pieces={view.pieces} label={`${label} as text`} />
      ) : (
        <pre tabIndex={0} aria-label={`${label} as text`} className={preClass}>
          {view.pieces.map((p, i) => (p.kind === 'text' ? p.text : <Marker key={i} piece={p} />))}
        </pre>
      )}
      {view.truncated && (
        <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
          Showing the first {formatBytesSize(view.shownBytes)} of {size}.
          {!all &&
            (view.totalBytes <= MAX_SHOW_ALL_BYTES ? (
              <Button size="sm" onClick={() => setAll(true)}>
                Show all {size}
              </Button>
            ) : (
              <span>Too large to show whole as text: use Download or the Hex view.</span>
            ))}
        </p>
      )}
    </div>
  )
}
