import type { VersionRef } from '../../api/registry/registry-types.ts'
import { connectionKey } from '../connection-scope.ts'

/**
 * Schema Registry keys, under the connection's root (a registry belongs to one connection). A subject's versions,
 * schemas and level nest under the subject, so deleting a subject drops all of them at once.
 */
export const registryKeys = {
  all: (connectionId: string) => [...connectionKey(connectionId), 'registry'] as const,
  check: (connectionId: string) => [...registryKeys.all(connectionId), 'check'] as const,
  subjects: (connectionId: string, deleted = false) =>
    [...registryKeys.all(connectionId), 'subjects', { deleted }] as const,
  subject: (connectionId: string, subject: string) =>
    [...registryKeys.all(connectionId), 'subject', subject] as const,
  versions: (connectionId: string, subject: string) =>
    [...registryKeys.subject(connectionId, subject), 'versions'] as const,
  version: (connectionId: string, subject: string, version: VersionRef) =>
    [...registryKeys.versions(connectionId, subject), version] as const,
  subjectCompatibility: (connectionId: string, subject: string) =>
    [...registryKeys.subject(connectionId, subject), 'compatibility'] as const,
  globalCompatibility: (connectionId: string) =>
    [...registryKeys.all(connectionId), 'compatibility'] as const,
  schemaById: (connectionId: string, id: number) =>
    [...registryKeys.all(connectionId), 'schemas', id] as const,
  /** Where a schema id is registered (subjects and versions). */
  schemaSubjects: (connectionId: string, id: number) =>
    [...registryKeys.schemaById(connectionId, id), 'subjects'] as const,
  /** A schema id made ready to decode with: its references fetched, its codec loaded, its text parsed. */
  decoder: (connectionId: string, id: number) =>
    [...registryKeys.schemaById(connectionId, id), 'decoder'] as const,
  register: (connectionId: string) => [...registryKeys.all(connectionId), { action: 'register' }] as const,
  checkCompatibility: (connectionId: string) =>
    [...registryKeys.all(connectionId), { action: 'check-compatibility' }] as const,
  deleteSubject: (connectionId: string) =>
    [...registryKeys.all(connectionId), { action: 'delete-subject' }] as const,
  setCompatibility: (connectionId: string) =>
    [...registryKeys.all(connectionId), { action: 'set-compatibility' }] as const,
  deleteVersion: (connectionId: string) =>
    [...registryKeys.all(connectionId), { action: 'delete-version' }] as const,
}
