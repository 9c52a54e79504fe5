/** Axis helpers for the SVG charts: a round top value and evenly spaced ticks from 0. */

/** The smallest 1, 2 or 5 × 10^n at or above `max` (at least 1, so an all-zero series still has an axis). */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 1) return 1
  const power = 10 ** Math.floor(Math.log10(max))
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power
  return 10 * power
}

/** `count` + 1 ticks from 0 to `top`. */
export function ticks(top: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (top * i) / count)
}

/** Short axis labels: 1200 → 1.2k, 3500000 → 3.5M. */
export function shortNumber(n: number): string {
  const abs = Math.abs(n)
  const fmt = (v: number, unit: string) => `${Number(v.toFixed(1))}${unit}`
  if (abs >= 1e9) return fmt(n / 1e9, 'G')
  if (abs >= 1e6) return fmt(n / 1e6, 'M')
  if (abs >= 1e3) return fmt(n / 1e3, 'k')
  return String(Number(n.toFixed(2)))
}
