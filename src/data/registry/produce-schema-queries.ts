import { queryOptions } from '@tanstack/react-query'
import type { VersionRef } from '../../api/registry/registry-types.ts'
import { loadCodec } from '../../lib/schema/codec-loader.ts'
import type { Codec, ParsedSchema, SchemaFormat } from '../../lib/schema/types.ts'
import { registryKeys } from './registry-keys.ts'
import { schemaVersionQueryOptions } from './registry-queries.ts'
import { schemaDecoderQueryOptions, type SchemaDecoder } from './schema-decoder-queries.ts'

/** A subject's version made ready to encode with (its id, codec and parsed schema, references included). */
export interface SubjectEncoder extends SchemaDecoder {
  subject: string
  version: number
}

/**
 * The encoder for `subject` at `version`: the version resolves to a schema id, which is then prepared as the
 * browse decoder prepares it (fetched once per id, codec loaded lazily). `latest` follows the subject's changes.
 */
export function subjectEncoderQueryOptions(connectionId: string, subject: string, version: VersionRef) {
  return queryOptions({
    queryKey: [...registryKeys.version(connectionId, subject, version), 'encoder'] as const,
    queryFn: async ({ client }): Promise<SubjectEncoder> => {
      const v = await client.fetchQuery(schemaVersionQueryOptions(connectionId, subject, version))
      const decoder = await client.fetchQuery(schemaDecoderQueryOptions(connectionId, v.id))
      return { ...decoder, subject: v.subject, version: v.version }
    },
    staleTime: version === 'latest' ? 30_000 : Infinity,
    retry: false,
    structuralSharing: false,
  })
}

/** A pasted schema, parsed locally (before it is registered), so the value can be checked against it. */
export interface DraftSchema {
  codec: Codec
  schema: ParsedSchema
}

export function draftSchemaQueryOptions(format: SchemaFormat, text: string) {
  return queryOptions({
    queryKey: ['schema-draft', format, text] as const,
    queryFn: async (): Promise<DraftSchema> => {
      const codec = await loadCodec(format)
      const parsed = codec.parse(text)
      if (!parsed.ok) throw new Error(`The new schema cannot be used: ${parsed.message}`)
      return { codec, schema: parsed.schema }
    },
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    structuralSharing: false,
  })
}
