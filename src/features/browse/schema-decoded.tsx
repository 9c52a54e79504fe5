import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { errorView } from '../../lib/error-view.ts'
import { schemaSubjectsQueryOptions } from '../../data/registry/registry-queries.ts'
import { schemaDecoderQueryOptions } from '../../data/registry/schema-decoder-queries.ts'
import { buildHash } from '../../lib/router/hash-location.ts'
import { prettyJson } from '../../lib/json/json-text.ts'
import { decodeRegistryRecord, peekSchemaId } from '../../lib/schema/registry-record.ts'
import type { SchemaFormat } from '../../lib/schema/types.ts'
import { preClass } from './text-payload.tsx'

const FORMAT_LABELS: Record<SchemaFormat, string> = {
  AVRO: 'Avro',
  PROTOBUF: 'Protobuf',
  JSON: 'JSON Schema',
}

/** Decoded text shown at most (the whole of it is in Copy); a registry value beyond this is rare. */
const MAX_SHOWN_CHARS = 512 * 1024

const boxClass =
  'rounded border border-violet-300 bg-violet-50 px-2 py-1 text-xs text-violet-950 dark:border-violet-800 dark:bg-violet-950/50 dark:text-violet-100'

/**
 * A key or value in the Schema Registry wire format, decoded with its schema (fetched once per id and
 * connection) and shown as lossless JSON with a badge: format and schema id. Any failure says why; the bytes stay
 * below in the chosen view, so nothing is hidden.
 */
export function SchemaDecoded({
  connectionId,
  bytes,
  part,
}: {
  connectionId: string
  bytes: Uint8Array
  part: string
}) {
  const peek = useMemo(() => peekSchemaId(bytes), [bytes])
  const id = peek.ok ? peek.schemaId : null
  const decoder = useQuery({ ...schemaDecoderQueryOptions(connectionId, id ?? 0), enabled: id !== null })
  // The badge's subject and version; a registry that cannot say (or an old one) only loses the link.
  const where = useQuery({ ...schemaSubjectsQueryOptions(connectionId, id ?? 0), enabled: !!decoder.data })
  const registered = where.data?.[0]
  const decoded = useMemo(
    () => (decoder.data ? decodeRegistryRecord(decoder.data.codec, decoder.data.schema, bytes) : null),
    [decoder.data, bytes],
  )
  const pretty = useMemo(() => {
    if (!decoded?.ok) return null
    const p = prettyJson(decoded.value.json)
    return p.ok ? p.text : decoded.value.json
  }, [decoded])
  if (id === null) return null
  if (decoder.isError) {
    const view = errorView(decoder.error)
    return (
      <p role="status" className={boxClass}>
        Schema {id}: could not get it from the Schema Registry: {view.message}
        {view.hint ? ` ${view.hint}` : ''} The bytes are shown below.
      </p>
    )
  }
  if (!decoder.data || !decoded) {
    return <p className={boxClass}>Decoding with schema {id} from the Schema Registry…</p>
  }
  if (!decoded.ok) {
    const f = decoded.failure
    return (
      <p role="status" className={boxClass}>
        {FORMAT_LABELS[decoder.data.format]} schema {id} does not decode this {part.toLowerCase()}:{' '}
        {f.message}
        {f.offset !== undefined ? ` (at byte ${f.offset})` : ''}. The bytes are shown below.
      </p>
    )
  }
  const { value } = decoded
  const text = pretty ?? value.json
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-2 text-xs">
        <span
          className="rounded bg-violet-100 px-1.5 font-semibold text-violet-900 dark:bg-violet-900 dark:text-violet-100"
          aria-label={`${part} schema`}
        >
          {FORMAT_LABELS[value.format]} · schema {id}
          {value.messageName ? ` · ${value.messageName}` : ''}
        </span>
        {registered && (
          <a
            className="font-mono text-violet-800 underline dark:text-violet-200"
            href={buildHash('/schemas', { subject: registered.subject, version: registered.version })}
          >
            {registered.subject} v{registered.version}
          </a>
        )}
      </p>
      <pre
        tabIndex={0}
        aria-label={`${part} decoded with schema ${id}`}
        className={`${preClass} max-h-[28rem]`}
      >
        {text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}\n…` : text}
      </pre>
      {[...value.annotations.map((a) => `${a.pointer || '/'}: ${a.note}`), ...value.warnings]
        .slice(0, 20)
        .map((note) => (
          <p key={note} className="text-xs text-slate-600 dark:text-slate-300">
            {note}
          </p>
        ))}
    </div>
  )
}
