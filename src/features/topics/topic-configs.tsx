import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, useState } from 'react'
import type { TopicConfigEntry } from '../../api/types.ts'
import { inputClass } from '../../components/field.tsx'
import { formatCount } from '../../lib/format-count.ts'

const ROW = 24

/** A topic's configs, virtualized: an endpoint may answer with 50,000 of them, only the rows in view render. */
export function TopicConfigs({ configs }: { configs: TopicConfigEntry[] }) {
  const [filter, setFilter] = useState('')
  const f = filter.trim()
  const shown = useMemo(() => (f ? configs.filter((c) => c.name.includes(f)) : configs), [configs, f])
  const parent = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW,
    overscan: 10,
  })
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-3">
        <label htmlFor="config-filter" className="sr-only">
          Filter configs
        </label>
        <input
          id="config-filter"
          type="search"
          placeholder="Filter configs"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className={`${inputClass} max-w-sm`}
        />
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {shown.length === configs.length
            ? `${formatCount(configs.length)} configs`
            : `${formatCount(shown.length)} of ${formatCount(configs.length)} configs`}
        </span>
      </div>
      <div
        ref={parent}
        role="region"
        aria-label="Topic configuration"
        tabIndex={0}
        className="max-h-96 overflow-auto rounded-md border border-slate-200 bg-white font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
      >
        <dl className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const c = shown[row.index]
            return (
              // Fixed-height rows: a long unbroken value is cut (its full text is the row's title).
              <div
                key={c.name}
                className="absolute inset-x-0 flex gap-4 px-3"
                style={{ height: ROW, lineHeight: `${ROW}px`, transform: `translateY(${row.start}px)` }}
              >
                <dt className="w-2/5 shrink-0 truncate text-slate-600 dark:text-slate-400" title={c.name}>
                  {c.name}
                </dt>
                <dd className="min-w-0 flex-1 truncate" title={c.value ?? undefined}>
                  {c.value ?? <span className="text-slate-400">null</span>}
                </dd>
              </div>
            )
          })}
        </dl>
      </div>
    </div>
  )
}
