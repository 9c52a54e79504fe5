import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { HeadersTable } from './headers-table.tsx'

describe('HeadersTable', () => {
  it('shows invisible and reordering characters in header names as marks', () => {
    render(
      <HeadersTable
        headers={[
          { name: 'trace\u202Edi-', value: new TextEncoder().encode('v') },
          { name: 'zero\u200Bwidth', value: null },
          { name: 'bad\ud800', value: null },
        ]}
      />,
    )
    const table = screen.getByRole('table')
    const bidi = within(table).getByRole('rowheader', { name: 'traceU+202Edi-' })
    expect(within(bidi).getByText('U+202E')).toHaveAttribute('title', expect.stringMatching(/bidirectional/))
    expect(within(table).getByRole('rowheader', { name: 'zeroU+200Bwidth' })).toBeVisible()
    expect(within(table).getByRole('rowheader', { name: 'badU+D800' })).toBeVisible()
  })
})
