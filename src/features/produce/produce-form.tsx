import { useRef, useState, type KeyboardEvent } from 'react'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { Button } from '../../components/button.tsx'
import { TypedConfirm } from '../../components/typed-confirm.tsx'
import { visibleNameText } from '../../lib/visible-name.ts'
import { useIsProduction } from '../../stores/connection-store.ts'
import { ImportNdjsonButton } from './import-ndjson-button.tsx'
import { importNdjson, type NdjsonImport } from './ndjson-import.ts'
import { NdjsonPreview } from './ndjson-preview.tsx'
import { planProduce } from './plan-produce.ts'
import { ProduceError } from './produce-error.tsx'
import { ProduceProgress } from './produce-progress.tsx'
import { ProduceRate } from './produce-rate.tsx'
import { ProduceResults } from './produce-results.tsx'
import { isRegistryFormat, newRecordDraft, type RecordDraft } from './record-draft.ts'
import { RecordEditor } from './record-editor.tsx'
import { PartitionField, TopicField } from './target-fields.tsx'
import { useProduce } from './use-produce.ts'
import { useRegistryEncode } from './use-registry-encoder.ts'

export interface FormStart {
  partition: string
  records: RecordDraft[]
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** Puts the caret on the first invalid field (at the error position when it is known). */
function focusFirstInvalid(form: HTMLFormElement | null) {
  const field = form?.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
    '[aria-invalid="true"]',
  )
  if (!field) return
  field.focus()
  const at = Number(field.dataset.errorIndex)
  if (Number.isInteger(at) && 'setSelectionRange' in field) field.setSelectionRange(at, at + 1)
}

/** The produce form: where to, the record(s) or an NDJSON import, Produce (Ctrl/Cmd+Enter), progress and results. */
export function ProduceForm({
  connected,
  topic,
  onTopicChange,
  start,
}: {
  connected: ConnectedClient
  topic: string
  onTopicChange(topic: string): void
  start: FormStart
}) {
  const { client } = connected
  const caps = client.capabilities
  const [partition, setPartition] = useState(start.partition)
  const [records, setRecords] = useState(start.records)
  const [imported, setImported] = useState<NdjsonImport | null>(null)
  const [skipBad, setSkipBad] = useState(false)
  const [showErrors, setShowErrors] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const produce = useProduce(connected.connectionId)
  const encodeRegistry = useRegistryEncode(connected.connectionId)
  const [encoding, setEncoding] = useState(false)
  const registry = connected.registry ? { connectionId: connected.connectionId, topic } : null
  const production = useIsProduction()
  /** Production: the planned request waits for the topic name to be typed. */
  const [guarded, setGuarded] = useState<Parameters<typeof produce.mutate>[0] | null>(null)

  const send = async () => {
    if (produce.isPending || encoding) return
    let drafts = records
    if (
      !imported &&
      topic !== '' &&
      records.some((r) => isRegistryFormat(r.valueFormat) || isRegistryFormat(r.keyFormat))
    ) {
      setEncoding(true)
      const encoded = await encodeRegistry(records, topic, !!caps.produce?.keys).finally(() =>
        setEncoding(false),
      )
      if (!encoded.ok) {
        setShowErrors(true)
        setProblem(encoded.message)
        requestAnimationFrame(() => focusFirstInvalid(formRef.current))
        return
      }
      drafts = encoded.drafts
    }
    const plan = planProduce({ topic, partition, drafts, imported, skipBadLines: skipBad, caps })
    if (!plan.ok) {
      setShowErrors(true)
      setProblem(plan.message)
      requestAnimationFrame(() => focusFirstInvalid(formRef.current))
      return
    }
    setProblem(null)
    if (production) setGuarded(plan.input)
    else produce.mutate(plan.input)
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      void send()
    }
  }
  const update = (id: number, patch: Partial<RecordDraft>) =>
    setRecords((rs) => rs.map((r) => (r.id === id ? { ...r, ...patch } : r)))
  const addRecord = () =>
    setRecords((rs) => {
      const last = rs[rs.length - 1]
      return [
        ...rs,
        newRecordDraft({
          keyFormat: last.keyFormat,
          valueFormat: last.valueFormat === 'file' ? 'text' : last.valueFormat,
        }),
      ]
    })
  const onImport = async (file: File) => {
    setImported(importNdjson(file.name, await file.text(), caps))
    setSkipBad(false)
    setProblem(null)
  }
  const count = imported ? imported.rows.filter((r) => r.ok).length : records.length

  return (
    <div className="space-y-5">
      <form
        ref={formRef}
        aria-label="Produce"
        noValidate
        onSubmit={(e) => e.preventDefault()}
        onKeyDown={onKeyDown}
        className="space-y-4"
      >
        {/* Room for two hint lines: the partition hint grows from one line to two when the topic's details
            arrive, which moved the whole form 16 px under the pointer (a click on Add header could miss). */}
        <div className="grid gap-3 sm:min-h-[5.5rem] sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <TopicField
            connected={connected}
            topic={topic}
            onChange={onTopicChange}
            error={showErrors && !topic ? 'Choose a topic.' : null}
          />
          <PartitionField connected={connected} topic={topic} value={partition} onChange={setPartition} />
        </div>
        {imported ? (
          <NdjsonPreview
            imported={imported}
            topic={topic}
            skipBad={skipBad}
            onSkipBad={setSkipBad}
            onDiscard={() => setImported(null)}
          />
        ) : (
          records.map((r, i) => (
            <RecordEditor
              key={r.id}
              draft={r}
              n={i + 1}
              batch={records.length > 1}
              caps={caps}
              dialect={client.dialect}
              registry={registry}
              showErrors={showErrors}
              onChange={(patch) => update(r.id, patch)}
              onRemove={() => setRecords((rs) => rs.filter((x) => x.id !== r.id))}
            />
          ))
        )}
        <div className="flex flex-wrap items-center gap-2">
          {!imported && <Button onClick={addRecord}>Add record</Button>}
          <ImportNdjsonButton onFile={(f) => void onImport(f)} />
        </div>
        {problem && (
          <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
            {problem}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
          <Button
            variant="primary"
            onClick={() => void send()}
            disabled={produce.isPending || encoding}
            aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}
          >
            Produce
          </Button>
          <span className="text-xs text-slate-500 dark:text-slate-400">
            <kbd className="font-sans">{isMac ? '⌘' : 'Ctrl'}+Enter</kbd> ·{' '}
            {count === 1 ? '1 record' : `${count} records`}
            {count > 1 &&
              (caps.produce?.batch
                ? ' in one request'
                : ', one request each (this endpoint takes one record per request)')}
          </span>
        </div>
      </form>
      <TypedConfirm
        open={guarded !== null}
        title={`Produce to ${visibleNameText(topic)} in production?`}
        expected={topic}
        confirmLabel="Produce to production"
        onCancel={() => setGuarded(null)}
        onConfirm={() => {
          if (guarded) produce.mutate(guarded)
          setGuarded(null)
        }}
      >
        <p className="text-sm">
          This connection is tagged <strong>production</strong>: the records are written to a live topic.
        </p>
      </TypedConfirm>
      {produce.progress && <ProduceProgress progress={produce.progress} onCancel={produce.cancel} />}
      {produce.isError && <ProduceError error={produce.error} requests={produce.failedRequests} />}
      {produce.data && <ProduceResults outcome={produce.data} canBrowse={!!caps.browse} />}
      {(produce.rates.length > 1 || (produce.data?.results.length ?? 0) > 1) && produce.rates.length > 0 && (
        <ProduceRate rates={produce.rates} />
      )}
    </div>
  )
}
