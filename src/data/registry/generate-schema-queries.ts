import { queryOptions } from '@tanstack/react-query'
import type { VersionRef } from '../../api/registry/registry-types.ts'
import type { SchemaSource } from '../../lib/generate/schema-source.ts'
import { registryKeys } from './registry-keys.ts'
import { schemaVersionQueryOptions } from './registry-queries.ts'
import { referenceTexts } from './schema-decoder-queries.ts'

/** A subject's version as text (with the texts it references): what a generate worker parses for itself. */
export type SubjectSchemaText = Omit<SchemaSource, 'messageName' | 'messageIndexes'>

/** The schema text of `subject` at `version`, its references followed (bounded, as for decoding). */
export function subjectSchemaTextQueryOptions(connectionId: string, subject: string, version: VersionRef) {
  return queryOptions({
    queryKey: [...registryKeys.version(connectionId, subject, version), 'text'] as const,
    queryFn: async ({ client }): Promise<SubjectSchemaText> => {
      const v = await client.fetchQuery(schemaVersionQueryOptions(connectionId, subject, version))
      const references = await referenceTexts(client, connectionId, v.references)
      return {
        subject: v.subject,
        version: v.version,
        id: v.id,
        format: v.schemaType,
        schema: v.schema,
        references,
      }
    },
    staleTime: version === 'latest' ? 30_000 : Infinity,
    retry: false,
  })
}
