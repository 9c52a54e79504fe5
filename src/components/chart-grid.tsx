import { shortNumber, ticks } from '../lib/chart-scale.ts'

/** The horizontal grid lines and y-axis labels both charts draw, from 0 to `top`. */
export function ChartGrid({
  top,
  left,
  right,
  y,
}: {
  top: number
  /** x of the plot's left edge (labels end just before it) and right edge. */
  left: number
  right: number
  /** The y coordinate of a value. */
  y(value: number): number
}) {
  return (
    <>
      {ticks(top).map((t) => (
        <g key={t}>
          <line x1={left} x2={right} y1={y(t)} y2={y(t)} className="stroke-slate-200 dark:stroke-slate-700" />
          <text x={left - 6} y={y(t) + 4} textAnchor="end" className="fill-slate-600 dark:fill-slate-300">
            {shortNumber(t)}
          </text>
        </g>
      ))}
    </>
  )
}
