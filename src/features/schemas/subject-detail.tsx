import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from '../../components/button.tsx'
import { ErrorAlert } from '../../components/error-alert.tsx'
import { SelectField } from '../../components/field.tsx'
import { NameText } from '../../components/name-text.tsx'
import { Notice } from '../../components/notice.tsx'
import { Spinner } from '../../components/spinner.tsx'
import {
  globalCompatibilityQueryOptions,
  subjectCompatibilityQueryOptions,
  versionsQueryOptions,
} from '../../data/registry/registry-queries.ts'
import { errorView } from '../../lib/error-view.ts'
import { navigate } from '../../lib/router/hash-location.ts'
import { CompatibilityLevel } from './compatibility-level.tsx'
import { DeleteSchemaDialog, type DeleteTarget } from './delete-schema-dialog.tsx'
import { SchemaVersionView } from './schema-version-view.tsx'

function SubjectCompatibility({ connectionId, subject }: { connectionId: string; subject: string }) {
  const level = useQuery(subjectCompatibilityQueryOptions(connectionId, subject))
  const global = useQuery(globalCompatibilityQueryOptions(connectionId))
  return (
    <CompatibilityLevel
      connectionId={connectionId}
      subject={subject}
      current={level.data ?? global.data ?? null}
      shown={
        level.isPending ? (
          '…'
        ) : level.isError ? (
          `could not be read (${errorView(level.error).message})`
        ) : level.data === null ? (
          'the global level (none of its own)'
        ) : (
          <span className="font-mono font-semibold">{level.data}</span>
        )
      }
    />
  )
}

/** A subject: its versions, the chosen one's schema (or a diff between two), its level, and soft delete. */
export function SubjectDetail({
  connectionId,
  subject,
  version,
  compare,
  showDeleted = false,
}: {
  connectionId: string
  subject: string
  version: number | null
  compare: number | null
  /** Soft-deleted versions listed too (marked), and readable. */
  showDeleted?: boolean
}) {
  const versions = useQuery(versionsQueryOptions(connectionId, subject, showDeleted))
  const live = useQuery({ ...versionsQueryOptions(connectionId, subject), enabled: showDeleted })
  const isDeleted = (v: number) => showDeleted && live.data !== undefined && !live.data.includes(v)
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null)
  const list = versions.data ?? []
  const chosen = version !== null && list.includes(version) ? version : (list.at(-1) ?? null)
  const against = compare !== null && compare !== chosen && list.includes(compare) ? compare : null
  const go = (patch: { version?: number | null; compare?: number | null }) =>
    navigate(
      '/schemas',
      {
        subject,
        version: patch.version ?? chosen,
        compare: 'compare' in patch ? patch.compare : against,
        deleted: showDeleted ? '1' : undefined,
      },
      { replace: true },
    )

  return (
    <section aria-labelledby="subject-title" className="min-w-0 space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="subject-title" className="min-w-0 truncate font-mono text-lg font-semibold">
          <NameText name={subject} maxChars={300} />
        </h2>
        <Button
          size="sm"
          variant="danger"
          className="ml-auto"
          onClick={() => setDeleting({ kind: 'subject' })}
        >
          Delete subject
        </Button>
      </div>
      <SubjectCompatibility connectionId={connectionId} subject={subject} />
      {versions.isPending && <Spinner label="Loading versions" />}
      {versions.isError && (
        <ErrorAlert
          title="Could not list the versions"
          error={errorView(versions.error)}
          onRetry={() => void versions.refetch()}
        />
      )}
      {versions.isSuccess && list.length === 0 && <Notice>This subject has no versions.</Notice>}
      {chosen !== null && (
        <>
          <div className="flex flex-wrap items-end gap-3">
            <SelectField
              label="Version"
              value={chosen}
              onChange={(e) => go({ version: Number(e.target.value) })}
              className="w-36"
            >
              {list.map((v) => (
                <option key={v} value={v}>
                  {v}
                  {isDeleted(v) ? ' (deleted)' : v === list.at(-1) ? ' (latest)' : ''}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Compare with"
              value={against ?? ''}
              onChange={(e) => go({ compare: e.target.value ? Number(e.target.value) : null })}
              className="w-44"
            >
              <option value="">Nothing</option>
              {list
                .filter((v) => v !== chosen)
                .map((v) => (
                  <option key={v} value={v}>
                    Version {v}
                    {isDeleted(v) ? ' (deleted)' : ''}
                  </option>
                ))}
            </SelectField>
            <Button
              disabled={isDeleted(chosen)}
              onClick={() => setDeleting({ kind: 'version', version: chosen })}
            >
              Delete version
            </Button>
            <span className="text-sm text-slate-500 dark:text-slate-400">
              {list.length} version{list.length === 1 ? '' : 's'}
            </span>
          </div>
          <SchemaVersionView
            connectionId={connectionId}
            subject={subject}
            version={chosen}
            compare={against}
            deleted={showDeleted}
          />
        </>
      )}
      <DeleteSchemaDialog
        connectionId={connectionId}
        subject={subject}
        target={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => {
          const wasSubject = deleting?.kind === 'subject'
          setDeleting(null)
          navigate('/schemas', wasSubject ? undefined : { subject }, { replace: true })
        }}
      />
    </section>
  )
}
