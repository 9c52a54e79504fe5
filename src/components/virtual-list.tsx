import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, type ReactNode } from 'react'

/**
 * A scrollable region holding a virtualized `<ul>`: 100,000 items render as a few dozen rows, each announcing its
 * position in the whole list. The caller renders a row's content; the row's box is positioned here.
 */
export function VirtualList({
  count,
  rowHeight,
  regionLabel,
  listLabel,
  heightClass,
  rowClassName,
  renderRow,
}: {
  count: number
  rowHeight: number
  regionLabel: string
  listLabel: string
  /** The region's height, e.g. `h-[calc(100vh-15rem)]`. */
  heightClass: string
  rowClassName: string
  renderRow(index: number): ReactNode
}) {
  const parent = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parent.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  })
  return (
    <div
      ref={parent}
      role="region"
      aria-label={regionLabel}
      tabIndex={0}
      className={`${heightClass} min-h-64 overflow-auto rounded-md border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900`}
    >
      <ul aria-label={listLabel} className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <li
            key={item.index}
            aria-setsize={count}
            aria-posinset={item.index + 1}
            className={`absolute inset-x-0 flex items-center border-b border-slate-100 dark:border-slate-800 ${rowClassName}`}
            style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
          >
            {renderRow(item.index)}
          </li>
        ))}
      </ul>
    </div>
  )
}
