import { useEffect, useState } from 'react'
import type { ConnectedClient } from '../../api/connected-client.ts'
import { Notice } from '../../components/notice.tsx'
import { navigate } from '../../lib/router/hash-location.ts'
import { useProduceDraftStore } from '../../stores/produce-draft-store.ts'
import { prefillFromDraft } from './draft-from-message.ts'
import { ProduceForm, type FormStart } from './produce-form.tsx'
import { newRecordDraft } from './record-draft.ts'

interface PageStart {
  form: FormStart
  /** The topic of a "Produce again" draft (it wins over the URL). */
  topic: string | null
  notes: string[] | null
}

function startFromDraftStore(connected: ConnectedClient): PageStart {
  // Read, not taken: StrictMode runs initializers twice. The effect below forgets the draft.
  const draft = useProduceDraftStore.getState().draft
  if (!draft) return { form: { partition: '', records: [newRecordDraft()] }, topic: null, notes: null }
  const prefill = prefillFromDraft(draft, connected.client.capabilities)
  return {
    form: {
      partition: prefill.partition === 'auto' ? '' : String(prefill.partition),
      records: [prefill.record],
    },
    topic: prefill.topic,
    notes: prefill.notes,
  }
}

const setTopicInUrl = (topic: string) => navigate('/produce', { topic }, { replace: true })

/** Produce: the topic lives in the URL (`#/produce?topic=…`); a message from the browser can prefill the form. */
export function ProducePage({ connected, topic }: { connected: ConnectedClient; topic: string | null }) {
  const [start] = useState(() => startFromDraftStore(connected))
  useEffect(() => {
    useProduceDraftStore.getState().take()
    if (start.topic !== null && start.topic !== topic) setTopicInUrl(start.topic)
    // Once, on mount: later topic changes come from the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const current = topic ?? start.topic ?? ''
  return (
    <section aria-labelledby="produce-title" className="mx-auto max-w-5xl space-y-4">
      <div>
        <h1 id="produce-title" className="text-xl font-semibold">
          Produce
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Send records to a topic through {connected.client.dialect.name}. Values are sent byte for byte.
        </p>
      </div>
      {start.notes && (
        <Notice role="status">
          <p>Prefilled from a message in the browser: change the topic or anything else, then produce.</p>
          {start.notes.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {start.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      <ProduceForm connected={connected} topic={current} onTopicChange={setTopicInUrl} start={start.form} />
    </section>
  )
}
