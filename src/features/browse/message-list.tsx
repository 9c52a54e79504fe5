import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import type { KafkaRecord } from '../../api/types.ts'
import type { DecodedWindow } from '../../lib/browse/decoded-window.ts'
import type { TimeZoneSetting } from '../../stores/preferences-store.ts'
import { MessageRow } from './message-row.tsx'
import { ROW_HEIGHT, rowGrid } from './row-layout.ts'
import { indexOfMessage, messageId } from './window-text.ts'

/** Set after the list committed a newly loaded window (the benchmark measures from records-received). */
const LIST_RENDERED_MARK = 'krc:list-rendered'

interface Props {
  records: KafkaRecord[]
  /** `<partition>:<offset>` of the selected message. */
  selected?: string
  onSelect(record: KafkaRecord): void
  /** Enter on the list: move to the detail panel. */
  onOpen(): void
  timeZone: TimeZoneSetting
  /** The API returns timestamps: show their column. */
  timestamps: boolean
  /** The loaded data (not the filtered list): a change means a fetch finished rendering. */
  loaded: unknown
  /** Schema Registry decoding, asked only for the rows in view. */
  decoded?: DecodedWindow
}

const PAGE = 10

/**
 * A virtualized listbox: 100,000 messages render as the few dozen rows in view. Arrow keys, Page Up/Down,
 * Home and End move the selection; Enter opens it in the detail panel.
 */
export function MessageList({
  records,
  selected,
  onSelect,
  onOpen,
  timeZone,
  timestamps,
  loaded,
  decoded,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: records.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  })
  // Once per list or selection, not per render (a scroll re-renders): 100,000 records take a few ms to search.
  const index = useMemo(() => indexOfMessage(records, selected), [records, selected])

  useLayoutEffect(() => {
    performance.mark(LIST_RENDERED_MARK)
  }, [loaded])

  // Keep the selection in view when it changes from outside (a deep link, a filter).
  useEffect(() => {
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' })
  }, [index, virtualizer])

  const move = useCallback(
    (to: number) => {
      if (records.length === 0) return
      const i = Math.max(0, Math.min(records.length - 1, to))
      onSelect(records[i])
      virtualizer.scrollToIndex(i, { align: 'auto' })
    },
    [records, onSelect, virtualizer],
  )

  const onKeyDown = (e: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(index + 1),
      ArrowUp: () => move(index < 0 ? 0 : index - 1),
      PageDown: () => move(index + PAGE),
      PageUp: () => move(index - PAGE),
      Home: () => move(0),
      End: () => move(records.length - 1),
      Enter: () => (index >= 0 ? onOpen() : move(0)),
    }
    const action = keys[e.key]
    if (!action) return
    e.preventDefault()
    action()
  }

  const items = virtualizer.getVirtualItems()
  const activeVisible = index >= 0 && items.some((it) => it.index === index)
  return (
    <div className="flex min-h-0 flex-col rounded-md border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      <div
        aria-hidden="true"
        className={`${rowGrid(timestamps)} border-b border-slate-200 px-3 py-1.5 text-xs font-semibold text-slate-600 dark:border-slate-700 dark:text-slate-300`}
      >
        <span>Partition</span>
        <span>Offset</span>
        {timestamps && <span>Timestamp</span>}
        <span>Key</span>
        <span>Value</span>
        <span className="text-right">Size</span>
      </div>
      <div
        ref={scroller}
        role="listbox"
        aria-label="Messages"
        tabIndex={0}
        aria-activedescendant={activeVisible ? `msg-${selected}` : undefined}
        onKeyDown={onKeyDown}
        className="h-[min(60vh,40rem)] min-h-48 overflow-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500"
      >
        <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const r = records[item.index]
            const id = messageId(r)
            return (
              <MessageRow
                key={id}
                id={`msg-${id}`}
                record={r}
                selected={id === selected}
                timeZone={timeZone}
                timestamps={timestamps}
                top={item.start}
                index={item.index}
                total={records.length}
                onPick={onSelect}
                decoded={decoded?.get(r)}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}
