import { queryOptions } from '@tanstack/react-query'
import type { VersionRef } from '../../api/registry/registry-types.ts'
import { compareNames } from '../../lib/search/compare-names.ts'
import { registryClientOf } from '../connection-scope.ts'
import { registryKeys } from './registry-keys.ts'

const SUBJECTS_STALE_MS = 30_000

function sorted(names: string[]): string[] {
  return names.slice().sort(compareNames)
}

/**
 * The connection's registry check (`GET /subjects`): its state is the registry status beside the connection
 * status. Never retried by itself (a 401 stays a 401) and the Kafka connection never waits for it.
 */
export function registryCheckQueryOptions(connectionId: string) {
  return queryOptions({
    queryKey: registryKeys.check(connectionId),
    queryFn: async ({ signal, meta }) => sorted(await registryClientOf(meta).check(signal)),
    staleTime: Infinity,
    retry: false,
  })
}

export function subjectsQueryOptions(connectionId: string, deleted = false) {
  return queryOptions({
    queryKey: registryKeys.subjects(connectionId, deleted),
    queryFn: async ({ signal, meta }) =>
      sorted(await registryClientOf(meta).listSubjects({ deleted, signal })),
    staleTime: SUBJECTS_STALE_MS,
  })
}

/** A subject's versions; with `deleted`, soft-deleted ones too. */
export function versionsQueryOptions(connectionId: string, subject: string, deleted = false) {
  return queryOptions({
    queryKey: deleted
      ? [...registryKeys.versions(connectionId, subject), { deleted }]
      : registryKeys.versions(connectionId, subject),
    queryFn: ({ signal, meta }) => registryClientOf(meta).versions(subject, { deleted, signal }),
    staleTime: SUBJECTS_STALE_MS,
  })
}

/** One version of a subject. A numbered version never changes; `latest` may. */
export function schemaVersionQueryOptions(
  connectionId: string,
  subject: string,
  version: VersionRef,
  deleted = false,
) {
  return queryOptions({
    queryKey: deleted
      ? [...registryKeys.version(connectionId, subject, version), { deleted }]
      : registryKeys.version(connectionId, subject, version),
    queryFn: ({ signal, meta }) =>
      registryClientOf(meta).schemaByVersion(subject, version, { deleted, signal }),
    staleTime: version === 'latest' ? SUBJECTS_STALE_MS : Infinity,
  })
}

/**
 * The schema a record's id names — what the browse decoder calls (`queryClient.fetchQuery(schemaByIdQueryOptions(
 * connectionId, id))`). Ids are immutable: fetched once per connection and kept (the client also dedupes
 * concurrent fetches); an unknown id (40403) is not retried.
 */
export function schemaByIdQueryOptions(connectionId: string, id: number) {
  return queryOptions({
    queryKey: registryKeys.schemaById(connectionId, id),
    queryFn: ({ meta }) => registryClientOf(meta).schemaById(id),
    staleTime: Infinity,
    gcTime: Infinity,
  })
}

/** Where schema `id` is registered; a soft delete can change it, so it is asked again after a while. */
export function schemaSubjectsQueryOptions(connectionId: string, id: number) {
  return queryOptions({
    queryKey: registryKeys.schemaSubjects(connectionId, id),
    queryFn: ({ signal, meta }) => registryClientOf(meta).subjectVersionsOfSchema(id, signal),
    staleTime: SUBJECTS_STALE_MS,
    retry: false,
  })
}

export function globalCompatibilityQueryOptions(connectionId: string) {
  return queryOptions({
    queryKey: registryKeys.globalCompatibility(connectionId),
    queryFn: ({ signal, meta }) => registryClientOf(meta).globalCompatibility(signal),
    staleTime: SUBJECTS_STALE_MS,
  })
}

/** The subject's own level, or null (the global level applies). */
export function subjectCompatibilityQueryOptions(connectionId: string, subject: string) {
  return queryOptions({
    queryKey: registryKeys.subjectCompatibility(connectionId, subject),
    queryFn: ({ signal, meta }) => registryClientOf(meta).subjectCompatibility(subject, signal),
    staleTime: SUBJECTS_STALE_MS,
  })
}
