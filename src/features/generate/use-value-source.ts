import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { registryCheckQueryOptions } from '../../data/registry/registry-queries.ts'
import type { GeneratePreset, SchemaPick } from '../../lib/generate/presets.ts'
import { useSchemaSource } from './use-schema-source.ts'
import type { ValueSource } from './value-source.tsx'

const NO_PICK: SchemaPick = { subject: '', version: 'latest', message: '' }

/**
 * Where the values come from: the template, or a registry subject. Switching back and forth keeps both; "From
 * schema" is offered only once the connection's registry answered.
 */
export function useValueSource(connected: ConnectedClient) {
  const [kind, setKind] = useState<ValueSource>('template')
  const [pick, setPick] = useState<SchemaPick>(NO_PICK)
  const hasRegistry = !!connected.registry
  const check = useQuery({ ...registryCheckQueryOptions(connected.connectionId), enabled: hasRegistry })
  const unavailable = !hasRegistry
    ? 'No Schema Registry is set for this connection: add one in the connection’s settings to generate from a schema.'
    : check.isError
      ? `The Schema Registry does not answer (${check.error.message}).`
      : !check.isSuccess
        ? 'Checking the Schema Registry…'
        : null
  const fromSchema = kind === 'schema' && unavailable === null
  const state = useSchemaSource(connected.connectionId, pick, fromSchema)
  return {
    kind: (fromSchema ? kind : 'template') as ValueSource,
    setKind,
    pick,
    setPick,
    unavailable,
    state,
    /** The preset's part: the subject by name when the values come from it. */
    presetPart: (): Pick<GeneratePreset, 'fromSchema'> => (fromSchema ? { fromSchema: pick } : {}),
    applyPreset: (p: GeneratePreset) => {
      setKind(p.fromSchema ? 'schema' : 'template')
      if (p.fromSchema) setPick(p.fromSchema)
    },
  }
}
