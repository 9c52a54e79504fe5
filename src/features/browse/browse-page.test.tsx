import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { provideKafkaClient } from '../../data/connection-scope.ts'
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { CONFLUENT_BASE, withCapabilities } from '../../api/capabilities.ts'
import type { KafkaRestClient } from '../../api/kafka-rest-client.ts'
import type { FetchRequest, KafkaRecord } from '../../api/types.ts'
import { usePreferencesStore } from '../../stores/preferences-store.ts'
import { BrowsePage } from './browse-page.tsx'

// Strimzi-like: timestamps and headers on consumed records.
const CAPS = withCapabilities(CONFLUENT_BASE, { browse: { timestamps: true, headers: true } })

const enc = (s: string) => new TextEncoder().encode(s)
const T0 = Date.UTC(2026, 10, 26, 17, 5, 3, 123)

/** Partition p holds 3 records at T0 + (2·i + p) seconds: timestamps interleave across the two partitions. */
function recordAt(p: number, i: number): KafkaRecord {
  const value = enc(JSON.stringify({ p, i }))
  return {
    topic: 'events',
    partition: p,
    offset: String(i),
    timestamp: T0 + (2 * i + p) * 1000,
    key: enc(`k${p}${i}`),
    value,
    keySize: 3,
    valueSize: value.length,
    headers: [
      { name: 'trace-id', value: enc(`t-${p}-${i}`) },
      { name: 'retry', value: null },
    ],
  }
}

function fakeClient() {
  const fetchRecords = vi.fn(async (req: FetchRequest) => {
    const all = [0, 1, 2].map((i) => recordAt(req.partition, i))
    const end = req.endOffset === undefined ? 3 : Number(req.endOffset)
    const records = all
      .filter((r) => Number(r.offset) >= Number(req.offset) && Number(r.offset) < end)
      .slice(0, req.count)
    return { records, nextOffset: String(Number(records.at(-1)?.offset ?? req.offset) + 1) }
  })
  const client = {
    dialect: { id: 'strimzi', name: 'Fake bridge', notes: [] },
    capabilities: CAPS,
    listTopics: async () => [{ name: 'events' }],
    getTopic: async (name: string) => ({
      name,
      configs: null,
      partitions: [0, 1].map((id) => ({ id, leader: 1, replicas: [], inSync: [] })),
    }),
    getPartitionOffsets: async () => ({ beginning: '0', end: '3' }),
    fetchRecords,
    dispose: async () => {},
  } as unknown as KafkaRestClient
  return { client, fetchRecords }
}

// jsdom has no layout, so a real virtualizer shows nothing: render the first rows (virtualization itself is
// covered by the e2e tests in a real browser).
vi.mock('@tanstack/react-virtual', () => ({
  useVirtualizer: ({ count, estimateSize }: { count: number; estimateSize: () => number }) => ({
    getVirtualItems: () =>
      Array.from({ length: Math.min(count, 50) }, (_, index) => ({
        index,
        key: index,
        start: index * estimateSize(),
      })),
    getTotalSize: () => count * estimateSize(),
    scrollToIndex: () => {},
  }),
}))

function renderPage(client: KafkaRestClient, query: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  // As the app shell does: the connection's queries find their client in their context.
  provideKafkaClient(queryClient, 'c1', client)
  window.location.hash = `#/browse?${query}`
  return render(
    <QueryClientProvider client={queryClient}>
      <BrowsePage connected={{ client, connectionId: 'c1' }} params={new URLSearchParams(query)} />
    </QueryClientProvider>,
  )
}

describe('BrowsePage with an API that has timestamps and headers', () => {
  it('merges partitions by timestamp, shows times in the chosen zone and the headers', async () => {
    act(() => usePreferencesStore.getState().setTimeZone('UTC'))
    const { client } = fakeClient()
    renderPage(client, 'topic=events&start=beginning&sel=1%3A1')
    expect(
      await screen.findByText(
        '6 messages from 2 partitions, merged by timestamp (then partition and offset)',
      ),
    ).toBeInTheDocument()
    const rows = within(screen.getByRole('listbox', { name: 'Messages' })).getAllByRole('option')
    expect(rows.map((r) => r.id)).toEqual(['msg-0:0', 'msg-1:0', 'msg-0:1', 'msg-1:1', 'msg-0:2', 'msg-1:2'])
    expect(rows[1]).toHaveTextContent('2026-11-26 17:05:04.123 UTC')
    expect(within(rows[1]).getByText('2026-11-26 17:05:04.123 UTC')).toHaveAttribute(
      'title',
      expect.stringContaining(`${T0 + 1000} ms since epoch`),
    )

    const detail = screen
      .getByRole('heading', { level: 2, name: 'Partition 1 · offset 1' })
      .closest('section')!
    const headers = within(detail).getByRole('table', { name: 'Headers (2)' })
    expect(within(headers).getByRole('rowheader', { name: 'trace-id' }).closest('tr')).toHaveTextContent(
      't-1-1',
    )
    expect(within(headers).getByRole('rowheader', { name: 'retry' }).closest('tr')).toHaveTextContent('null')
    expect(within(detail).getByText('2026-11-26 17:05:06.123 UTC')).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'Merge by' })).toHaveValue('timestamp')
  })

  it('filters on header values', async () => {
    const { client } = fakeClient()
    renderPage(client, 'topic=events&start=beginning')
    await screen.findByText(/6 messages from 2 partitions/)
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter messages' }), 't-1-2')
    expect(await screen.findByText('1 of 6 match')).toBeInTheDocument()
    expect(
      within(screen.getByRole('listbox', { name: 'Messages' }))
        .getAllByRole('option')
        .map((r) => r.id),
    ).toEqual(['msg-1:2'])
  })

  it('offers a start time and finds it by binary search over offsets', async () => {
    act(() => usePreferencesStore.getState().setTimeZone('UTC'))
    const { client, fetchRecords } = fakeClient()
    renderPage(
      client,
      `topic=events&partition=1&start=timestamp&ts=${encodeURIComponent(new Date(T0 + 2500).toISOString())}`,
    )
    // Partition 1's times are T0+1 s, T0+3 s, T0+5 s: the first at or after T0+2.5 s is offset 1.
    expect(await screen.findByText('2 messages of partition 1, offsets 1–2')).toBeInTheDocument()
    // Probes read one record each; then the window itself.
    expect(fetchRecords.mock.calls.filter(([r]) => r.count === 1).length).toBeGreaterThan(0)
    expect(screen.getByRole('radio', { name: 'From time' })).toBeChecked()
    expect(screen.getByRole('textbox', { name: 'Timestamp' })).toHaveValue('2026-11-26T17:05:05.623Z')
  })
})

