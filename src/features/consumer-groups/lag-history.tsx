import { lazy, Suspense } from 'react'
import { Button } from '../../components/button.tsx'
import { ChartFigure } from '../../components/chart-figure.tsx'
import { Spinner } from '../../components/spinner.tsx'
import { lagTrend, type LagSample } from '../../lib/consumer-lag.ts'

// The chart's code loads with the first chart shown, not with the page.
const LineChart = lazy(() =>
  import('../../components/line-chart.tsx').then((m) => ({ default: m.LineChart })),
)

const POLL_INTERVALS_MS = [2_000, 5_000, 10_000, 30_000] as const

const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19)

export function LagHistory({
  samples,
  max,
  paused,
  onPause,
  intervalMs,
  onInterval,
}: {
  samples: readonly LagSample[]
  max: number
  paused: boolean
  onPause: (paused: boolean) => void
  intervalMs: number
  onInterval: (ms: number) => void
}) {
  const trend = lagTrend(samples)
  const last = samples.at(-1)
  const title = 'Total lag over time'
  return (
    <ChartFigure
      title={title}
      table={{
        columns: ['Time (UTC)', 'Total lag'],
        rows: samples.map((s) => [clock(s.at), s.lag]),
      }}
      actions={
        <>
          <label className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-300">
            Poll every
            <select
              value={intervalMs}
              onChange={(e) => onInterval(Number(e.target.value))}
              className="rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-600"
            >
              {POLL_INTERVALS_MS.map((ms) => (
                <option key={ms} value={ms}>
                  {ms / 1000} s
                </option>
              ))}
            </select>
          </label>
          <Button size="sm" aria-pressed={paused} onClick={() => onPause(!paused)}>
            {paused ? 'Resume' : 'Pause'}
          </Button>
        </>
      }
      summary={
        <>
          {paused ? 'Paused' : `Polled every ${intervalMs / 1000} s while this page is open`} ·{' '}
          {samples.length} of {max} samples kept
          {last && ` · now ${last.lag}`}
          {trend && trend !== 'flat' && ` (${trend === 'up' ? 'growing' : 'dropping'})`}
        </>
      }
    >
      <Suspense fallback={<Spinner label="Loading chart" />}>
        <LineChart
          label={`${title}: ${samples.length} samples${last ? `, latest ${last.lag}` : ''}`}
          points={samples.map((s) => ({ x: s.at, y: Number(s.lag) }))}
          formatX={clock}
        />
      </Suspense>
    </ChartFigure>
  )
}
