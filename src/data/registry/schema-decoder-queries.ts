import { queryOptions, type QueryClient } from '@tanstack/react-query'
import type { SchemaReference } from '../../api/registry/registry-types.ts'
import { loadCodec } from '../../lib/schema/codec-loader.ts'
import type { Codec, ParsedSchema, SchemaFormat, SchemaReferenceText } from '../../lib/schema/types.ts'
import { registryKeys } from './registry-keys.ts'
import { schemaByIdQueryOptions, schemaVersionQueryOptions } from './registry-queries.ts'

/** A schema id ready to decode records with. */
export interface SchemaDecoder {
  id: number
  format: SchemaFormat
  codec: Codec
  schema: ParsedSchema
}

/** References are followed this deep and this many at most: the registry's answers are untrusted. */
const MAX_REFERENCE_DEPTH = 8
const MAX_REFERENCES = 64

/** Every schema `refs` reach (references of references too), as the texts a codec parses them from. */
export async function referenceTexts(
  client: QueryClient,
  connectionId: string,
  refs: readonly SchemaReference[],
): Promise<SchemaReferenceText[]> {
  const out: SchemaReferenceText[] = []
  const seen = new Set<string>()
  let level = refs
  for (let depth = 0; level.length > 0; depth++) {
    if (depth >= MAX_REFERENCE_DEPTH)
      throw new Error(`Its references nest deeper than ${MAX_REFERENCE_DEPTH}.`)
    const next: SchemaReference[] = []
    for (const ref of level) {
      const key = `${ref.subject}\u0000${ref.version}`
      if (seen.has(key)) continue
      seen.add(key)
      if (seen.size > MAX_REFERENCES) throw new Error(`It references more than ${MAX_REFERENCES} schemas.`)
      const version = await client.fetchQuery(
        schemaVersionQueryOptions(connectionId, ref.subject, ref.version),
      )
      out.push({ name: ref.name, schema: version.schema })
      next.push(...version.references)
    }
    level = next
  }
  return out
}

/**
 * The decoder for one schema id: fetched once per connection (the schema and what it references), its codec
 * loaded on first use (a separate chunk per format) and its text parsed once. Never stale: ids are immutable.
 */
export function schemaDecoderQueryOptions(connectionId: string, id: number) {
  return queryOptions({
    queryKey: registryKeys.decoder(connectionId, id),
    queryFn: async ({ client }): Promise<SchemaDecoder> => {
      const registered = await client.fetchQuery(schemaByIdQueryOptions(connectionId, id))
      const refs = await referenceTexts(client, connectionId, registered.references)
      const codec = await loadCodec(registered.schemaType)
      const parsed = codec.parse(registered.schema, refs)
      if (!parsed.ok)
        throw new Error(`Schema ${id} (${registered.schemaType}) cannot be used: ${parsed.message}`)
      return { id, format: registered.schemaType, codec, schema: parsed.schema }
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    // The codec and parsed schema are not plain data: keep them as they are.
    structuralSharing: false,
  })
}