describe('BrowsePage against a hostile endpoint', () => {
  /** A topic with `ids` as partitions, each holding one record at offset 0. */
  function manyPartitions(ids: number[]) {
    const { client, fetchRecords } = fakeClient()
    const getPartitionOffsets = vi.fn(async () => ({ beginning: '0', end: '1' }))
    Object.assign(client, {
      getTopic: async (name: string) => ({
        name,
        configs: null,
        partitions: ids.map((id) => ({ id, leader: 1, replicas: [], inSync: [] })),
      }),
      getPartitionOffsets,
    })
    fetchRecords.mockImplementation(async (req: FetchRequest) => ({
      records: req.offset === '0' ? [recordAt(req.partition, 0)] : [],
      nextOffset: '1',
    }))
    return { client, fetchRecords, getPartitionOffsets }
  }

  it('asks before reading all of 40 partitions, and reads nothing until then', async () => {
    const { client, fetchRecords, getPartitionOffsets } = manyPartitions([...Array(40).keys()])
    renderPage(client, 'topic=events&partition=all&start=beginning')
    const read = await screen.findByRole('button', { name: 'Read all 40 partitions' })
    expect(screen.getByText(/events/, { selector: 'span' }).closest('div')).toHaveTextContent(
      'has 40 partitions',
    )
    expect(getPartitionOffsets).not.toHaveBeenCalled()
    expect(fetchRecords).not.toHaveBeenCalled()
    await userEvent.click(read)
    expect(await screen.findByText(/40 messages from 40 partitions/)).toBeInTheDocument()
    expect(fetchRecords).toHaveBeenCalledTimes(40)
  })

  it('opens a row whose selection cannot be linked, without a link', async () => {
    const { client } = manyPartitions([0, 3_000_000_000])
    renderPage(client, 'topic=events&partition=all&start=beginning')
    await screen.findByText(/2 messages from 2 partitions/)
    await userEvent.click(document.getElementById('msg-3000000000:0')!)
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Partition 3000000000 · offset 0' }),
    ).toBeInTheDocument()
    expect(screen.getByText(/No link: partition 3000000000, offset 0 cannot be written/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Copy link' })).not.toBeInTheDocument()
  })

  it('says why it ignored a deep link offset beyond int64', async () => {
    const { client } = fakeClient()
    renderPage(client, 'topic=events&partition=0&start=offset&offset=9223372036854775808')
    const problems = await screen.findByRole('list', { name: 'Link problems' })
    expect(problems).toHaveTextContent(
      "The link's offset 9223372036854775808 is beyond the largest Kafka offset (2^63 − 1 = 9223372036854775807); it was ignored.",
    )
  })

  it('refuses an offset beyond int64 or negative in the Offset field', async () => {
    const { client, fetchRecords } = fakeClient()
    renderPage(client, 'topic=events&partition=0&start=beginning')
    await screen.findByText(/3 messages of partition 0/)
    const calls = fetchRecords.mock.calls.length
    const offset = screen.getByRole('textbox', { name: 'Offset' })
    await userEvent.type(offset, '9223372036854775808')
    await userEvent.click(screen.getByRole('button', { name: 'Fetch' }))
    expect(await screen.findByText(/is beyond the largest Kafka offset/)).toBeInTheDocument()
    await userEvent.clear(offset)
    await userEvent.type(offset, '-5')
    await userEvent.click(screen.getByRole('button', { name: 'Fetch' }))
    expect(await screen.findByText('Offset -5 is negative: Kafka offsets start at 0.')).toBeInTheDocument()
    expect(fetchRecords.mock.calls.length).toBe(calls)
  })
})
