import type { Ref } from 'react'
import type { Capabilities } from '../../api/capabilities.ts'
import type { KafkaRecord } from '../../api/types.ts'
import { Button } from '../../components/button.tsx'
import { CopyButton } from '../../components/copy-button.tsx'
import type { BrowseDecoder } from '../../lib/browse-link.ts'
import { navigate } from '../../lib/router/hash-location.ts'
import { formatTimestamp } from '../../lib/time/format-timestamp.ts'
import type { TimeZoneSetting } from '../../stores/preferences-store.ts'
import { useProduceDraftStore } from '../../stores/produce-draft-store.ts'
import { linkableSelection } from '../../lib/browse-link.ts'
import type { BrowseView } from './browse-view.ts'
import { HeadersTable } from './headers-table.tsx'
import { PayloadSection } from './payload-section.tsx'
import { messageId, messageUrl } from './window-text.ts'

interface Props {
  record: KafkaRecord
  view: BrowseView
  caps: Capabilities
  timeZone: TimeZoneSetting
  onDecoder(part: 'decoder' | 'keyDecoder', choice: BrowseDecoder): void
  headingRef?: Ref<HTMLHeadingElement>
  /** The connection whose Schema Registry decodes wire-format keys and values; null without a registry. */
  registryConnectionId?: string | null
}

/** The selected message: metadata, key and value decoded separately, headers, and what to do with it. */
export function MessageDetail({
  record,
  view,
  caps,
  timeZone,
  onDecoder,
  headingRef,
  registryConnectionId,
}: Props) {
  const ts = formatTimestamp(record.timestamp ?? null, { timeZone })
  const fileBase = `${record.topic.replace(/[^\w.-]/g, '_')}-p${record.partition}-o${record.offset}`
  const produceAgain = () => {
    useProduceDraftStore.getState().setDraft({
      topic: record.topic,
      partition: record.partition,
      key: record.key,
      value: record.value,
      ...(record.headers ? { headers: record.headers } : {}),
    })
    navigate('/produce', { topic: record.topic })
  }
  return (
    <section
      aria-labelledby="message-title"
      className="space-y-4 rounded-md border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2
          id="message-title"
          ref={headingRef}
          tabIndex={-1}
          className="font-mono text-base font-semibold focus:outline-none"
        >
          Partition {record.partition} · offset {record.offset}
        </h2>
        <div className="ml-auto flex flex-wrap gap-2">
          {linkableSelection(messageId(record)) ? (
            <CopyButton
              label="Copy link"
              getText={() => messageUrl(view, record, `${window.location.origin}${window.location.pathname}`)}
            />
          ) : (
            <span className="text-xs text-amber-800 dark:text-amber-300">
              No link: partition {record.partition}, offset {record.offset} cannot be written in a browse
              link.
            </span>
          )}
          {caps.produce && (
            <Button size="sm" onClick={produceAgain}>
              Produce again
            </Button>
          )}
        </div>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600 dark:text-slate-300">Timestamp</dt>
        <dd className="tabular-nums">
          {ts.epochMs === null ? (
            <span className="text-slate-500 dark:text-slate-400">
              {caps.browse?.timestamps ? 'none' : 'not returned by this API'}
            </span>
          ) : (
            <>
              <span title={ts.title}>{ts.text}</span>
              <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">{ts.epochMs} ms</span>
            </>
          )}
        </dd>
        <dt className="text-slate-600 dark:text-slate-300">Sizes</dt>
        <dd className="tabular-nums">
          key {record.key === null ? 'null' : `${record.key.length.toLocaleString('en-US')} B`}, value{' '}
          {record.value === null ? 'null' : `${record.value.length.toLocaleString('en-US')} B`}
        </dd>
      </dl>
      <PayloadSection
        key={`k-${record.partition}:${record.offset}`}
        part="Key"
        bytes={record.key}
        choice={view.keyDecoder}
        onChoice={(c) => onDecoder('keyDecoder', c)}
        fileBase={fileBase}
        registryConnectionId={registryConnectionId}
      />
      <PayloadSection
        key={`v-${record.partition}:${record.offset}`}
        part="Value"
        bytes={record.value}
        choice={view.decoder}
        onChoice={(c) => onDecoder('decoder', c)}
        fileBase={fileBase}
        registryConnectionId={registryConnectionId}
      />
      <HeadersTable headers={record.headers} />
    </section>
  )
}
