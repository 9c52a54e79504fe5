import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { subjectSchemaTextQueryOptions } from '../../data/registry/generate-schema-queries.ts'
import { subjectEncoderQueryOptions } from '../../data/registry/produce-schema-queries.ts'
import type { SchemaPick } from '../../lib/generate/presets.ts'
import { describeSchemaSource, type SchemaSource } from '../../lib/generate/schema-source.ts'

export interface SchemaSourceState {
  /** Ready to send to the worker; null while loading or when there is a problem. */
  source: SchemaSource | null
  /** Why there is nothing to generate from (no subject, not found, does not parse, no such message). */
  problem: string | null
  loading: boolean
  /** Protobuf: the schema's messages (the first is the default). */
  messages: { name: string; indexes: number[] }[]
  /** e.g. "Avro · orders-value v2 (schema 7)". */
  label: string
}

const versionOf = (v: string) => (/^\d+$/.test(v) ? Number(v) : 'latest')
const NO_MESSAGES: SchemaSourceState['messages'] = []

/**
 * The chosen subject's version, resolved for a "from schema" run: its text and references (for the worker) and,
 * parsed here once, its messages and whether it parses at all (so the error shows before Generate).
 */
export function useSchemaSource(connectionId: string, pick: SchemaPick, active: boolean): SchemaSourceState {
  const enabled = active && pick.subject !== ''
  const version = versionOf(pick.version)
  const text = useQuery({
    ...subjectSchemaTextQueryOptions(connectionId, pick.subject, version),
    enabled,
  })
  const parsed = useQuery({ ...subjectEncoderQueryOptions(connectionId, pick.subject, version), enabled })
  const messages = useMemo(
    () => (parsed.data?.codec.messages ? parsed.data.codec.messages(parsed.data.schema) : NO_MESSAGES),
    [parsed.data],
  )
  const base = { source: null, messages, label: '' }
  if (!active) return { ...base, problem: null, loading: false }
  if (pick.subject === '') return { ...base, problem: 'Choose a subject.', loading: false }
  const error = text.error ?? parsed.error
  if (error) return { ...base, problem: `${pick.subject}: ${error.message}`, loading: false }
  if (!text.data || !parsed.data) return { ...base, problem: null, loading: true }
  let message: { name: string; indexes: number[] } | undefined
  if (pick.message !== '') {
    message = messages.find((m) => m.name === pick.message)
    if (!message)
      return {
        ...base,
        problem: `The schema of ${pick.subject} has no message ${pick.message}: choose another.`,
        loading: false,
      }
  }
  const source: SchemaSource = {
    ...text.data,
    ...(message ? { messageName: message.name, messageIndexes: message.indexes } : {}),
  }
  if (text.data.format === 'PROTOBUF' && !message && messages[0]) source.messageName = messages[0].name
  return { source, problem: null, loading: false, messages, label: describeSchemaSource(source) }
}
