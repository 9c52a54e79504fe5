import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CompatibilityLevel, SchemaInput } from '../../api/registry/registry-types.ts'
import { registryClientOf } from '../connection-scope.ts'
import { registryKeys } from './registry-keys.ts'

export function useRegisterSchema(connectionId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: registryKeys.register(connectionId),
    mutationFn: (v: { subject: string; schema: SchemaInput }, { meta }) =>
      registryClientOf(meta).register(v.subject, v.schema),
    onSuccess: (_r, v) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: registryKeys.subject(connectionId, v.subject) }),
        queryClient.invalidateQueries({ queryKey: [...registryKeys.all(connectionId), 'subjects'] }),
      ]),
  })
}

export function useCheckCompatibility(connectionId: string) {
  return useMutation({
    mutationKey: registryKeys.checkCompatibility(connectionId),
    mutationFn: (v: { subject: string; schema: SchemaInput }, { meta }) =>
      registryClientOf(meta).checkCompatibility(v.subject, v.schema),
  })
}

/** Soft delete of a subject: its versions leave the lists (they stay readable by schema id). */
export function useDeleteSubject(connectionId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: registryKeys.deleteSubject(connectionId),
    mutationFn: (subject: string, { meta }) => registryClientOf(meta).deleteSubject(subject),
    onSuccess: (_r, subject) => {
      queryClient.removeQueries({ queryKey: registryKeys.subject(connectionId, subject) })
      return queryClient.invalidateQueries({ queryKey: [...registryKeys.all(connectionId), 'subjects'] })
    },
  })
}

/** Soft delete of one version. */
export function useDeleteSchemaVersion(connectionId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: registryKeys.deleteVersion(connectionId),
    mutationFn: (v: { subject: string; version: number }, { meta }) =>
      registryClientOf(meta).deleteVersion(v.subject, v.version),
    onSuccess: (_r, v) => {
      queryClient.removeQueries({ queryKey: registryKeys.version(connectionId, v.subject, v.version) })
      queryClient.removeQueries({ queryKey: registryKeys.version(connectionId, v.subject, 'latest') })
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: registryKeys.versions(connectionId, v.subject) }),
        queryClient.invalidateQueries({ queryKey: [...registryKeys.all(connectionId), 'subjects'] }),
      ])
    },
  })
}

/** Sets the global compatibility level (`subject` null) or a subject's own. */
export function useSetCompatibility(connectionId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: registryKeys.setCompatibility(connectionId),
    mutationFn: (v: { subject: string | null; level: CompatibilityLevel }, { meta }) =>
      registryClientOf(meta).setCompatibility(v.subject, v.level),
    onSuccess: (_r, v) =>
      queryClient.invalidateQueries({
        queryKey:
          v.subject === null
            ? registryKeys.globalCompatibility(connectionId)
            : registryKeys.subjectCompatibility(connectionId, v.subject),
      }),
  })
}
