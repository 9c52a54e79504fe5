import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useDeferredValue, useMemo } from 'react'
import {
  draftSchemaQueryOptions,
  subjectEncoderQueryOptions,
} from '../../data/registry/produce-schema-queries.ts'
import { useRegisterSchema } from '../../data/registry/registry-mutations.ts'
import type { Codec, ParsedSchema } from '../../lib/schema/types.ts'
import {
  isRegistryFormat,
  type FieldError,
  type KeyFormat,
  type RecordDraft,
  type RegistryValueFormat,
  type SchemaChoice,
  type ValueFormat,
} from './record-draft.ts'
import {
  checkRecordJson,
  encodeRecordJson,
  FORMAT_LABEL,
  messageIndexesOf,
  SCHEMA_FORMAT,
  subjectOf,
  versionOf,
  type RecordPart,
} from './registry-value.ts'

export interface RegistrySchemaState {
  codec: Codec | null
  schema: ParsedSchema | null
  /** e.g. "schema 3 · version 2", or "new schema". */
  label: string
  /** Why there is no schema to encode with (subject missing, wrong format, unparsable new schema). */
  problem: string | null
  loading: boolean
  /** The typed value's first problem against the schema (live, deferred while typing). */
  valueError: FieldError | null
  /** Protobuf: the messages of the schema, and the indexes of the chosen one (undefined = the first). */
  messages: { name: string; indexes: number[] }[]
  messageIndexes: number[] | undefined
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** What one side of a record (key or value) holds in the form. */
export interface RegistryPartDraft {
  part: RecordPart
  format: KeyFormat | ValueFormat
  choice: SchemaChoice
  text: string
}

export function partOf(draft: RecordDraft, part: RecordPart): RegistryPartDraft {
  return part === 'value'
    ? { part, format: draft.valueFormat, choice: draft.schema, text: draft.value }
    : { part, format: draft.keyFormat, choice: draft.keySchema, text: draft.key }
}

/** The schema a registry-format key/value is checked and encoded with, and the live check of the typed JSON. */
export function useRegistrySchema(
  connectionId: string,
  { part, format: chosen, choice, text: typed }: RegistryPartDraft,
  topic: string,
): RegistrySchemaState {
  const format = (isRegistryFormat(chosen) ? chosen : 'avro') satisfies RegistryValueFormat
  const active = isRegistryFormat(chosen)
  const subject = subjectOf(choice, topic, part)
  const pasted = choice.newSchema
  const deferredPasted = useDeferredValue(pasted)
  const existing = useQuery({
    ...subjectEncoderQueryOptions(connectionId, subject, versionOf(choice)),
    enabled: active && pasted === null && topic + choice.subject !== '',
  })
  const fresh = useQuery({
    ...draftSchemaQueryOptions(SCHEMA_FORMAT[format], deferredPasted ?? ''),
    enabled: active && deferredPasted !== null && deferredPasted.trim() !== '',
  })
  const text = useDeferredValue(typed)
  const source = pasted !== null ? fresh : existing
  const data = source.data ?? null
  let problem = source.error ? message(source.error) : null
  if (!problem && pasted === null && existing.data && existing.data.format !== SCHEMA_FORMAT[format])
    problem = `${subject} holds a ${existing.data.format} schema, not ${FORMAT_LABEL[format]}: choose its format or another subject.`
  if (pasted !== null && pasted.trim() === '') problem = 'Paste the new schema.'
  const messages = useMemo(() => (data?.codec.messages ? data.codec.messages(data.schema) : []), [data])
  const chosenMessage = data ? messageIndexesOf(data.codec, data.schema, choice) : null
  if (!problem && chosenMessage && !chosenMessage.ok) problem = chosenMessage.message
  const messageIndexes = chosenMessage?.ok ? chosenMessage.indexes : undefined
  const indexKey = messageIndexes?.join('.') ?? ''
  const usable = !problem && data ? data : null
  const valueError = useMemo(
    () =>
      usable
        ? checkRecordJson(
            usable.codec,
            usable.schema,
            text,
            indexKey ? indexKey.split('.').map(Number) : undefined,
          )
        : null,
    [usable, text, indexKey],
  )
  return {
    codec: usable?.codec ?? null,
    schema: usable?.schema ?? null,
    label:
      pasted !== null
        ? 'new schema'
        : existing.data
          ? `schema ${existing.data.id} · version ${existing.data.version}`
          : '',
    problem,
    loading: source.isFetching && !data,
    valueError,
    messages,
    messageIndexes,
  }
}

export type RegistryEncoding = { ok: true; drafts: RecordDraft[] } | { ok: false; message: string }

type PartEncoding = { ok: true; bytes: Uint8Array | undefined } | { ok: false; message: string }

/**
 * On send: encodes every registry-format key and value (registering a pasted schema first, only once its value
 * fits) and returns the drafts with their bytes, or the first reason it cannot (a 409 carries the registry's
 * message).
 */
export function useRegistryEncode(connectionId: string) {
  const queryClient = useQueryClient()
  const register = useRegisterSchema(connectionId)

  const encodePart = async (
    { part, format: chosen, choice, text }: RegistryPartDraft,
    topic: string,
  ): Promise<PartEncoding> => {
    if (!isRegistryFormat(chosen)) return { ok: true, bytes: undefined }
    const format = SCHEMA_FORMAT[chosen]
    const subject = subjectOf(choice, topic, part)
    const Part = part === 'key' ? 'Key' : 'Value'
    try {
      const pasted = choice.newSchema
      let encoder: { codec: Codec; schema: ParsedSchema; id: number | null }
      if (pasted !== null) {
        encoder = { ...(await queryClient.fetchQuery(draftSchemaQueryOptions(format, pasted))), id: null }
      } else {
        const found = await queryClient.fetchQuery(
          subjectEncoderQueryOptions(connectionId, subject, versionOf(choice)),
        )
        if (found.format !== format)
          return {
            ok: false,
            message: `${Part}: ${subject} holds a ${found.format} schema, not ${FORMAT_LABEL[chosen]}.`,
          }
        encoder = found
      }
      const target = messageIndexesOf(encoder.codec, encoder.schema, choice)
      if (!target.ok) return { ok: false, message: `${Part}: ${target.message}` }
      const invalid = checkRecordJson(encoder.codec, encoder.schema, text, target.indexes)
      if (invalid) return { ok: false, message: `${Part}: ${invalid.message}` }
      const id =
        encoder.id ??
        (await register.mutateAsync({ subject, schema: { schema: pasted ?? '', schemaType: format } })).id
      const encoded = encodeRecordJson(encoder.codec, encoder.schema, id, text, target.indexes)
      return encoded.ok
        ? { ok: true, bytes: encoded.bytes }
        : { ok: false, message: `${Part}: ${encoded.error.message}` }
    } catch (e) {
      return { ok: false, message: `${Part}: Schema Registry, subject ${subject}: ${message(e)}` }
    }
  }

  return async (drafts: RecordDraft[], topic: string, withKeys: boolean): Promise<RegistryEncoding> => {
    const out: RecordDraft[] = []
    for (const [i, draft] of drafts.entries()) {
      const where = drafts.length > 1 ? `Record ${i + 1}, ` : ''
      const key = withKeys
        ? await encodePart(partOf(draft, 'key'), topic)
        : { ok: true as const, bytes: undefined }
      if (!key.ok) return { ok: false, message: `${where}${key.message}` }
      const value = await encodePart(partOf(draft, 'value'), topic)
      if (!value.ok) return { ok: false, message: `${where}${value.message}` }
      out.push({ ...draft, registryKeyBytes: key.bytes, registryBytes: value.bytes })
    }
    return { ok: true, drafts: out }
  }
}
