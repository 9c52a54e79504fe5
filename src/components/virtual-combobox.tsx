import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { formatCount } from '../lib/format-count.ts'
import { matchAt, matchCount } from '../lib/search/name-search.ts'
import { inputClass, Label } from './field.tsx'
import { useNameSearch } from './use-name-search.ts'
import { NameText } from './name-text.tsx'

const ROW = 30
const VISIBLE_ROWS = 10

interface Props {
  label: string
  items: readonly string[]
  value: string
  onChange(value: string): void
  id?: string
  /** Plural noun for the count line, e.g. "topics" in "12 of 100,000 topics". */
  noun?: string
  placeholder?: string
  invalid?: boolean
  describedBy?: string
}

/**
 * A searchable pick-one list (WAI-ARIA combobox with a listbox popup) for lists of any length: typing filters in
 * time slices and only the rows in view are rendered, so 1,000,000 names stay usable.
 */
export function VirtualCombobox({ label, items, value, onChange, id, noun = 'items', ...rest }: Props) {
  const auto = useId()
  const inputId = id ?? auto
  const listId = `${inputId}-listbox`
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(-1)
  const { search, pending } = useNameSearch(items, open ? query : '')
  const count = matchCount(search)
  const listRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: open ? count : 0,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW,
    overscan: 6,
  })

  useEffect(() => {
    if (open && active >= 0) virtualizer.scrollToIndex(active, { align: 'auto' })
  }, [open, active, virtualizer])

  const show = (q: string) => {
    setQuery(q)
    if (!open) setOpen(true)
    setActive(-1)
  }
  const close = () => {
    setOpen(false)
    setQuery('')
    setActive(-1)
  }
  const pick = (k: number) => {
    if (k < 0 || k >= count) return
    onChange(search.items[matchAt(search, k)])
    close()
  }
  const openAtValue = () => {
    setOpen(true)
    setQuery('')
    // Start on the current value, as a native select does (an indexOf over the full list is a single pass).
    setActive(value ? items.indexOf(value) : -1)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = count - 1
    const move: Record<string, () => number> = {
      ArrowDown: () => Math.min(last, active + 1),
      ArrowUp: () => Math.max(0, active - 1),
      PageDown: () => Math.min(last, Math.max(0, active) + VISIBLE_ROWS),
      PageUp: () => Math.max(0, active - VISIBLE_ROWS),
      Home: () => 0,
      End: () => last,
    }
    if (e.key in move) {
      if (!open) {
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
        e.preventDefault()
        openAtValue()
        return
      }
      e.preventDefault()
      if (count > 0) setActive(move[e.key]())
    } else if (e.key === 'Enter' && open) {
      e.preventDefault()
      pick(active >= 0 ? active : count === 1 ? 0 : -1)
    } else if (e.key === 'Escape' && open) {
      e.preventDefault()
      close()
    }
  }

  const status =
    count === 0 && !pending
      ? `No match for “${query.trim()}” among ${formatCount(items.length)} ${noun}.`
      : `${formatCount(count)} of ${formatCount(items.length)} ${noun}${pending ? ' (searching…)' : ''}`
  const optionId = (k: number) => `${inputId}-opt-${matchAt(search, k)}`

  return (
    <div className="relative">
      <Label htmlFor={inputId}>{label}</Label>
      <input
        id={inputId}
        role="combobox"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 && active < count ? optionId(active) : undefined}
        aria-invalid={rest.invalid ? true : undefined}
        aria-describedby={rest.describedBy}
        autoComplete="off"
        spellCheck={false}
        placeholder={rest.placeholder}
        className={`${inputClass} font-mono`}
        value={open ? query : value}
        onChange={(e) => show(e.target.value)}
        onClick={() => (open ? undefined : openAtValue())}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      {open && (
        // mousedown would blur the input (and close the list) before a click lands: keep the focus in the input.
        <div
          className="absolute inset-x-0 z-20 mt-1 w-[max(100%,24rem)] rounded-md border border-slate-300 bg-white shadow-lg dark:border-slate-600 dark:bg-slate-900"
          onMouseDown={(e) => e.preventDefault()}
        >
          <div
            ref={listRef}
            id={listId}
            role="listbox"
            aria-label={`${label} options`}
            className="overflow-auto"
            style={{ maxHeight: ROW * VISIBLE_ROWS, height: Math.min(count, VISIBLE_ROWS) * ROW }}
          >
            <div role="presentation" className="relative" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((row) => {
                const name = search.items[matchAt(search, row.index)]
                return (
                  <div
                    key={row.key}
                    id={optionId(row.index)}
                    role="option"
                    aria-selected={name === value}
                    aria-setsize={count}
                    aria-posinset={row.index + 1}
                    onClick={() => pick(row.index)}
                    className={`absolute inset-x-0 cursor-pointer truncate px-2.5 font-mono text-sm leading-[30px] ${row.index === active ? 'bg-indigo-100 dark:bg-indigo-900' : 'hover:bg-slate-100 dark:hover:bg-slate-800'} ${name === value ? 'font-semibold' : ''}`}
                    style={{ height: ROW, transform: `translateY(${row.start}px)` }}
                  >
                    <NameText name={name} maxChars={300} />
                  </div>
                )
              })}
            </div>
          </div>
          <p
            role="status"
            className="border-t border-slate-200 px-2.5 py-1 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400"
          >
            {status}
          </p>
        </div>
      )}
    </div>
  )
}
