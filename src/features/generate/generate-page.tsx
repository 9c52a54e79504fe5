import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { Button } from '../../components/button.tsx'
import { Notice } from '../../components/notice.tsx'
import { TypedConfirm } from '../../components/typed-confirm.tsx'
import { topicQueryOptions } from '../../data/topics/topic-queries.ts'
import type { GeneratedRecord, GenerateSpec } from '../../lib/generate/generator.ts'
import { DEMO_PRESETS, type GeneratePreset } from '../../lib/generate/presets.ts'
import { mainThreadSource } from '../../lib/generate/record-source.ts'
import type { SchemaValues } from '../../lib/generate/schema-values.ts'
import { visibleNameText } from '../../lib/visible-name.ts'
import { useIsProduction } from '../../stores/connection-store.ts'
import { GeneratePreview } from './generate-preview.tsx'
import { GenerateProgress, GenerateSummary } from './generate-progress.tsx'
import { planRun, topicProblem } from './plan-run.ts'
import { PresetBar } from './preset-bar.tsx'
import { RunFields, type RunFieldsValue } from './run-fields.tsx'
import { SchemaFields } from './schema-fields.tsx'
import { TemplateFields } from './template-fields.tsx'
import { TopicField } from './topic-field.tsx'
import { useGenerateRun } from './use-generate-run.ts'
import { useValueSource } from './use-value-source.ts'
import { ValueSourceChoice } from './value-source.tsx'

const PREVIEW_COUNT = 5
// Within what every batching dialect accepts in one request, and small enough to keep each request quick.
const MAX_BATCH = 500

/** Fills a topic with generated records: templates or presets, at a rate, reproducible by seed. */
export function GeneratePage({
  connected,
  topic: initialTopic,
}: {
  connected: ConnectedClient
  topic: string | null
}) {
  const caps = connected.client.capabilities
  const maxBatch = caps.produce?.batch ? MAX_BATCH : 1
  const headersAllowed = !!caps.produce?.headers
  const [topic, setTopic] = useState(initialTopic ?? '')
  const [templates, setTemplates] = useState<GeneratePreset>(DEMO_PRESETS[0])
  const [fields, setFields] = useState<RunFieldsValue>(() => ({
    count: '1000',
    rate: '',
    duration: '',
    seed: String(Math.floor(Math.random() * 1_000_000)),
    batchSize: String(Math.min(100, maxBatch)),
    partitionKind: 'auto',
    partition: '0',
  }))
  const [preview, setPreview] = useState<{
    records: GeneratedRecord[]
    schema?: SchemaValues
    label?: string
  } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const run = useGenerateRun(connected)
  const values = useValueSource(connected)
  const fromSchema = values.kind === 'schema'

  const detail = useQuery({
    ...topicQueryOptions(connected.connectionId, topic),
    enabled: !!caps.topics && topic !== '',
  })
  const partitions = detail.data?.partitions.length ?? null

  const spec = (seed: number): GenerateSpec => ({
    keyTemplate: caps.produce?.keys === false ? '' : templates.keyTemplate,
    valueTemplate: templates.valueTemplate,
    valueFormat: templates.valueFormat,
    headers: headersAllowed ? templates.headers : [],
    seed,
    ...(fromSchema && values.state.source ? { valueSchema: values.state.source } : {}),
  })

  const check = () => {
    const planned = planRun(fields, maxBatch, partitions)
    if (!planned.ok) setProblem(planned.error)
    else if (fromSchema && !values.state.source)
      setProblem(values.state.problem ?? 'The schema is still loading: try again in a moment.')
    return planned.ok && (!fromSchema || values.state.source) ? planned : null
  }

  const onPreview = async () => {
    setProblem(null)
    const planned = check()
    if (!planned) return
    try {
      const s = spec(planned.seed)
      const source = await mainThreadSource(s)
      const records = await source.records(0, Math.min(PREVIEW_COUNT, planned.plan.count))
      setPreview({ records, schema: source.schemaValues, label: values.state.label || undefined })
    } catch (e) {
      setPreview(null)
      setProblem((e as Error).message)
    }
  }

  const production = useIsProduction()
  const [guarded, setGuarded] = useState(false)
  const generate = () => {
    const planned = check()
    if (planned) void run.start(spec(planned.seed), planned.plan, topic)
  }
  const [checking, setChecking] = useState(false)
  const onGenerate = async () => {
    setProblem(null)
    // The last run's summary goes at once: while the topic is checked it would read as this run's outcome.
    run.clear()
    setChecking(true)
    try {
      // Asked (or read from the cache) now: a click right after typing the name must not race the topic's details.
      const missing = topicProblem(topic, topic && caps.topics ? (await detail.refetch()).error : null)
      if (missing) return setProblem(missing)
      // A production connection asks for the topic's name first.
      if (production) setGuarded(true)
      else generate()
    } finally {
      setChecking(false)
    }
  }

  if (!caps.produce)
    return <Notice tone="warning">This endpoint cannot produce, so nothing can be generated.</Notice>
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <h1 className="text-xl font-semibold">Generate</h1>
      <PresetBar
        current={{ ...templates, fromSchema: undefined, ...values.presetPart() }}
        onApply={(p) => (setTemplates(p), values.applyPreset(p), setPreview(null))}
      />
      <TopicField
        connectionId={connected.connectionId}
        listTopics={!!caps.topics}
        value={topic}
        onChange={setTopic}
      />
      <ValueSourceChoice
        value={values.kind}
        onChange={(k) => (values.setKind(k), setPreview(null))}
        schemaUnavailable={values.unavailable}
      />
      {fromSchema && (
        <SchemaFields
          connectionId={connected.connectionId}
          pick={values.pick}
          state={values.state}
          onPick={(p) => (values.setPick(p), setPreview(null))}
        />
      )}
      <TemplateFields
        value={templates}
        onChange={setTemplates}
        headersAllowed={headersAllowed}
        valueFromSchema={fromSchema}
      />
      <RunFields value={fields} onChange={setFields} maxBatch={maxBatch} partitions={partitions} />
      {(problem ?? run.error) && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {problem ?? run.error}
        </p>
      )}
      <div className="flex gap-2">
        <Button variant="secondary" onClick={() => void onPreview()} disabled={run.running}>
          Preview
        </Button>
        <Button onClick={onGenerate} disabled={run.running || checking}>
          Generate
        </Button>
      </div>
      {run.progress && (
        <GenerateProgress
          progress={run.progress}
          running={run.running}
          onPause={run.pause}
          onResume={run.resume}
          onStop={run.stop}
        />
      )}
      {run.summary && !run.running && (
        <GenerateSummary topic={run.topic} summary={run.summary} onRetry={(f) => void run.retry(f)} />
      )}
      {preview && (
        <GeneratePreview
          records={preview.records}
          describe={preview.schema?.describe}
          label={preview.label}
        />
      )}
      <TypedConfirm
        open={guarded}
        title={`Generate into ${visibleNameText(topic)} in production?`}
        expected={topic}
        confirmLabel="Generate in production"
        onCancel={() => setGuarded(false)}
        onConfirm={() => {
          setGuarded(false)
          generate()
        }}
      >
        <p className="text-sm">
          This connection is tagged <strong>production</strong>: the records are written to a live topic.
        </p>
      </TypedConfirm>
    </div>
  )
}
