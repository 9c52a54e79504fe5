import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { BarChart } from './bar-chart.tsx'
import { ChartFigure } from './chart-figure.tsx'
import { LineChart } from './line-chart.tsx'

describe('charts', () => {
  it('a figure shows its chart, and the same data as a table one click away', () => {
    render(
      <ChartFigure
        title="Lag"
        table={{ columns: ['Time', 'Lag'], rows: [['10:00:00', '5']] }}
        summary="Polled"
      >
        <LineChart label="Lag over time" points={[{ x: 0, y: 5 }]} formatX={String} />
      </ChartFigure>,
    )
    const figure = screen.getByRole('figure', { name: 'Lag' })
    expect(within(figure).getByRole('img', { name: 'Lag over time' })).toBeInTheDocument()
    fireEvent.click(within(figure).getByRole('button', { name: 'Show as table' }))
    expect(within(figure).queryByRole('img')).toBeNull()
    const table = within(figure).getByRole('table', { name: 'Lag' })
    expect(
      within(table)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['10:00:00', '5'])
    expect(within(figure).getByRole('button', { name: 'Show as table' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
  })

  it('draws one path through the points, and nothing for an empty series', () => {
    const { container, rerender } = render(
      <LineChart
        label="l"
        points={[
          { x: 0, y: 1 },
          { x: 1, y: 3 },
          { x: 2, y: 2 },
        ]}
        formatX={String}
      />,
    )
    expect(container.querySelectorAll('path')).toHaveLength(1)
    expect(container.querySelector('svg')).toHaveAttribute('data-points', '3')
    rerender(<LineChart label="l" points={[]} formatX={String} />)
    expect(container.querySelectorAll('path')).toHaveLength(0)
  })

  it('marks bars by a sign as well as a colour', () => {
    const { container } = render(
      <BarChart
        label="b"
        bars={[
          { label: '0', value: 2 },
          { label: '1', value: 10, marked: true },
        ]}
      />,
    )
    expect(container.querySelectorAll('rect')).toHaveLength(2)
    const marked = container.querySelector('[data-marked="true"]')!
    expect(marked.getAttribute('data-bar')).toBe('1')
    expect(marked.textContent).toContain('!')
  })
})
