import { useMemo, useState, type ReactNode } from 'react'
import { wrapLine } from './line-rows.ts'

const LINE = 20
const OVERSCAN = 20
/** Fixed-height rows of which only those in view are in the DOM. */
export function VirtualRows({
  count,
  label,
  renderRow,
}: {
  count: number
  label: string
  renderRow(index: number): ReactNode
}) {
  const [view, setView] = useState({ top: 0, height: 448 })
  const first = Math.max(0, Math.floor(view.top / LINE) - OVERSCAN)
  const last = Math.min(count, Math.ceil((view.top + view.height) / LINE) + OVERSCAN)
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      className="max-h-[28rem] overflow-auto rounded border border-slate-200 bg-slate-50 font-mono text-xs text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
    >
      <div className="relative" style={{ height: count * LINE }}>
        {Array.from({ length: Math.max(0, last - first) }, (_, i) => (
          <div
            key={first + i}
            className="absolute inset-x-0 px-2 whitespace-pre"
            style={{
              height: LINE,
              lineHeight: `${LINE}px`,
              transform: `translateY(${(first + i) * LINE}px)`,
            }}
          >
            {renderRow(first + i)}
          </div>
        ))}
      </div>
    </div>
  )
}

/**
 * Very long text (a 10 MB pretty-printed JSON value) as fixed-height lines, of which only those in view are in
 * the DOM: one <pre> holding 15 MB of text would block the page for seconds while it lays out.
 */
export function VirtualLines({ text, label }: { text: string; label: string }) {
  const rows = useMemo(() => text.split('\n').flatMap(wrapLine), [text])
  return <VirtualRows count={rows.length} label={label} renderRow={(i) => rows[i]} />
}
