/**
 * Parsed schemas by schema id, so each schema is fetched and parsed once per connection and every record reuses
 * the parsed object. Pure and synchronous: the data layer keeps one cache per connection and puts what its
 * registry client fetched (and the codec parsed) into it. Failures are cached too, so a broken schema is not
 * re-parsed for every record; bounded, least recently used first out.
 */
import type { ParsedSchema, SchemaFormat } from './types.ts'

export type CachedSchema =
  | { ok: true; id: number; format: SchemaFormat; schema: ParsedSchema; subject?: string; version?: number }
  | { ok: false; id: number; message: string }

export const DEFAULT_SCHEMA_CACHE_SIZE = 500

export interface SchemaCache {
  get(id: number): CachedSchema | undefined
  set(entry: CachedSchema): void
  /** The cached entry, or the one `parse` gives (then cached). */
  getOrParse(id: number, parse: () => CachedSchema): CachedSchema
  delete(id: number): void
  clear(): void
  readonly size: number
}

export function createSchemaCache(maxEntries = DEFAULT_SCHEMA_CACHE_SIZE): SchemaCache {
  const entries = new Map<number, CachedSchema>()
  // Records of one topic mostly share an id: skip the reorder when the same id comes again.
  let latest: number | undefined
  const touch = (id: number, entry: CachedSchema) => {
    if (id === latest && entries.get(id) === entry) return
    latest = id
    entries.delete(id)
    entries.set(id, entry)
    while (entries.size > Math.max(1, maxEntries)) entries.delete(entries.keys().next().value!)
  }
  return {
    get(id) {
      const entry = entries.get(id)
      if (entry) touch(id, entry)
      return entry
    },
    set(entry) {
      touch(entry.id, entry)
    },
    getOrParse(id, parse) {
      const cached = this.get(id)
      if (cached) return cached
      const entry = parse()
      touch(id, entry)
      return entry
    },
    delete(id) {
      entries.delete(id)
      if (id === latest) latest = undefined
    },
    clear() {
      entries.clear()
      latest = undefined
    },
    get size() {
      return entries.size
    },
  }
}
