import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { topicQueryOptions, topicsQueryOptions } from '../../data/topics/topic-queries.ts'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { FieldHint, SelectField, TextField } from '../../components/field.tsx'
import { VirtualCombobox } from '../../components/virtual-combobox.tsx'
import { partitionError } from './plan-produce.ts'

const NO_NAMES: string[] = []

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
  const canList = !!connected.client.capabilities.topics
  const topics = useQuery({ ...topicsQueryOptions(connected.connectionId), enabled: canList })
  // The same query as the partition field's. A topic created since the list was fetched is not in the list,
  // but it has details: only a topic whose details fail is called possibly missing.
  const detail = useQuery({
    ...topicQueryOptions(connected.connectionId, topic),
    enabled: topic !== '' && canList,
  })
  // Once per list, not per render: the list may hold 1,000,000 names.
  const names = useMemo(() => topics.data?.map((t) => t.name) ?? NO_NAMES, [topics.data])
  const unlisted = useMemo(
    () => topic !== '' && topics.data !== undefined && !names.includes(topic),
    [names, topic, topics.data],
  )
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
  const hint =
    error ?? (unlisted && detail.isError ? 'Not in the endpoint’s topic list: it may not exist.' : null)
  return (
    <div>
      <VirtualCombobox
        id="produce-topic"
        label="Topic"
        noun="topics"
        items={names}
        value={topic}
        onChange={onChange}
        placeholder={topics.isPending ? 'Loading topics…' : 'Choose a topic'}
        invalid={!!error}
        describedBy={hint ? 'produce-topic-hint' : undefined}
      />
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
    ...topicQueryOptions(connected.connectionId, topic),
    enabled: topic !== '' && !!caps.topics,
  })
  if (!caps.produce?.toPartition) {
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
