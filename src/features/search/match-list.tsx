import { VirtualList } from '../../components/virtual-list.tsx'
import { rowPreview, ROW_PREFIX_BYTES } from '../../lib/decode/row-preview.ts'
import type { MatchedRecord } from '../../lib/search-scan/scan-record.ts'

const ROW = 36
const prefix = (b: Uint8Array | null, n: number) => (b === null ? null : b.subarray(0, n))

/** The matches as they stream in, virtualized; a row opens the match in the detail below. */
export function MatchList({
  matches,
  selected,
  onSelect,
}: {
  matches: MatchedRecord[]
  selected: number | null
  onSelect(index: number): void
}) {
  return (
    <VirtualList
      count={matches.length}
      rowHeight={ROW}
      regionLabel="Matches"
      listLabel="Matching messages"
      heightClass="h-80"
      rowClassName="px-0"
      renderRow={(i) => {
        const m = matches[i]
        const key = rowPreview(prefix(m.key, 96), m.key?.length ?? 0, 40)
        const value = rowPreview(prefix(m.value, ROW_PREFIX_BYTES), m.value?.length ?? 0)
        return (
          <button
            type="button"
            aria-pressed={selected === i}
            onClick={() => onSelect(i)}
            className={`flex h-full w-full items-center gap-3 px-3 text-left text-sm ${selected === i ? 'bg-indigo-50 dark:bg-indigo-950' : 'hover:bg-slate-50 dark:hover:bg-slate-800'}`}
          >
            <span className="w-28 shrink-0 font-mono text-xs">
              {m.partition}:{m.offset}
            </span>
            <span className="w-48 shrink-0 truncate">{key.text}</span>
            <span className="truncate">{value.text}</span>
          </button>
        )
      }}
    />
  )
}
