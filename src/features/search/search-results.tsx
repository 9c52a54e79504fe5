import { useState } from 'react'
import type { KafkaRestClient } from '../../api/kafka-rest-client.ts'
import { Button } from '../../components/button.tsx'
import { exportFileName, recordsToCsv, recordsToNdjson } from '../../lib/browse/export-records.ts'
import { groupDigits } from '../../lib/group-digits.ts'
import { saveBlob } from '../../lib/save-blob.ts'
import { toKafkaRecord } from '../../lib/search-scan/scan-record.ts'
import type { ScanEnd } from '../../lib/search-scan/scan-runner.ts'
import { usePreferencesStore } from '../../stores/preferences-store.ts'
import { CopyPanel } from './copy-panel.tsx'
import { MatchDetail } from './match-detail.tsx'
import { MatchList } from './match-list.tsx'
import { SearchProgress } from './search-progress.tsx'
import type { SearchState } from './use-topic-search.ts'

const ENDS: Record<ScanEnd, string> = {
  done: 'Search finished',
  'match-limit': 'Stopped at the match limit',
  'byte-limit': 'Stopped at the bytes limit',
  stopped: 'Stopped',
  failed: 'Search failed',
}

/** Progress, the outcome, the matches (list + detail), export and Copy to topic. */
export function SearchResults({
  client,
  topic,
  topics,
  state,
}: {
  client: KafkaRestClient
  topic: string
  topics: string[]
  state: SearchState
}) {
  const [selected, setSelected] = useState<number | null>(null)
  const timeZone = usePreferencesStore((s) => s.timeZone)
  if (state.status === 'idle' && !state.error) return null
  const { matches, summary } = state
  const records = () => matches.map((m) => toKafkaRecord(topic, m))
  const chosen = selected !== null ? matches[selected] : undefined
  return (
    <div className="space-y-3">
      <SearchProgress
        partitions={state.partitions}
        scanned={state.scanned}
        bytes={state.bytes}
        elapsedMs={state.elapsedMs}
      />
      <p role="status" aria-label="Search status" className="text-sm font-medium">
        {state.status === 'running' ? 'Searching…' : summary ? ENDS[summary.end] : 'Search failed'} ·{' '}
        {groupDigits(matches.length)} {matches.length === 1 ? 'match' : 'matches'}
        {summary &&
          summary.evalErrors > 0 &&
          ` · the expression failed on ${groupDigits(summary.evalErrors)} ${summary.evalErrors === 1 ? 'message' : 'messages'} (not matched)`}
      </p>
      {summary?.firstEvalError && (
        <p className="text-sm text-amber-800 dark:text-amber-300">
          First failure at partition {summary.firstEvalError.partition}, offset{' '}
          <span className="font-mono">{summary.firstEvalError.offset}</span>: {summary.firstEvalError.message}
          . Test a field that some messages lack first: <code>has(value.field) &amp;&amp; …</code>
        </p>
      )}
      {state.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.error}
        </p>
      )}
      {summary && summary.notes.length > 0 && (
        <ul aria-label="Search notes" className="text-xs text-amber-800 dark:text-amber-300">
          {summary.notes.slice(0, 50).map((n, i) => (
            <li key={i}>{n.slice(0, 500)}</li>
          ))}
        </ul>
      )}
      {matches.length > 0 && (
        <>
          <div className="flex gap-2">
            <Button
              size="sm"
              onClick={() =>
                saveBlob(
                  new Blob([recordsToNdjson(records())], { type: 'application/x-ndjson' }),
                  exportFileName(topic, 'all', records(), 'ndjson'),
                )
              }
            >
              Export NDJSON
            </Button>
            <Button
              size="sm"
              onClick={() =>
                saveBlob(
                  new Blob([recordsToCsv(records(), timeZone)], { type: 'text/csv' }),
                  exportFileName(topic, 'all', records(), 'csv'),
                )
              }
            >
              Export CSV
            </Button>
          </div>
          <MatchList matches={matches} selected={selected} onSelect={setSelected} />
          {chosen && <MatchDetail topic={topic} match={chosen} />}
          {state.status === 'finished' && client.capabilities.produce && (
            <CopyPanel client={client} topics={topics} records={matches} />
          )}
        </>
      )}
    </div>
  )
}
