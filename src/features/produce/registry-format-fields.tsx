import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { Button } from '../../components/button.tsx'
import { FieldHint, inputClass } from '../../components/field.tsx'
import { ProtobufMessageSelect, SchemaVersionSelect } from '../../components/schema-version-select.tsx'
import { VirtualCombobox } from '../../components/virtual-combobox.tsx'
import { subjectsQueryOptions, versionsQueryOptions } from '../../data/registry/registry-queries.ts'
import type { SchemaChoice } from './record-draft.ts'
import { sampleText, subjectOf, type RecordPart } from './registry-value.ts'
import type { RegistrySchemaState } from './use-registry-encoder.ts'

const NONE: string[] = []

/** Where a registry-format value's schema comes from: a subject and version, or a pasted schema; and a sample. */
export function RegistryFormatFields({
  part,
  connectionId,
  topic,
  choice,
  state,
  onChoice,
  onValue,
}: {
  part: RecordPart
  connectionId: string
  topic: string
  choice: SchemaChoice
  state: RegistrySchemaState
  onChoice(choice: SchemaChoice): void
  onValue(text: string): void
}) {
  const id = useId()
  const subject = subjectOf(choice, topic, part)
  // The value's fields keep the plain names; the key's say so.
  const named = (name: string) => (part === 'value' ? name : `Key ${name.toLowerCase()}`)
  const subjects = useQuery(subjectsQueryOptions(connectionId))
  const versions = useQuery({
    ...versionsQueryOptions(connectionId, subject),
    enabled: subject !== `-${part}`,
  })
  const pasting = choice.newSchema !== null
  const set = (patch: Partial<SchemaChoice>) => onChoice({ ...choice, ...patch })
  const status =
    state.problem ??
    (state.loading ? 'Loading the schema…' : state.label ? `Encoded with ${state.label}.` : '')
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <VirtualCombobox
          label={named('Subject')}
          noun="subjects"
          items={subjects.data ?? NONE}
          value={subject === `-${part}` ? '' : subject}
          onChange={(s) => set({ subject: s, version: 'latest', message: '' })}
          placeholder={subjects.isPending ? 'Loading subjects…' : 'Choose a subject'}
        />
        {!pasting && (
          <SchemaVersionSelect
            label={named('Version')}
            value={choice.version}
            versions={versions.data}
            onChange={(version) => set({ version })}
          />
        )}
      </div>
      <ProtobufMessageSelect
        label={named('Message')}
        value={choice.message ?? ''}
        messages={state.messages}
        hint="A Protobuf schema may declare several messages; the record says which one in its wire format."
        onChange={(message) => set({ message })}
      />
      <label className="flex items-center gap-2 text-xs">
        <input
          type="checkbox"
          checked={pasting}
          onChange={(e) => set({ newSchema: e.target.checked ? '' : null })}
        />
        {part === 'value' ? 'Paste a new schema' : 'Paste a new key schema'} (registered under the subject on
        send)
      </label>
      {pasting && (
        <div>
          <label
            htmlFor={`${id}-schema`}
            className="mb-1 block text-xs font-semibold text-slate-700 dark:text-slate-300"
          >
            {named('New schema')}
          </label>
          <textarea
            id={`${id}-schema`}
            value={choice.newSchema ?? ''}
            onChange={(e) => set({ newSchema: e.target.value })}
            rows={6}
            spellCheck={false}
            className={`${inputClass} resize-y font-mono`}
          />
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          disabled={!state.codec || !state.schema}
          onClick={() =>
            state.codec &&
            state.schema &&
            onValue(sampleText(state.codec, state.schema, part, state.messageIndexes))
          }
        >
          {part === 'value' ? 'Start from sample' : 'Start key from sample'}
        </Button>
        <FieldHint id={`${id}-status`} tone={state.problem ? 'error' : 'muted'}>
          {status}
        </FieldHint>
      </div>
    </div>
  )
}
