import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { provideKafkaClient } from '../../data/connection-scope.ts'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { CONFLUENT_BASE, withCapabilities, type CapabilityDiff } from '../../api/capabilities.ts'
import type { KafkaRestClient } from '../../api/kafka-rest-client.ts'
import type { ProduceRecord, ProduceResult } from '../../api/types.ts'
import { byteList } from '../../lib/testing/bytes-assert.ts'
import { useProduceDraftStore } from '../../stores/produce-draft-store.ts'
import { ProducePage } from './produce-page.tsx'

// Produce with headers but no timestamps; browse without partition offsets.
const CAPS = withCapabilities(CONFLUENT_BASE, { produce: { headers: true }, browse: { offsets: false } })

function fakeClient(caps: CapabilityDiff, answer: (records: ProduceRecord[]) => ProduceResult[]) {
  const produce = vi.fn(async (_topic: string, records: ProduceRecord[]) => answer(records))
  const client = {
    dialect: { id: 'confluent-v3', name: 'Fake REST', notes: [] },
    capabilities: withCapabilities(CAPS, caps),
    listTopics: async () => [{ name: 'orders' }, { name: 'logs' }],
    getTopic: async (name: string) => ({
      name,
      configs: null,
      partitions: [0, 1, 2].map((id) => ({ id, leader: 1, replicas: [], inSync: [] })),
    }),
    produce,
  } as unknown as KafkaRestClient
  return { client, produce }
}

function renderPage(client: KafkaRestClient, topic: string | null = 'orders') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  // As the app shell does: the connection's queries find their client in their context.
  provideKafkaClient(queryClient, 'c1', client)
  return render(
    <QueryClientProvider client={queryClient}>
      <ProducePage connected={{ client, connectionId: 'c1' }} topic={topic} />
    </QueryClientProvider>,
  )
}

const delivered = (records: ProduceRecord[]): ProduceResult[] =>
  records.map((_, i) => ({ ok: true, partition: 1, offset: String(41 + i) }))

