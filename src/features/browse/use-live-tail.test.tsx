import { act, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CONFLUENT_BASE, withCapabilities } from '../../api/capabilities.ts'
import type { KafkaRestClient } from '../../api/kafka-rest-client.ts'
import type { FetchResult } from '../../api/types.ts'
import { useLiveTail } from './use-live-tail.ts'

const NOTE = 'Partition 0: the endpoint returned no new records after offset 4 (5 polls in a row …).'

function stuckClient() {
  const fetchRecords = vi.fn(async (): Promise<FetchResult> => ({ records: [], nextOffset: '5', note: NOTE }))
  const client = {
    dialect: { id: 'redpanda', name: 'Fake', notes: [] },
    capabilities: withCapabilities(CONFLUENT_BASE, { browse: { stateless: true } }),
    getPartitionOffsets: async () => ({ beginning: '0', end: '5' }),
    fetchRecords,
  } as unknown as KafkaRestClient
  return { client, fetchRecords }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('useLiveTail against an endpoint that makes no progress', () => {
  it('shows why and polls less and less often (not every 1.5 s)', async () => {
    vi.useFakeTimers()
    const { client, fetchRecords } = stuckClient()
    const { result, unmount } = renderHook(() => useLiveTail(client, 't', [0], 'offset', 100, true))
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0)
    })
    expect(result.current.notes).toEqual([NOTE])
    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000)
    })
    // Ticks at 0, 3, 9 and 21 s (1.5 s doubled each time, up to 15 s); at a fixed 1.5 s it would be 21.
    expect(fetchRecords).toHaveBeenCalledTimes(4)
    unmount()
  })
})
