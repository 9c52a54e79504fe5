import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { Button } from '../../components/button.tsx'
import { ErrorAlert } from '../../components/error-alert.tsx'
import { inputClass } from '../../components/field.tsx'
import { Notice } from '../../components/notice.tsx'
import { Spinner } from '../../components/spinner.tsx'
import { useNameSearch } from '../../components/use-name-search.ts'
import {
  globalCompatibilityQueryOptions,
  subjectsQueryOptions,
} from '../../data/registry/registry-queries.ts'
import { errorView } from '../../lib/error-view.ts'
import { navigate } from '../../lib/router/hash-location.ts'
import { CompatibilityLevel } from './compatibility-level.tsx'
import { SubjectDetail } from './subject-detail.tsx'
import { SubjectList } from './subject-list.tsx'

const NO_NAMES: string[] = []

function versionParam(raw: string | null): number | null {
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null
  const n = Number(raw)
  return n >= 1 && n <= 2 ** 31 - 1 ? n : null
}

/** The registry's subjects (filterable, virtualized) beside the chosen subject's versions and schema. */
export function SchemasPage({ connected, params }: { connected: ConnectedClient; params: URLSearchParams }) {
  const { connectionId } = connected
  // Soft-deleted subjects are shown on request (shareable: `deleted=1` in the URL); they are marked in the list.
  const showDeleted = params.get('deleted') === '1'
  const live = useQuery(subjectsQueryOptions(connectionId))
  const withDeleted = useQuery({ ...subjectsQueryOptions(connectionId, true), enabled: showDeleted })
  const subjects = showDeleted ? withDeleted : live
  const deletedNames = useMemo(() => {
    if (!showDeleted || !withDeleted.data || !live.data) return undefined
    const alive = new Set(live.data)
    return new Set(withDeleted.data.filter((s) => !alive.has(s)))
  }, [showDeleted, withDeleted.data, live.data])
  const global = useQuery(globalCompatibilityQueryOptions(connectionId))
  const [filter, setFilter] = useState('')
  const names = subjects.data ?? NO_NAMES
  // The filter runs in time slices; until it ends the last result stays.
  const { search } = useNameSearch(names, filter)
  const visible = useMemo(() => {
    if (search.items !== names || search.matches === null) return names
    return search.matches.map((i) => names[i])
  }, [names, search])
  const subject = params.get('subject')

  return (
    <section aria-labelledby="schemas-title" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="schemas-title" className="text-xl font-semibold">
          Schemas
        </h1>
        {subjects.data && (
          <span className="text-sm text-slate-500 dark:text-slate-400">
            {visible.length === names.length ? names.length : `${visible.length} of ${names.length}`} subjects
          </span>
        )}
        <CompatibilityLevel
          connectionId={connectionId}
          subject={null}
          current={global.data ?? null}
          shown={
            global.isError ? (
              `could not be read (${errorView(global.error).message})`
            ) : (
              <span className="font-mono font-semibold">{global.data ?? '…'}</span>
            )
          }
        />
        <Button className="ml-auto" onClick={() => void subjects.refetch()} disabled={subjects.isFetching}>
          Refresh
        </Button>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(14rem,22rem)_1fr]">
        <div className="min-w-0 space-y-2">
          <label htmlFor="subject-filter" className="sr-only">
            Filter subjects
          </label>
          <input
            id="subject-filter"
            type="search"
            placeholder="Filter subjects"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            className={inputClass}
          />
          {/* Before the loading and error states: the checkbox stays put while the list loads. */}
          <label className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
            <input
              type="checkbox"
              checked={showDeleted}
              onChange={(e) =>
                navigate(
                  '/schemas',
                  { subject: subject ?? undefined, deleted: e.target.checked ? '1' : undefined },
                  { replace: true },
                )
              }
            />
            Show soft-deleted subjects and versions
          </label>
          {subjects.isPending && <Spinner label="Loading subjects" />}
          {subjects.isError && (
            <ErrorAlert
              title="Could not list subjects"
              error={errorView(subjects.error)}
              onRetry={() => void subjects.refetch()}
            />
          )}
          {subjects.data?.length === 0 && <Notice>The registry has no subjects yet.</Notice>}
          {names.length > 0 && visible.length === 0 && <Notice>No subject matches “{search.query}”.</Notice>}
          {visible.length > 0 && (
            <SubjectList
              subjects={visible}
              selected={subject}
              deleted={deletedNames}
              showDeleted={showDeleted}
            />
          )}
        </div>
        {subject !== null ? (
          <SubjectDetail
            key={subject}
            connectionId={connectionId}
            subject={subject}
            version={versionParam(params.get('version'))}
            compare={versionParam(params.get('compare'))}
            showDeleted={showDeleted}
          />
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">
            Choose a subject to see its versions and schema.
          </p>
        )}
      </div>
    </section>
  )
}
