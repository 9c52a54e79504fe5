import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { recordsToNdjson } from '../../lib/browse/export-records.ts'
import { record } from '../../lib/browse/test-records.ts'
import { saveBlob } from '../../lib/save-blob.ts'
import { ExportButtons } from './export-buttons.tsx'

vi.mock('../../lib/save-blob.ts', () => ({ saveBlob: vi.fn() }))

afterEach(() => vi.mocked(saveBlob).mockReset())

describe('ExportButtons', () => {
  const records = Array.from({ length: 3000 }, (_, i) => record(0, i + 10, i, `{"seq":${i}}`))

  it('writes the file in slices, shows how far it is, then saves it under a telling name', async () => {
    render(<ExportButtons topic="t" partition={0} records={records} timeZone="UTC" busy={false} />)
    fireEvent.click(screen.getByRole('button', { name: 'Export NDJSON' }))
    expect(screen.getByRole('button', { name: /^Exporting… \d+%$/ })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled()
    await waitFor(() => expect(saveBlob).toHaveBeenCalledTimes(1))
    const [blob, name] = vi.mocked(saveBlob).mock.calls[0]
    expect(name).toBe('t-p0-10-3009.ndjson')
    expect(await blob.text()).toBe(recordsToNdjson(records))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export NDJSON' })).toBeEnabled())
  })

  it('waits while the filter is still scanning, and with nothing to export', () => {
    const { rerender } = render(
      <ExportButtons topic="t" partition="all" records={records} timeZone="UTC" busy={true} />,
    )
    expect(screen.getByRole('button', { name: 'Export NDJSON' })).toBeDisabled()
    rerender(<ExportButtons topic="t" partition="all" records={[]} timeZone="UTC" busy={false} />)
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled()
  })
})
