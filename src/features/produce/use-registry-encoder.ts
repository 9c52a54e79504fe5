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
  type RecordDraft,
  type RegistryValueFormat,
} from './record-draft.ts'
import {
  checkRecordJson,
  encodeRecordJson,
  FORMAT_LABEL,
  SCHEMA_FORMAT,
  subjectOf,
  versionOf,
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
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** The schema a registry-format value is checked and encoded with, and the live check of the typed JSON. */
export function useRegistrySchema(
  connectionId: string,
  draft: RecordDraft,
  topic: string,
): RegistrySchemaState {
  const format = (
    isRegistryFormat(draft.valueFormat) ? draft.valueFormat : 'avro'
  ) satisfies RegistryValueFormat
  const active = isRegistryFormat(draft.valueFormat)
  const subject = subjectOf(draft.schema, topic)
  const pasted = draft.schema.newSchema
  const deferredPasted = useDeferredValue(pasted)
  const existing = useQuery({
    ...subjectEncoderQueryOptions(connectionId, subject, versionOf(draft.schema)),
    enabled: active && pasted === null && topic + draft.schema.subject !== '',
  })
  const fresh = useQuery({
    ...draftSchemaQueryOptions(SCHEMA_FORMAT[format], deferredPasted ?? ''),
    enabled: active && deferredPasted !== null && deferredPasted.trim() !== '',
  })
  const text = useDeferredValue(draft.value)
  const source = pasted !== null ? fresh : existing
  const data = source.data ?? null
  let problem = source.error ? message(source.error) : null
  if (!problem && pasted === null && existing.data && existing.data.format !== SCHEMA_FORMAT[format])
    problem = `${subject} holds a ${existing.data.format} schema, not ${FORMAT_LABEL[format]}: choose its format or another subject.`
  if (pasted !== null && pasted.trim() === '') problem = 'Paste the new schema.'
  const usable = !problem && data ? data : null
  const valueError = useMemo(
    () => (usable ? checkRecordJson(usable.codec, usable.schema, text) : null),
    [usable, text],
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
  }
}

export type RegistryEncoding = { ok: true; drafts: RecordDraft[] } | { ok: false; message: string }

/**
 * On send: encodes every registry-format value (registering pasted schemas first, only once its value fits) and
 * returns the drafts with their bytes, or the first reason it cannot (a 409 carries the registry's message).
 */
export function useRegistryEncode(connectionId: string) {
  const queryClient = useQueryClient()
  const register = useRegisterSchema(connectionId)
  return async (drafts: RecordDraft[], topic: string): Promise<RegistryEncoding> => {
    const out: RecordDraft[] = []
    for (const [i, draft] of drafts.entries()) {
      if (!isRegistryFormat(draft.valueFormat)) {
        out.push(draft)
        continue
      }
      const where = drafts.length > 1 ? `Record ${i + 1}: ` : ''
      const format = SCHEMA_FORMAT[draft.valueFormat]
      const subject = subjectOf(draft.schema, topic)
      try {
        const pasted = draft.schema.newSchema
        let encoder: { codec: Codec; schema: ParsedSchema; id: number | null }
        if (pasted !== null) {
          const parsed = await queryClient.fetchQuery(draftSchemaQueryOptions(format, pasted))
          encoder = { ...parsed, id: null }
        } else {
          const found = await queryClient.fetchQuery(
            subjectEncoderQueryOptions(connectionId, subject, versionOf(draft.schema)),
          )
          if (found.format !== format)
            return {
              ok: false,
              message: `${where}${subject} holds a ${found.format} schema, not ${FORMAT_LABEL[draft.valueFormat]}.`,
            }
          encoder = found
        }
        const invalid = checkRecordJson(encoder.codec, encoder.schema, draft.value)
        if (invalid) return { ok: false, message: `${where}Fix the value: ${invalid.message}` }
        const id =
          encoder.id ??
          (await register.mutateAsync({ subject, schema: { schema: pasted ?? '', schemaType: format } })).id
        const encoded = encodeRecordJson(encoder.codec, encoder.schema, id, draft.value)
        if (!encoded.ok) return { ok: false, message: `${where}Fix the value: ${encoded.error.message}` }
        out.push({ ...draft, registryBytes: encoded.bytes })
      } catch (e) {
        return { ok: false, message: `${where}Schema Registry, subject ${subject}: ${message(e)}` }
      }
    }
    return { ok: true, drafts: out }
  }
}
