import { niceMax } from '../lib/chart-scale.ts'
import { ChartGrid } from './chart-grid.tsx'

export interface LinePoint {
  x: number
  y: number
}

const W = 640
const H = 200
const PAD = { left: 48, right: 12, top: 10, bottom: 24 }

/**
 * A single-series line chart in SVG (no library: themed with Tailwind classes, so it follows light and dark).
 * `label` is its accessible name; the caller offers the same data as a table (ChartFigure).
 */
export function LineChart({
  label,
  points,
  formatX,
}: {
  label: string
  points: readonly LinePoint[]
  formatX: (x: number) => string
}) {
  const top = niceMax(Math.max(0, ...points.map((p) => p.y)))
  const x0 = points[0]?.x ?? 0
  const x1 = points.at(-1)?.x ?? 1
  const span = Math.max(1, x1 - x0)
  const px = (x: number) => PAD.left + ((x - x0) / span) * (W - PAD.left - PAD.right)
  const py = (y: number) => H - PAD.bottom - (y / top) * (H - PAD.top - PAD.bottom)
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`)
  const last = points.at(-1)
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${W} ${H}`}
      className="h-auto w-full max-w-3xl text-xs"
      data-points={points.length}
    >
      <ChartGrid top={top} left={PAD.left} right={W - PAD.right} y={py} />
      {points.length > 0 && (
        <>
          <text x={PAD.left} y={H - 6} className="fill-slate-600 dark:fill-slate-300">
            {formatX(x0)}
          </text>
          <text x={W - PAD.right} y={H - 6} textAnchor="end" className="fill-slate-600 dark:fill-slate-300">
            {formatX(x1)}
          </text>
        </>
      )}
      {points.length > 1 && (
        <path
          d={path.join(' ')}
          fill="none"
          strokeWidth={2}
          className="stroke-indigo-600 dark:stroke-indigo-400"
        />
      )}
      {last && (
        <circle cx={px(last.x)} cy={py(last.y)} r={3} className="fill-indigo-600 dark:fill-indigo-400" />
      )}
    </svg>
  )
}
