import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { FieldHint } from '../../components/field.tsx'
import { ProtobufMessageSelect, SchemaVersionSelect } from '../../components/schema-version-select.tsx'
import { VirtualCombobox } from '../../components/virtual-combobox.tsx'
import { subjectsQueryOptions, versionsQueryOptions } from '../../data/registry/registry-queries.ts'
import type { SchemaPick } from '../../lib/generate/presets.ts'
import type { SchemaSourceState } from './use-schema-source.ts'

const NONE: string[] = []

/** Subject, Version (latest by default) and, for a Protobuf schema with several messages, Message. */
export function SchemaFields({
  connectionId,
  pick,
  state,
  onPick,
}: {
  connectionId: string
  pick: SchemaPick
  state: SchemaSourceState
  onPick(next: SchemaPick): void
}) {
  const id = useId()
  const subjects = useQuery(subjectsQueryOptions(connectionId))
  const versions = useQuery({
    ...versionsQueryOptions(connectionId, pick.subject),
    enabled: pick.subject !== '',
  })
  const set = (patch: Partial<SchemaPick>) => onPick({ ...pick, ...patch })
  const status =
    state.problem ?? (state.loading ? 'Loading the schema…' : state.label ? `Values: ${state.label}.` : '')
  // No subject yet is where everyone starts, not a mistake: say it plainly, not in red.
  const isError = !!state.problem && pick.subject !== ''
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <VirtualCombobox
          label="Subject"
          noun="subjects"
          items={subjects.data ?? NONE}
          value={pick.subject}
          onChange={(subject) => set({ subject, version: 'latest', message: '' })}
          placeholder={subjects.isPending ? 'Loading subjects…' : 'Choose a subject'}
          invalid={isError}
          describedBy={`${id}-status`}
        />
        <SchemaVersionSelect
          value={pick.version}
          versions={versions.data}
          onChange={(version) => set({ version })}
        />
      </div>
      <ProtobufMessageSelect
        value={pick.message}
        messages={state.messages}
        hint="The schema declares several messages; each record says which one in its wire format."
        onChange={(message) => set({ message })}
      />
      <FieldHint id={`${id}-status`} tone={isError ? 'error' : 'muted'}>
        {status}
      </FieldHint>
    </div>
  )
}
