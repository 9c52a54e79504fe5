import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KafkaRestClient } from '../../api/kafka-rest-client.ts'
import type { SubjectVersion } from '../../api/registry/registry-types.ts'
import type { SchemaRegistryClient } from '../../api/registry/schema-registry-client.ts'
import { provideKafkaClient } from '../../data/connection-scope.ts'
import { SchemasPage } from './schemas-page.tsx'

const V1 = '{"type":"record","name":"Order","fields":[{"name":"id","type":"long"}]}'
const V2 =
  '{"type":"record","name":"Order","fields":[{"name":"id","type":"long"},{"name":"note","type":"string"}]}'

function fakeRegistry() {
  const versions: Record<string, SubjectVersion> = {
    1: { subject: 'orders-value', version: 1, id: 11, schemaType: 'AVRO', schema: V1, references: [] },
    2: {
      subject: 'orders-value',
      version: 2,
      id: 12,
      schemaType: 'AVRO',
      schema: V2,
      references: [{ name: 'other.avsc', subject: 'other', version: 3 }],
    },
  }
  const registry = {
    listSubjects: async () => ['payments-value', 'orders-value'],
    versions: async () => [1, 2],
    schemaByVersion: async (_s: string, v: number | 'latest') => versions[v === 'latest' ? 2 : v],
    globalCompatibility: async () => 'BACKWARD',
    subjectCompatibility: async () => null,
    deleteVersion: vi.fn(async (_s: string, v: number) => v),
    deleteSubject: vi.fn(async () => [1, 2]),
  }
  return registry
}

function renderPage(registry: ReturnType<typeof fakeRegistry>, params: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const client = {} as KafkaRestClient
  provideKafkaClient(queryClient, 'c1', client, registry as unknown as SchemaRegistryClient)
  return render(
    <QueryClientProvider client={queryClient}>
      <SchemasPage
        connected={{ client, connectionId: 'c1', registry: registry as unknown as SchemaRegistryClient }}
        params={new URLSearchParams(params)}
      />
    </QueryClientProvider>,
  )
}

describe('SchemasPage', () => {
  beforeEach(() => {
    // jsdom lays nothing out and has no modal dialogs.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800)
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true
    }
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
      this.open = false
    }
  })
  afterEach(() => vi.restoreAllMocks())

  it('lists subjects sorted and filtered, with the global level', async () => {
    const user = userEvent.setup()
    renderPage(fakeRegistry(), '')
    const list = await screen.findByRole('list', { name: 'Subjects' })
    await within(list).findByRole('link', { name: 'orders-value' })
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['orders-value', 'payments-value'])
    expect(screen.getByLabelText('Global compatibility')).toHaveTextContent('BACKWARD')
    await user.type(screen.getByRole('searchbox', { name: 'Filter subjects' }), 'pay')
    await waitFor(() => expect(within(list).queryByRole('link', { name: 'orders-value' })).toBeNull())
    expect(within(list).getByRole('link', { name: 'payments-value' })).toHaveAttribute(
      'href',
      '#/schemas?subject=payments-value',
    )
  })

  it('shows the latest version pretty-printed with its references, and a diff against another', async () => {
    const { unmount } = renderPage(fakeRegistry(), 'subject=orders-value')
    const text = await screen.findByLabelText('Schema of version 2')
    expect(text).toHaveTextContent('"name": "note"')
    expect(screen.getByRole('region', { name: 'References' })).toHaveTextContent('other.avsc → other v3')
    expect(screen.getByLabelText('Subject compatibility')).toHaveTextContent('the global level')
    unmount()

    renderPage(fakeRegistry(), 'subject=orders-value&version=2&compare=1')
    const diff = await screen.findByLabelText('Changes from version 1 to version 2')
    const added = diff.querySelectorAll('[data-op="added"]')
    expect([...added].map((r) => r.textContent)).toContainEqual(expect.stringContaining('"note"'))
    expect(screen.getByText(/lines? added, \d+ removed/)).toBeInTheDocument()
  })

  it('soft-deletes a version only after the subject name is typed', async () => {
    const user = userEvent.setup()
    const registry = fakeRegistry()
    renderPage(registry, 'subject=orders-value&version=1')
    await screen.findByLabelText('Schema of version 1')
    await user.click(screen.getByRole('button', { name: 'Delete version' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete version 1 of orders-value?' })
    const confirm = within(dialog).getByRole('button', { name: 'Delete version' })
    expect(confirm).toBeDisabled()
    await user.type(within(dialog).getByLabelText('Type the subject name to confirm'), 'orders-value')
    await user.click(confirm)
    await waitFor(() => expect(registry.deleteVersion).toHaveBeenCalledWith('orders-value', 1))
    expect(registry.deleteSubject).not.toHaveBeenCalled()
  })
})
