import { useMemo, useState } from 'react'

const LINE = 20
const OVERSCAN = 20

/**
 * Very long text (a 10 MB pretty-printed JSON value) as fixed-height lines, of which only those in view are in
 * the DOM: one <pre> holding 15 MB of text would block the page for seconds while it lays out.
 */
export function VirtualLines({ text, label }: { text: string; label: string }) {
  const lines = useMemo(() => text.split('\n'), [text])
  const [view, setView] = useState({ top: 0, height: 448 })
  const first = Math.max(0, Math.floor(view.top / LINE) - OVERSCAN)
  const last = Math.min(lines.length, Math.ceil((view.top + view.height) / LINE) + OVERSCAN)
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      className="max-h-[28rem] overflow-auto rounded border border-slate-200 bg-slate-50 font-mono text-xs text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
    >
      <div className="relative" style={{ height: lines.length * LINE }}>
        {lines.slice(first, last).map((line, i) => (
          <div
            key={first + i}
            className="absolute inset-x-0 px-2 whitespace-pre"
            style={{
              height: LINE,
              lineHeight: `${LINE}px`,
              transform: `translateY(${(first + i) * LINE}px)`,
            }}
          >
            {line}
          </div>
        ))}
      </div>
    </div>
  )
}
