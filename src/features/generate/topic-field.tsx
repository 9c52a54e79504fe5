import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { TextField } from '../../components/field.tsx'
import { topicsQueryOptions } from '../../data/topics/topic-queries.ts'

/** The target topic, typed or picked from the first 1,000 topic names. */
export function TopicField({
  connectionId,
  listTopics,
  value,
  onChange,
}: {
  connectionId: string
  /** Whether the endpoint can list topics. */
  listTopics: boolean
  value: string
  onChange(topic: string): void
}) {
  const topics = useQuery({ ...topicsQueryOptions(connectionId), enabled: listTopics })
  const names = useMemo(() => (topics.data ?? []).slice(0, 1000).map((t) => t.name), [topics.data])
  return (
    <>
      <TextField
        label="Topic"
        list="generate-topics"
        value={value}
        onChange={(e) => onChange(e.target.value.trim())}
        spellCheck={false}
        autoComplete="off"
      />
      <datalist id="generate-topics">
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
    </>
  )
}
