import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { RunProgress } from '../../lib/generate/run-generate.ts'
import { GenerateProgress } from './generate-progress.tsx'

const progress = (p: Partial<RunProgress>): RunProgress => ({
  sent: 20_000,
  acknowledged: 20_000,
  failed: 0,
  perSecond: 3150,
  elapsedMs: 6000,
  timeLeftMs: 25_000,
  paused: false,
  total: 100_000,
  targetRate: 4000,
  ...p,
})
const show = (p: Partial<RunProgress>, running = true) =>
  render(
    <GenerateProgress
      progress={progress(p)}
      running={running}
      onPause={() => {}}
      onResume={() => {}}
      onStop={() => {}}
    />,
  )

describe('GenerateProgress', () => {
  it('says when the endpoint keeps the run under its target rate', () => {
    show({})
    expect(
      screen.getByText(/Below the target of 4000 records\/s: the endpoint acknowledges about 3150/),
    ).toBeTruthy()
  })

  it('says nothing within 10% of the target, at full speed, in the first seconds, paused or finished', () => {
    for (const [p, running] of [
      [{ perSecond: 3700 }, true],
      [{ targetRate: null }, true],
      [{ elapsedMs: 2000 }, true],
      [{ paused: true }, true],
      [{}, false],
    ] as const) {
      const { unmount } = show(p, running)
      expect(screen.queryByText(/Below the target/)).toBeNull()
      unmount()
    }
  })
})
