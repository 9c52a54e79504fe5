import { useQuery } from '@tanstack/react-query'
import { topicQueryOptions } from '../../api/queries/topic-query.ts'
import { topicsQueryOptions } from '../../api/queries/topics-query.ts'
import type { ConnectedClient } from '../../api/use-kafka-client.ts'
import { FieldHint, inputClass, Label, SelectField, TextField } from '../../components/field.tsx'
import { partitionError } from './plan-produce.ts'

/** The topic: picked from the endpoint's list, or typed where the endpoint cannot list topics. */
export function TopicField({
  connected,
  topic,
  error,
  onChange,
}: {
  connected: ConnectedClient
  topic: string
  error: string | null
  onChange(topic: string): void
}) {
  const canList = connected.client.capabilities.listTopics
  const topics = useQuery({ ...topicsQueryOptions(connected), enabled: canList })
  if (!canList || topics.isError) {
    return (
      <TextField
        label="Topic"
        value={topic}
        onChange={(e) => onChange(e.target.value.trim())}
        error={error}
        hint={
          canList
            ? 'The topic list could not be loaded: type the name.'
            : 'This endpoint cannot list topics: type the name.'
        }
        spellCheck={false}
        autoComplete="off"
      />
    )
  }
  const names = topics.data?.map((t) => t.name) ?? []
  const unlisted = topic !== '' && topics.data !== undefined && !names.includes(topic)
  const hint = error ?? (unlisted ? 'Not in the endpoint’s topic list: it may not exist.' : null)
  return (
    <div>
      <Label htmlFor="produce-topic">Topic</Label>
      <select
        id="produce-topic"
        value={topic}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={hint ? 'produce-topic-hint' : undefined}
        className={inputClass}
      >
        <option value="">{topics.isPending ? 'Loading topics…' : 'Choose a topic'}</option>
        {topics.isPending && topic && <option value={topic}>{topic}</option>}
        {unlisted && <option value={topic}>{topic} (not in the list)</option>}
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      {hint && (
        <FieldHint id="produce-topic-hint" tone={error ? 'error' : 'muted'}>
          {hint}
        </FieldHint>
      )}
    </div>
  )
}

/** Auto, or a partition number: a list when the topic's partitions are known, a number field otherwise. */
export function PartitionField({
  connected,
  topic,
  value,
  onChange,
}: {
  connected: ConnectedClient
  topic: string
  /** '' = Auto. */
  value: string
  onChange(value: string): void
}) {
  const caps = connected.client.capabilities
  const detail = useQuery({
    ...topicQueryOptions(connected, topic),
    enabled: topic !== '' && caps.topicMetadata,
  })
  if (!caps.produceToPartition) {
    return (
      <SelectField
        label="Partition"
        value=""
        disabled
        hint="This endpoint always chooses the partition itself."
      >
        <option value="">Auto</option>
      </SelectField>
    )
  }
  const ids = detail.data?.partitions.map((p) => p.id)
  if (detail.isLoading) {
    // Same element as the loaded list, so focus and automation never meet a field that turns into another.
    return (
      <SelectField label="Partition" value="" disabled hint="Loading the topic’s partitions…">
        <option value="">Auto</option>
      </SelectField>
    )
  }
  if (!ids || ids.length === 0) {
    return (
      <TextField
        label="Partition"
        value={value}
        placeholder="Auto"
        inputMode="numeric"
        onChange={(e) => onChange(e.target.value.trim())}
        error={partitionError(value)}
        hint="Empty for Auto (the key’s hash, or spread when there is no key)."
      />
    )
  }
  const unknown = value !== '' && !ids.includes(Number(value))
  return (
    <SelectField
      label="Partition"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      hint={
        unknown
          ? `The topic has no partition ${value}.`
          : `Auto: by the key’s hash, or spread when there is no key. ${ids.length} partition${ids.length === 1 ? '' : 's'}.`
      }
    >
      <option value="">Auto</option>
      {unknown && <option value={value}>{value} (not in this topic)</option>}
      {ids.map((id) => (
        <option key={id} value={String(id)}>
          {id}
        </option>
      ))}
    </SelectField>
  )
}
