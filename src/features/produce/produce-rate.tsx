import { lazy, Suspense } from 'react'
import { ChartFigure } from '../../components/chart-figure.tsx'
import { Spinner } from '../../components/spinner.tsx'
import type { RatePoint } from '../../lib/rate.ts'

// The chart's code loads with the first chart shown, not with the page.
const LineChart = lazy(() =>
  import('../../components/line-chart.tsx').then((m) => ({ default: m.LineChart })),
)

const TITLE = 'Produce: records per second'
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 23)
const rate = (n: number) => String(Number(n.toFixed(1)))

export function ProduceRate({ rates }: { rates: readonly RatePoint[] }) {
  const peak = Math.max(0, ...rates.map((r) => r.perSecond))
  return (
    <ChartFigure
      title={TITLE}
      table={{
        columns: ['Time (UTC)', 'Records/s'],
        rows: rates.map((r) => [clock(r.at), rate(r.perSecond)]),
      }}
      summary={`Records sent estimated from the bytes uploaded, the last point when the endpoint answered · peak ${rate(peak)}/s`}
    >
      <Suspense fallback={<Spinner label="Loading chart" />}>
        <LineChart
          label={`${TITLE}: ${rates.length} points, peak ${rate(peak)}`}
          points={rates.map((r) => ({ x: r.at, y: r.perSecond }))}
          formatX={clock}
        />
      </Suspense>
    </ChartFigure>
  )
}
