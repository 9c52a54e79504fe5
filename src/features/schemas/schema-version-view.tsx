import { useQuery } from '@tanstack/react-query'
import type { SubjectVersion } from '../../api/registry/registry-types.ts'
import { ErrorAlert } from '../../components/error-alert.tsx'
import { Link } from '../../components/link.tsx'
import { NameText } from '../../components/name-text.tsx'
import { Spinner } from '../../components/spinner.tsx'
import { schemaVersionQueryOptions } from '../../data/registry/registry-queries.ts'
import { errorView } from '../../lib/error-view.ts'
import { formatSchemaText } from '../../lib/syntax/format-schema.ts'
import { SchemaDiff } from './schema-diff.tsx'
import { SchemaText } from './schema-text.tsx'

const TYPE_LABELS: Record<string, string> = { AVRO: 'Avro', PROTOBUF: 'Protobuf', JSON: 'JSON Schema' }
const MAX_SHOWN_REFERENCES = 200

function References({ schema }: { schema: SubjectVersion }) {
  if (schema.references.length === 0) return null
  const shown = schema.references.slice(0, MAX_SHOWN_REFERENCES)
  return (
    <section aria-label="References" className="text-sm">
      <h3 className="font-semibold">References</h3>
      <ul className="mt-1 space-y-0.5">
        {shown.map((r, i) => (
          <li key={i} className="font-mono text-xs">
            <NameText name={r.name} maxChars={200} /> →{' '}
            <Link
              to="/schemas"
              params={{ subject: r.subject, version: r.version }}
              className="text-indigo-700 underline dark:text-indigo-300"
            >
              <NameText name={r.subject} maxChars={200} /> v{r.version}
            </Link>
          </li>
        ))}
      </ul>
      {schema.references.length > shown.length && (
        <p className="text-xs text-slate-500">… and {schema.references.length - shown.length} more</p>
      )}
    </section>
  )
}

/** One version: its id, format and references, and its text, or the diff against `compare`. */
export function SchemaVersionView({
  connectionId,
  subject,
  version,
  compare,
  deleted = false,
}: {
  connectionId: string
  subject: string
  version: number
  compare: number | null
  /** Read soft-deleted versions too. */
  deleted?: boolean
}) {
  const current = useQuery(schemaVersionQueryOptions(connectionId, subject, version, deleted))
  const other = useQuery({
    ...schemaVersionQueryOptions(connectionId, subject, compare ?? 0, deleted),
    enabled: compare !== null,
  })
  if (current.isPending) return <Spinner label={`Loading version ${version}`} />
  if (current.isError)
    return (
      <ErrorAlert
        title={`Could not read version ${version}`}
        error={errorView(current.error)}
        onRetry={() => void current.refetch()}
      />
    )
  const schema = current.data
  const shown = formatSchemaText(schema.schema, schema.schemaType)
  return (
    <div className="space-y-3">
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-1.5">
          <dt className="text-slate-500 dark:text-slate-400">Schema id</dt>
          <dd className="font-mono">{schema.id}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-slate-500 dark:text-slate-400">Format</dt>
          <dd>{TYPE_LABELS[schema.schemaType] ?? schema.schemaType}</dd>
        </div>
      </dl>
      <References schema={schema} />
      {compare === null ? (
        <SchemaText text={shown.text} language={shown.language} label={`Schema of version ${version}`} />
      ) : other.isPending ? (
        <Spinner label={`Loading version ${compare}`} />
      ) : other.isError ? (
        <ErrorAlert title={`Could not read version ${compare}`} error={errorView(other.error)} />
      ) : (
        <SchemaDiff
          oldText={formatSchemaText(other.data.schema, other.data.schemaType).text}
          newText={shown.text}
          language={shown.language}
          label={`Changes from version ${compare} to version ${version}`}
        />
      )}
    </div>
  )
}
