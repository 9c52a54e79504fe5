import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { CONFLUENT_BASE } from '../../api/capabilities.ts'
import type { KafkaRestClient } from '../../api/kafka-rest-client.ts'
import type { SchemaRegistryClient } from '../../api/registry/schema-registry-client.ts'
import { provideKafkaClient } from '../../data/connection-scope.ts'
import { GeneratePage } from './generate-page.tsx'

const client = {
  dialect: { id: 'confluent-v3', name: 'Fake REST', notes: [] },
  capabilities: CONFLUENT_BASE,
  listTopics: async () => [{ name: 'people' }],
  getTopic: async (name: string) => ({ name, configs: null, partitions: [] }),
  produce: async () => [],
} as unknown as KafkaRestClient

const PERSON = JSON.stringify({
  type: 'record',
  name: 'Person',
  fields: [
    { name: 'email', type: 'string' },
    { name: 'age', type: 'int' },
  ],
})

// A registry with one Avro subject, and one listed subject whose versions are gone.
const registry = {
  check: async () => ['people-value', 'gone-value'],
  listSubjects: async () => ['people-value', 'gone-value'],
  versions: async () => [1],
  schemaByVersion: async (subject: string) => {
    if (subject !== 'people-value') throw new Error(`Subject '${subject}' not found.`)
    return { subject, version: 1, id: 3, schemaType: 'AVRO', schema: PERSON, references: [] }
  },
  schemaById: async () => ({ id: 3, schemaType: 'AVRO', schema: PERSON, references: [] }),
} as unknown as SchemaRegistryClient

function renderPage(withRegistry: boolean) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  provideKafkaClient(queryClient, 'c1', client, withRegistry ? registry : null)
  return render(
    <QueryClientProvider client={queryClient}>
      <GeneratePage
        connected={{ client, connectionId: 'c1', registry: withRegistry ? registry : null }}
        topic="people"
      />
    </QueryClientProvider>,
  )
}

async function chooseSubject(user: ReturnType<typeof userEvent.setup>, name: string) {
  const subject = screen.getByRole('combobox', { name: 'Subject' })
  await user.clear(subject)
  await user.type(subject, name)
  // The list is virtual (no rows without layout in jsdom): Enter picks the only match.
  await screen.findByText(/^1 of 2 subjects/)
  await user.keyboard('{Enter}')
  expect(subject).toHaveValue(name)
}

describe('GeneratePage, from schema', () => {
  it('offers "From schema" only with a registry, and says why not', () => {
    renderPage(false)
    const source = screen.getByRole('group', { name: 'Value source' })
    const radio = within(source).getByRole('radio', { name: 'From schema' })
    expect(radio).toBeDisabled()
    expect(radio).toHaveAccessibleDescription(/No Schema Registry is set for this connection/)
  })

  it('previews decoded values of the chosen subject under its format, and names a subject that cannot be read', async () => {
    const user = userEvent.setup()
    renderPage(true)
    const radio = screen.getByRole('radio', { name: 'From schema' })
    await waitFor(() => expect(radio).toBeEnabled())
    await user.click(radio)
    expect(screen.queryByLabelText('Value template')).toBeNull()
    await chooseSubject(user, 'people-value')
    await screen.findByText('Values: Avro · people-value v1 (schema 3).')
    await user.click(screen.getByRole('button', { name: 'Preview' }))
    const preview = await screen.findByRole('region', { name: 'Preview' })
    const items = within(preview).getAllByRole('listitem')
    expect(items).toHaveLength(5)
    expect(items[0]).toHaveTextContent('Avro · people-value v1 (schema 3)')
    const value = JSON.parse(items[0].querySelector('pre')!.textContent!)
    expect(value.email).toMatch(/@example\.com$/)
    expect(Number.isInteger(value.age)).toBe(true)

    await chooseSubject(user, 'gone-value')
    expect(await screen.findByText("gone-value: Subject 'gone-value' not found.")).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Generate' }))
    expect(screen.getByRole('alert')).toHaveTextContent("gone-value: Subject 'gone-value' not found.")
  })
})
