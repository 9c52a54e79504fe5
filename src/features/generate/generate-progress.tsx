import { Button } from '../../components/button.tsx'
import { Link } from '../../components/link.tsx'
import { browseLinkParams } from '../../lib/browse-link.ts'
import type { FailedBatch, RunProgress, RunSummary } from '../../lib/generate/run-generate.ts'

const seconds = (ms: number | null) =>
  ms === null || !Number.isFinite(ms)
    ? '—'
    : ms < 60_000
      ? `${Math.ceil(ms / 1000)} s`
      : `${Math.ceil(ms / 60_000)} min`

/** Sent, acknowledged and failed, records/s and time left, with Pause/Resume and Stop while it runs. */
export function GenerateProgress({
  progress,
  running,
  onPause,
  onResume,
  onStop,
}: {
  progress: RunProgress
  running: boolean
  onPause(): void
  onResume(): void
  onStop(): void
}) {
  const { sent, acknowledged, failed, total, perSecond, timeLeftMs, paused, targetRate, elapsedMs } = progress
  // After a few seconds, a rate well under the target is the endpoint's (or the network's) limit: say so.
  const behind = running && !paused && targetRate !== null && elapsedMs > 3000 && perSecond < targetRate * 0.9
  return (
    <section aria-label="Progress" className="space-y-2">
      <progress
        aria-label="Generated"
        className="h-2 w-full"
        max={Math.max(1, total)}
        value={acknowledged + failed}
      />
      <p role="status" className="text-sm tabular-nums">
        Sent {sent} · acknowledged {acknowledged} · failed {failed} of {total} · {Math.round(perSecond)}{' '}
        records/s · time left {running ? seconds(timeLeftMs) : '0 s'}
        {paused && ' · paused'}
      </p>
      {behind && (
        <p className="text-sm text-amber-800 dark:text-amber-300">
          Below the target of {targetRate} records/s: the endpoint acknowledges about {Math.round(perSecond)}{' '}
          records/s.
        </p>
      )}
      {running && (
        <div className="flex gap-2">
          {paused ? (
            <Button variant="secondary" onClick={onResume}>
              Resume
            </Button>
          ) : (
            <Button variant="secondary" onClick={onPause}>
              Pause
            </Button>
          )}
          <Button variant="danger" onClick={onStop}>
            Stop
          </Button>
        </div>
      )}
    </section>
  )
}

/** The end of a run: offsets per partition with links to browse them, and the failed batches to retry. */
export function GenerateSummary({
  topic,
  summary,
  onRetry,
}: {
  topic: string
  summary: RunSummary
  onRetry(failure: FailedBatch): void
}) {
  return (
    <section
      aria-label="Summary"
      className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-800"
    >
      <h2 className="font-semibold">
        {summary.stopped ? 'Stopped' : 'Done'}: {summary.acknowledged} records acknowledged, {summary.failed}{' '}
        failed
      </h2>
      <p className="text-sm">
        Topic <span className="font-mono break-all">{topic}</span>
      </p>
      {summary.error && <p className="text-sm text-red-700 dark:text-red-300">{summary.error}</p>}
      {summary.ranges.length > 0 ? (
        <table className="text-sm">
          <thead>
            <tr>
              <th className="pr-4 text-left">Partition</th>
              <th className="pr-4 text-left">Offsets</th>
              <th className="pr-4 text-left">Records</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {summary.ranges.slice(0, 1000).map((r) => (
              <tr key={r.partition}>
                <td className="pr-4 tabular-nums">{r.partition}</td>
                <td className="pr-4 font-mono">
                  {r.first}–{r.last}
                </td>
                <td className="pr-4 tabular-nums">{r.count}</td>
                <td>
                  <Link
                    to="/browse"
                    params={browseLinkParams({
                      topic,
                      partition: r.partition,
                      start: 'offset',
                      offset: r.first,
                      count: Math.min(500, r.count),
                    })}
                    className="text-indigo-700 underline dark:text-indigo-300"
                  >
                    Browse partition {r.partition}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        summary.acknowledged > 0 && <p className="text-sm">The endpoint did not report offsets.</p>
      )}
      {summary.failedBatches.length > 0 && (
        <ul aria-label="Failed batches" className="space-y-1 text-sm">
          {summary.failedBatches.map((f) => (
            <li key={f.from} className="flex items-center gap-2">
              <span>
                Records {f.indices[0] + 1}–{f.indices[f.indices.length - 1] + 1} ({f.indices.length}):{' '}
                {f.error}
              </span>
              <Button size="sm" variant="secondary" onClick={() => onRetry(f)}>
                Retry
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
