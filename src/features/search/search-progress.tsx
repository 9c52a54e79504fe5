import { formatBytesSize } from '../../lib/bytes/format-size.ts'
import { groupDigits } from '../../lib/group-digits.ts'
import type { PartitionProgress } from '../../lib/search-scan/scan-runner.ts'

function timeLeft(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–'
  if (seconds < 60) return `${Math.ceil(seconds)} s`
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} min`
  return `${(seconds / 3600).toFixed(1)} h`
}

/** Offsets scanned of total, messages/s and the time left, per partition (the rate is the scan's average). */
export function SearchProgress({
  partitions,
  scanned,
  bytes,
  elapsedMs,
}: {
  partitions: PartitionProgress[]
  scanned: number
  bytes: number
  elapsedMs: number
}) {
  const seconds = Math.max(elapsedMs / 1000, 0.001)
  const shown = partitions.slice(0, 200)
  return (
    <div className="space-y-1">
      <p className="text-sm" aria-label="Scan totals">
        Scanned {groupDigits(scanned)} messages ({formatBytesSize(bytes)}) ·{' '}
        {groupDigits(Math.round(scanned / seconds))} messages/s
      </p>
      <div className="max-h-48 overflow-auto">
        <table aria-label="Progress per partition" className="w-full text-left text-xs">
          <thead>
            <tr className="text-slate-500">
              <th className="pr-3 font-medium">Partition</th>
              <th className="pr-3 font-medium">Scanned</th>
              <th className="pr-3 font-medium">Messages/s</th>
              <th className="pr-3 font-medium">Time left</th>
              <th className="font-medium">State</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => {
              const rate = p.scanned / seconds
              const left = p.total === undefined ? NaN : Math.max(0, p.total - p.scanned) / rate
              return (
                <tr key={p.partition}>
                  <td className="pr-3 font-mono">{p.partition}</td>
                  <td className="pr-3">
                    {groupDigits(p.scanned)}
                    {p.total !== undefined && ` of ${groupDigits(p.total)}`}
                  </td>
                  <td className="pr-3">{groupDigits(Math.round(rate))}</td>
                  <td className="pr-3">{p.state === 'reading' ? timeLeft(left) : '–'}</td>
                  <td>
                    {p.state}
                    {p.note && (
                      <span className="ml-1 text-amber-700 dark:text-amber-300">{p.note.slice(0, 300)}</span>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        {partitions.length > shown.length && (
          <p className="text-xs text-slate-500">…and {partitions.length - shown.length} more partitions.</p>
        )}
      </div>
    </div>
  )
}
