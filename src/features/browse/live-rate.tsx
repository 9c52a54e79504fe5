import { lazy, Suspense } from 'react'
import { ChartFigure } from '../../components/chart-figure.tsx'
import { Spinner } from '../../components/spinner.tsx'
import type { RatePoint } from '../../lib/rate.ts'

// The chart's code loads with the first chart shown, not with the page.
const LineChart = lazy(() =>
  import('../../components/line-chart.tsx').then((m) => ({ default: m.LineChart })),
)

const TITLE = 'Live tail: messages per second'
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19)
const rate = (n: number) => String(Number(n.toFixed(2)))

export function LiveRate({ rates, max }: { rates: readonly RatePoint[]; max: number }) {
  const last = rates.at(-1)
  return (
    <ChartFigure
      title={TITLE}
      table={{
        columns: ['Time (UTC)', 'Messages/s'],
        rows: rates.map((r) => [clock(r.at), rate(r.perSecond)]),
      }}
      summary={`One point per poll, newest ${max} kept${last ? ` · now ${rate(last.perSecond)}/s` : ''}`}
    >
      <Suspense fallback={<Spinner label="Loading chart" />}>
        <LineChart
          label={`${TITLE}: ${rates.length} points${last ? `, latest ${rate(last.perSecond)}` : ''}`}
          points={rates.map((r) => ({ x: r.at, y: r.perSecond }))}
          formatX={clock}
        />
      </Suspense>
    </ChartFigure>
  )
}
