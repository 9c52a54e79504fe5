import { useId, useMemo, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { CopyButton } from '../../components/copy-button.tsx'
import type { BrowseDecoder } from '../../lib/browse-link.ts'
import { bytesToBase64 } from '../../lib/bytes/base64.ts'
import { formatBytesSize } from '../../lib/bytes/format-size.ts'
import {
  base64View,
  DECODER_LABELS,
  imageMime,
  jsonView,
  resolveDecoder,
  VIEW_DECODERS,
  wirePrefix,
  type ViewDecoder,
} from '../../lib/decode/decode-view.ts'
import { detectPayload, type PayloadDetection } from '../../lib/decode/detect-payload.ts'
import { hexDumpText } from '../../lib/decode/hex-dump.ts'
import { saveBytes } from './download.ts'
import { HexView } from './hex-view.tsx'
import { ImageView } from './image-view.tsx'
import { SchemaDecoded } from './schema-decoded.tsx'
import { preClass, TextPayload } from './text-payload.tsx'
import { VirtualLines } from './virtual-lines.tsx'

/** Above this, pretty JSON is shown as virtualized lines rather than one <pre>. */
const VIRTUAL_TEXT_CHARS = 256 * 1024

interface Props {
  part: 'Key' | 'Value'
  bytes: Uint8Array | null
  choice: BrowseDecoder
  onChoice(choice: BrowseDecoder): void
  /** Base of download file names, e.g. `demo.orders-p0-o12`. */
  fileBase: string
  /** The connection whose Schema Registry decodes wire-format payloads; null without a registry. */
  registryConnectionId?: string | null
}

/** Copying gets what the view shows, in full (up to 64 MB of hex dump text). */
function copyTextFor(decoder: ViewDecoder, bytes: Uint8Array, detection: PayloadDetection): string {
  if (decoder === 'hex') return hexDumpText(bytes, 4 * 1024 * 1024)
  if (decoder === 'base64' || decoder === 'image') return bytesToBase64(bytes)
  if (decoder === 'json') {
    const j = jsonView(bytes, detection, true)
    if (j.ok) return j.text
  }
  return new TextDecoder().decode(bytes)
}

/** One of a message's key or value: detected type, decoder choice, the view, copy and download. */
export function PayloadSection({ part, bytes, choice, onChoice, fileBase, registryConnectionId }: Props) {
  const selectId = useId()
  const detection = useMemo(() => (bytes ? detectPayload(bytes) : null), [bytes])
  const lower = part.toLowerCase()
  if (bytes === null || detection === null) {
    return (
      <section aria-label={part} className="space-y-1">
        <h3 className="text-sm font-semibold">{part}</h3>
        <p className="text-sm text-slate-600 italic dark:text-slate-300">
          null{part === 'Value' ? ' (a tombstone)' : ' (no key)'}
        </p>
      </section>
    )
  }
  const decoder = resolveDecoder(choice, detection)
  const prefix = wirePrefix(bytes, detection)
  return (
    <section aria-label={part} className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold">{part}</h3>
        <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          {detection.label} · {formatBytesSize(bytes.length)}
          {bytes.length >= 1024 ? ` (${bytes.length.toLocaleString('en-US')} bytes)` : ''}
        </span>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <label htmlFor={selectId} className="text-xs font-semibold text-slate-700 dark:text-slate-300">
            {part} decoder
          </label>
          <select
            id={selectId}
            value={choice}
            onChange={(e) => onChoice(e.target.value as BrowseDecoder)}
            className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs dark:border-slate-600 dark:bg-slate-900"
          >
            <option value="auto">Auto ({DECODER_LABELS[detection.decoder]})</option>
            {VIEW_DECODERS.map((d) => (
              <option key={d} value={d}>
                {DECODER_LABELS[d]}
              </option>
            ))}
          </select>
          <CopyButton label={`Copy ${lower}`} getText={() => copyTextFor(decoder, bytes, detection)} />
          <Button size="sm" onClick={() => saveBytes(`${fileBase}-${lower}.bin`, bytes)}>
            {part === 'Value' ? 'Download' : 'Download key'}
          </Button>
        </div>
      </div>
      {prefix && (
        <p className="rounded border border-violet-300 bg-violet-50 px-2 py-1 text-xs text-violet-950 dark:border-violet-800 dark:bg-violet-950/50 dark:text-violet-100">
          Looks like the Schema Registry wire format: prefix <code className="font-mono">{prefix.hex}</code>:
          magic byte 0, schema id <strong>{prefix.schemaId}</strong>; the payload starts at byte{' '}
          {prefix.payloadOffset}.
        </p>
      )}
      {prefix && registryConnectionId && (
        <SchemaDecoded connectionId={registryConnectionId} bytes={bytes} part={part} />
      )}
      {detection.notes
        // With a registry the decoded view says what became of the framed bytes.
        .filter(
          (n) =>
            !n.startsWith('Looks like Confluent Schema Registry') &&
            !(registryConnectionId && n.includes('to decode; showing hex')),
        )
        .map((n) => (
          <p key={n} className="text-xs text-slate-600 dark:text-slate-300">
            {n}
          </p>
        ))}
      <PayloadBody
        decoder={decoder}
        bytes={bytes}
        detection={detection}
        label={part}
        highlight={prefix ? 5 : 0}
      />
    </section>
  )
}

function PayloadBody({
  decoder,
  bytes,
  detection,
  label,
  highlight,
}: {
  decoder: ViewDecoder
  bytes: Uint8Array
  detection: PayloadDetection
  label: string
  highlight: number
}) {
  const [force, setForce] = useState(false)
  const [allBase64, setAllBase64] = useState(false)
  const json = useMemo(
    () => (decoder === 'json' ? jsonView(bytes, detection, force) : null),
    [decoder, bytes, detection, force],
  )
  const b64 = useMemo(
    () => (decoder === 'base64' ? base64View(bytes, allBase64 ? Infinity : undefined) : null),
    [decoder, bytes, allBase64],
  )
  if (decoder === 'hex') return <HexView bytes={bytes} label={label} highlight={highlight} />
  if (decoder === 'image') {
    const mime = imageMime(detection)
    if (mime) return <ImageView bytes={bytes} mime={mime} label={label} />
    return (
      <>
        <p className="text-xs text-amber-800 dark:text-amber-300">
          Not a PNG, JPEG, GIF or WebP image by its magic bytes
          {detection.kind === 'svg' ? ' (SVG is never rendered: it can carry scripts)' : ''}; showing hex.
        </p>
        <HexView bytes={bytes} label={label} />
      </>
    )
  }
  if (b64) {
    const b = b64
    return (
      <div className="space-y-1">
        <pre tabIndex={0} aria-label={`${label} as base64`} className={preClass}>
          {b.text}
        </pre>
        {b.truncated && (
          <Button size="sm" onClick={() => setAllBase64(true)}>
            Show all base64
          </Button>
        )}
      </div>
    )
  }
  if (json) {
    const j = json
    if (j.ok)
      return j.text.length > VIRTUAL_TEXT_CHARS ? (
        <VirtualLines text={j.text} label={`${label} as JSON`} />
      ) : (
        <pre tabIndex={0} aria-label={`${label} as JSON`} className={preClass}>
          {j.text}
        </pre>
      )
    return (
      <div className="space-y-1">
        <p className="text-xs text-amber-800 dark:text-amber-300">
          {j.message}
          {'tooLarge' in j && (
            <Button size="sm" className="ml-2" onClick={() => setForce(true)}>
              Pretty-print anyway
            </Button>
          )}
        </p>
        <TextPayload bytes={bytes} label={label} />
      </div>
    )
  }
  return <TextPayload bytes={bytes} label={label} />
}
