import { useId, useState, type ReactNode } from 'react'
import { Button } from './button.tsx'

export interface ChartTable {
  columns: string[]
  rows: string[][]
}

/**
 * A chart with its title, a one-line summary, and the same data as a table one click away (for screen readers,
 * copying, and exact values the chart rounds).
 */
export function ChartFigure({
  title,
  summary,
  table,
  actions,
  children,
}: {
  title: string
  summary?: ReactNode
  table: ChartTable
  /** Controls beside the title (Pause, an interval). */
  actions?: ReactNode
  children: ReactNode
}) {
  const [asTable, setAsTable] = useState(false)
  const id = useId()
  return (
    <figure
      aria-labelledby={id}
      className="space-y-2 rounded-md border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-2">
        <figcaption id={id} className="text-sm font-semibold">
          {title}
        </figcaption>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {actions}
          <Button size="sm" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            Show as table
          </Button>
        </div>
      </div>
      {asTable ? (
        <div className="max-h-80 overflow-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th
                    key={c}
                    scope="col"
                    className="px-2 py-1 text-left text-xs font-semibold text-slate-600 dark:text-slate-300"
                  >
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j} className="px-2 py-1 tabular-nums">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        children
      )}
      {summary && <p className="text-xs text-slate-600 dark:text-slate-300">{summary}</p>}
    </figure>
  )
}
