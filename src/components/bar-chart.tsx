import { niceMax } from '../lib/chart-scale.ts'
import { ChartGrid } from './chart-grid.tsx'

export interface Bar {
  label: string
  value: number
  /** Drawn in the warning colour with a mark above it (not by colour alone). */
  marked?: boolean
}

const W = 640
const H = 200
const PAD = { left: 48, right: 12, top: 16, bottom: 24 }

/** A bar chart in SVG, themed with Tailwind classes; `label` is its accessible name. */
export function BarChart({ label, bars }: { label: string; bars: readonly Bar[] }) {
  const top = niceMax(Math.max(0, ...bars.map((b) => b.value)))
  const slot = (W - PAD.left - PAD.right) / Math.max(1, bars.length)
  const width = Math.max(1, Math.min(48, slot * 0.7))
  const py = (y: number) => H - PAD.bottom - (y / top) * (H - PAD.top - PAD.bottom)
  // Label every bar while they fit, else about 12 of them.
  const every = Math.max(1, Math.ceil(bars.length / 12))
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${W} ${H}`} className="h-auto w-full max-w-3xl text-xs">
      <ChartGrid top={top} left={PAD.left} right={W - PAD.right} y={py} />
      {bars.map((b, i) => {
        const cx = PAD.left + slot * i + slot / 2
        const y = py(b.value)
        return (
          <g key={i} data-bar={b.label} data-marked={b.marked ? 'true' : undefined}>
            <rect
              x={cx - width / 2}
              y={y}
              width={width}
              height={Math.max(0, H - PAD.bottom - y)}
              className={
                b.marked ? 'fill-amber-500 dark:fill-amber-400' : 'fill-indigo-500 dark:fill-indigo-400'
              }
            />
            {b.marked && (
              <text x={cx} y={y - 3} textAnchor="middle" className="fill-amber-700 dark:fill-amber-300">
                !
              </text>
            )}
            {i % every === 0 && (
              <text x={cx} y={H - 8} textAnchor="middle" className="fill-slate-600 dark:fill-slate-300">
                {b.label}
              </text>
            )}
          </g>
        )
      })}
    </svg>
  )
}
