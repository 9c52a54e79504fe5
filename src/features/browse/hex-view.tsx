import { useEffect, useRef, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { formatBytesSize } from '../../lib/bytes/format-size.ts'
import { hexDumpRow, hexDumpRowCount } from '../../lib/decode/hex-dump.ts'

const ROW = 20
const OVERSCAN = 12
/** Bytes per scrollable page: 8 MiB is 524,288 rows, well inside every browser's maximum element height. */
export const HEX_PAGE_BYTES = 8 * 1024 * 1024
/**
 * A row is 1 + 8 + 1.5 + 47 + 1.5 + 18 + 1 = 78 characters (padding, offset, gap, hex, gap, |ASCII|, padding);
 * a monospace character is about 0.6em, so 47 font sizes fit the row: the font follows the column's width
 * between 9 and 12 px, and only a narrower column scrolls sideways (the row never wraps or clips).
 */
const ROW_CH = '78ch'
const FONT_SIZE = 'clamp(9px, calc((100cqw - 4px) / 47), 12px)'

/**
 * `hexdump -C` rows (offset, hex, ASCII), virtualized: a 10 MB value renders the rows in view only.
 * `highlight` marks leading bytes (the Schema Registry wire prefix).
 */
export function HexView({
  bytes,
  label,
  highlight = 0,
}: {
  bytes: Uint8Array
  label: string
  highlight?: number
}) {
  const [page, setPage] = useState(0)
  const pages = Math.max(1, Math.ceil(bytes.length / HEX_PAGE_BYTES))
  const base = page * HEX_PAGE_BYTES
  const slice = bytes.subarray(base, base + HEX_PAGE_BYTES)
  const scroller = useRef<HTMLDivElement>(null)
  const rows = hexDumpRowCount(slice.length)
  // Rows have one fixed height, so the rows in view follow from scrollTop by arithmetic. A general virtualizer
  // would keep a measurement per row: half a million of them for a 10 MB value, a long task on open.
  const [view, setView] = useState({ top: 0, height: 448 })
  useEffect(() => {
    const el = scroller.current
    if (!el) return
    el.scrollTop = 0
    setView({ top: 0, height: el.clientHeight || 448 })
  }, [page])
  const first = Math.max(0, Math.floor(view.top / ROW) - OVERSCAN)
  const last = Math.min(rows, Math.ceil((view.top + view.height) / ROW) + OVERSCAN)
  const visible = Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i)
  const width = Math.max(8, (bytes.length - 1).toString(16).length)
  return (
    // A container, so the dump's font can shrink to fit its column (a 1280 px window's detail panel is ~530 px).
    <div className="space-y-1 @container">
      {pages > 1 && (
        <div className="flex items-center gap-2 text-xs">
          <Button size="sm" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous 8 MB
          </Button>
          <span>
            Bytes {formatBytesSize(base)}–{formatBytesSize(base + slice.length)} of{' '}
            {formatBytesSize(bytes.length)}
          </span>
          <Button size="sm" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
            Next 8 MB
          </Button>
        </div>
      )}
      <div
        ref={scroller}
        role="region"
        aria-label={`${label} hex dump`}
        tabIndex={0}
        onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
        className="max-h-[28rem] overflow-auto rounded border border-slate-200 bg-slate-50 font-mono dark:border-slate-700 dark:bg-slate-950"
        style={{ fontSize: FONT_SIZE }}
      >
        <div className="relative" style={{ height: rows * ROW, minWidth: ROW_CH }}>
          {visible.map((index) => {
            const row = hexDumpRow(slice, index)
            const offset = (base + index * 16).toString(16).padStart(width, '0')
            const marked =
              page === 0 && index === 0 && highlight > 0
                ? Math.min(highlight, 16) * 3 - 1 + (highlight > 8 ? 1 : 0)
                : 0
            return (
              <div
                key={index}
                className="absolute inset-x-0 flex gap-[1.5ch] px-[1ch] whitespace-pre"
                style={{ height: ROW, transform: `translateY(${index * ROW}px)`, lineHeight: `${ROW}px` }}
              >
                <span className="text-slate-500 dark:text-slate-400">{offset}</span>
                <span className="text-slate-900 dark:text-slate-100">
                  {marked > 0 && (
                    <mark
                      title="Schema Registry wire prefix: magic byte and 4-byte schema id"
                      className="rounded bg-violet-200 text-violet-950 dark:bg-violet-800 dark:text-violet-50"
                    >
                      {row.hex.slice(0, marked)}
                    </mark>
                  )}
                  {row.hex.slice(marked)}
                </span>
                <span className="text-slate-600 dark:text-slate-300">|{row.ascii}|</span>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