describe('ProducePage', () => {
  it('sends with Ctrl+Enter and shows partition, offset and View message', async () => {
    const user = userEvent.setup()
    const { client, produce } = fakeClient({}, delivered)
    renderPage(client)
    // The topic list has loaded (the picker's placeholder says so).
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Topic' })).toHaveAttribute(
        'placeholder',
        'Choose a topic',
      ),
    )
    await user.click(within(screen.getByRole('group', { name: 'Key format' })).getByText('Text'))
    await user.type(screen.getByLabelText('Key', { selector: 'input' }), 'k1')
    await user.type(screen.getByLabelText('Value', { selector: 'textarea' }), 'hello 😀')
    await user.keyboard('{Control>}{Enter}{/Control}')
    const table = await screen.findByRole('table', { name: 'Produce results' })
    expect(produce).toHaveBeenCalledTimes(1)
    const [topic, records, options] = produce.mock.calls[0] as unknown as [
      string,
      ProduceRecord[],
      { partition?: number },
    ]
    expect(topic).toBe('orders')
    expect(options.partition).toBeUndefined()
    expect(byteList(records[0].key)).toEqual([0x6b, 0x31])
    expect(new TextDecoder().decode(records[0].value!)).toBe('hello 😀')
    expect(within(table).getByText('Delivered')).toBeInTheDocument()
    expect(within(table).getByText('41')).toBeInTheDocument()
    const link = within(table).getByRole('link', { name: 'View message' })
    expect(link.getAttribute('href')).toMatch(/^#\/browse\?topic=orders&partition=1&start=offset&offset=41/)
    // The form keeps what was typed.
    expect(screen.getByLabelText('Value', { selector: 'textarea' })).toHaveValue('hello 😀')
  })

  it('calls a topic missing from the list possibly missing only when its details fail', async () => {
    const { client } = fakeClient({}, delivered)
    const getTopic = client.getTopic.bind(client)
    // 'fresh' was created after the list was read; 'ghost' does not exist.
    client.getTopic = async (name, signal) => {
      if (name === 'ghost') throw new Error('Topic not found.')
      return getTopic(name, signal)
    }
    const hint = 'Not in the endpoint’s topic list: it may not exist.'
    const fresh = renderPage(client, 'fresh')
    await screen.findByText('Auto: by the key’s hash, or spread when there is no key. 3 partitions.')
    expect(screen.queryByText(hint)).toBeNull()
    fresh.unmount()
    renderPage(client, 'ghost')
    expect(await screen.findByText(hint)).toBeVisible()
  })

  it('shows a JSON error with its position and sends nothing', async () => {
    const user = userEvent.setup()
    const { client, produce } = fakeClient({}, delivered)
    renderPage(client)
    await user.click(within(screen.getByRole('group', { name: 'Value format' })).getByText('JSON'))
    const value = screen.getByLabelText('Value', { selector: 'textarea' })
    await user.click(value)
    await user.paste('{"a": 1,\n "b": [1, 2,]}')
    await user.click(screen.getByRole('button', { name: 'Produce' }))
    expect(value).toHaveAttribute('aria-invalid', 'true')
    expect(value).toHaveAccessibleDescription(/Invalid JSON: .*line 2, column 12/)
    expect(screen.getByRole('alert')).toHaveTextContent('Fix the problem marked above, then produce.')
    expect(produce).not.toHaveBeenCalled()
    expect(value).toHaveValue('{"a": 1,\n "b": [1, 2,]}')
  })

  it('shows a per-record error inside an HTTP 200 as a failure', async () => {
    const user = userEvent.setup()
    const { client } = fakeClient({}, (records) => [
      { ok: true, partition: 0, offset: '7' },
      ...records
        .slice(1)
        .map(() => ({ ok: false as const, errorCode: 50003, message: 'Topic orders not found.' })),
    ])
    renderPage(client)
    await user.type(screen.getByLabelText('Value', { selector: 'textarea' }), 'a')
    await user.click(screen.getByRole('button', { name: 'Add record' }))
    const second = screen.getByRole('group', { name: 'Record 2' })
    await user.type(within(second).getByLabelText('Value', { selector: 'textarea' }), 'b')
    await user.click(screen.getByRole('button', { name: 'Produce' }))
    expect(await screen.findByText('1 of 2 records failed; 1 delivered to orders.')).toBeInTheDocument()
    const rows = within(screen.getByRole('table', { name: 'Produce results' })).getAllByRole('row')
    expect(rows[2]).toHaveTextContent('Failed')
    expect(rows[2]).toHaveTextContent('Error 50003: Topic orders not found.')
    expect(within(rows[2]).queryByRole('link')).toBeNull()
  })

  it('takes a dropped file as the value and sends its exact bytes', async () => {
    const user = userEvent.setup()
    const { client, produce } = fakeClient({}, delivered)
    renderPage(client)
    await user.click(within(screen.getByRole('group', { name: 'Value format' })).getByText('File'))
    const bytes = new Uint8Array([0, 0xff, 0x10, 0x80, 0x7f])
    const file = new File([bytes], 'dropped.bin')
    const zone = screen.getByText(/Or drop a file here/).parentElement!
    fireEvent.drop(zone, { dataTransfer: { files: [file] } })
    expect(await screen.findByLabelText('File name')).toHaveTextContent('dropped.bin')
    expect(screen.getByLabelText('File size')).toHaveTextContent('5 B (5 bytes)')
    expect(await screen.findByLabelText('First 5 bytes (hex)')).toHaveTextContent('00 ff 10 80 7f')
    await user.click(screen.getByRole('button', { name: 'Produce' }))
    await screen.findByRole('table', { name: 'Produce results' })
    const [, records] = produce.mock.calls[0] as unknown as [string, ProduceRecord[]]
    expect(byteList(records[0].value)).toEqual([0, 0xff, 0x10, 0x80, 0x7f])
    const b64 = records[0].valueBase64
    expect(b64 instanceof Blob ? await b64.text() : b64).toBe('AP8QgH8=')
  })

  it('hides headers with a note where the dialect has none, and disables tombstones where it cannot send them', () => {
    const { client } = fakeClient({ produce: { headers: false, tombstones: false } }, delivered)
    renderPage(client)
    expect(screen.queryByRole('group', { name: 'Headers' })).toBeNull()
    expect(screen.getByText(/Headers: not available — Fake REST/)).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: 'Null (tombstone)' })).toBeDisabled()
  })

  it('offers the registry formats only when the connection has a Schema Registry', () => {
    const { client } = fakeClient({}, delivered)
    renderPage(client)
    const values = screen.getByRole('group', { name: 'Value format' })
    expect(within(values).queryByRole('radio', { name: 'Avro' })).toBeNull()
    expect(within(values).queryByRole('radio', { name: 'JSON Schema' })).toBeNull()
    expect(within(values).getByRole('radio', { name: 'JSON' })).toBeInTheDocument()
  })

  it('prefills from a message handed over by the browser ("Produce again")', async () => {
    const user = userEvent.setup()
    useProduceDraftStore.getState().setDraft({
      topic: 'logs',
      partition: 2,
      key: new Uint8Array([0xff, 0x00]),
      value: new TextEncoder().encode('again'),
      headers: [{ name: 'trace', value: new TextEncoder().encode('t-1') }],
    })
    const { client, produce } = fakeClient({}, delivered)
    renderPage(client, null)
    expect(await screen.findByText(/Prefilled from a message in the browser/)).toBeInTheDocument()
    expect(screen.getByLabelText('Key', { selector: 'input' })).toHaveValue('/wA=')
    expect(screen.getByLabelText('Value', { selector: 'textarea' })).toHaveValue('again')
    expect(screen.getByLabelText('Header 1 name')).toHaveValue('trace')
    expect(useProduceDraftStore.getState().draft).toBeNull()
    await screen.findByRole('option', { name: '2' })
    await user.click(screen.getByRole('button', { name: 'Produce' }))
    await screen.findByRole('table', { name: 'Produce results' })
    const [topic, records, options] = produce.mock.calls[0] as unknown as [
      string,
      ProduceRecord[],
      { partition?: number },
    ]
    expect(topic).toBe('logs')
    expect(options.partition).toBe(2)
    expect(byteList(records[0].key)).toEqual([0xff, 0x00])
    expect(records[0].headers?.[0].name).toBe('trace')
  })
})
