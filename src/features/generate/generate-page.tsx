import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { Button } from '../../components/button.tsx'
import { Notice } from '../../components/notice.tsx'
import { TextField } from '../../components/field.tsx'
import { TypedConfirm } from '../../components/typed-confirm.tsx'
import { topicQueryOptions, topicsQueryOptions } from '../../data/topics/topic-queries.ts'
import type { GeneratedRecord, GenerateSpec } from '../../lib/generate/generator.ts'
import { DEMO_PRESETS, type GeneratePreset } from '../../lib/generate/presets.ts'
import { mainThreadSource } from '../../lib/generate/record-source.ts'
import { visibleNameText } from '../../lib/visible-name.ts'
import { useIsProduction } from '../../stores/connection-store.ts'
import { GeneratePreview } from './generate-preview.tsx'
import { GenerateProgress, GenerateSummary } from './generate-progress.tsx'
import { planRun } from './plan-run.ts'
import { PresetBar } from './preset-bar.tsx'
import { RunFields, type RunFieldsValue } from './run-fields.tsx'
import { TemplateFields } from './template-fields.tsx'
import { useGenerateRun } from './use-generate-run.ts'

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
  const [preview, setPreview] = useState<GeneratedRecord[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const run = useGenerateRun(connected)

  const topics = useQuery({ ...topicsQueryOptions(connected.connectionId), enabled: !!caps.topics })
  const names = useMemo(() => (topics.data ?? []).slice(0, 1000).map((t) => t.name), [topics.data])
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
  })

  const check = () => {
    const planned = planRun(fields, maxBatch, partitions)
    if (!planned.ok) setProblem(planned.error)
    return planned.ok ? planned : null
  }

  const onPreview = async () => {
    setProblem(null)
    const planned = check()
    if (!planned) return
    try {
      const source = await mainThreadSource(spec(planned.seed))
      setPreview(await source.records(0, Math.min(PREVIEW_COUNT, planned.plan.count)))
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
  const onGenerate = () => {
    setProblem(null)
    if (topic === '') return setProblem('Choose a topic.')
    // A production connection asks for the topic's name first.
    if (production) setGuarded(true)
    else generate()
  }

  if (!caps.produce)
    return <Notice tone="warning">This endpoint cannot produce, so nothing can be generated.</Notice>
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <h1 className="text-xl font-semibold">Generate</h1>
      <PresetBar current={templates} onApply={(p) => (setTemplates(p), setPreview(null))} />
      <TextField
        label="Topic"
        list="generate-topics"
        value={topic}
        onChange={(e) => setTopic(e.target.value.trim())}
        spellCheck={false}
        autoComplete="off"
      />
      <datalist id="generate-topics">
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <TemplateFields value={templates} onChange={setTemplates} headersAllowed={headersAllowed} />
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
        <Button onClick={onGenerate} disabled={run.running}>
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
      {preview && <GeneratePreview records={preview} />}
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
