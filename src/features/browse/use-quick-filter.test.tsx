import { renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { KafkaRecord } from '../../api/types.ts'
import { record } from '../../lib/browse/test-records.ts'
import { FILTER_AT_ONCE, useQuickFilter } from './use-quick-filter.ts'

const window = (n: number): KafkaRecord[] => Array.from({ length: n }, (_, i) => record(0, i, i, `seq-${i}`))

describe('useQuickFilter', () => {
  it('filters a small window at once', () => {
    const records = window(100)
    const { result } = renderHook(() => useQuickFilter(records, 'seq-7', undefined))
    expect(result.current.filtered.map((r) => r.offset)).toEqual([
      '7',
      '70',
      '71',
      '72',
      '73',
      '74',
      '75',
      '76',
      '77',
      '78',
      '79',
    ])
    expect(result.current.scanning).toBeNull()
  })

  it('scans a big window in slices, says so meanwhile, then shows the matches; an empty query shows all', async () => {
    const records = window(FILTER_AT_ONCE * 2)
    const { result, rerender } = renderHook(({ q }) => useQuickFilter(records, q, undefined), {
      initialProps: { q: 'seq-999' },
    })
    expect(result.current.scanning).toEqual({ scanned: 0, total: records.length })
    expect(result.current.filtered).toEqual([])
    await waitFor(() => expect(result.current.scanning).toBeNull())
    expect(result.current.filtered.map((r) => r.offset)).toEqual([
      '999',
      '9990',
      '9991',
      '9992',
      '9993',
      '9994',
      '9995',
      '9996',
      '9997',
      '9998',
      '9999',
    ])
    expect(result.current.query).toBe('seq-999')

    // A new query: the previous matches stay on screen, named by their query, until the new scan ends.
    rerender({ q: 'seq-4242' })
    expect(result.current.scanning).not.toBeNull()
    expect(result.current.query).toBe('seq-999')
    expect(result.current.filtered).toHaveLength(11)
    await waitFor(() => expect(result.current.query).toBe('seq-4242'))
    expect(result.current.filtered.map((r) => r.offset)).toEqual(['4242'])

    rerender({ q: '' })
    expect(result.current.filtered).toBe(records)
    expect(result.current.scanning).toBeNull()
  })
})
