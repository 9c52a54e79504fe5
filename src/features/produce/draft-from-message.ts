import type { Capabilities } from '../../api/capabilities.ts'
import { bytesToBase64 } from '../../lib/bytes/base64.ts'
import { inspectJson } from '../../lib/json/json-text.ts'
import type { ProduceDraft } from '../../stores/produce-draft-store.ts'
import { newHeaderDraft, newRecordDraft, type HeaderDraft, type RecordDraft } from './record-draft.ts'

/** Values larger than this come back as a file rather than as text in a textarea. */
export const PREFILL_FILE_THRESHOLD = 256 * 1024

export interface FormPrefill {
  topic: string
  partition: number | 'auto'
  record: RecordDraft
  /** What could not be carried over exactly, one sentence each. */
  notes: string[]
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * The bytes as text when a text field would give back exactly these bytes: valid UTF-8, and no CR (a textarea
 * turns CR and CRLF into LF) nor, for single-line inputs, LF.
 */
function asEditableText(bytes: Uint8Array, multiline: boolean): string | null {
  let text: string
  try {
    text = strictUtf8.decode(bytes)
  } catch {
    return null
  }
  if (text.includes('\r') || (!multiline && text.includes('\n'))) return null
  return text
}

function headerDraft(name: string, value: Uint8Array | null): HeaderDraft {
  if (value === null) return newHeaderDraft({ name })
  const text = asEditableText(value, false)
  return text === null
    ? newHeaderDraft({ name, value: bytesToBase64(value), format: 'base64' })
    : newHeaderDraft({ name, value: text })
}

/** "Produce again": a message from the browser as the form's state, byte for byte. */
export function prefillFromDraft(d: ProduceDraft, caps: Capabilities): FormPrefill {
  const notes: string[] = []
  const record = newRecordDraft()
  if (d.key !== null) {
    const text = asEditableText(d.key, false)
    if (text === null) Object.assign(record, { keyFormat: 'base64', key: bytesToBase64(d.key) })
    else Object.assign(record, { keyFormat: 'text', key: text })
  }
  if (d.value === null) {
    record.valueFormat = 'null'
    if (!caps.produce?.tombstones)
      notes.push('The message is a tombstone (null value), which this endpoint cannot send: choose a value.')
  } else if (d.value.length > PREFILL_FILE_THRESHOLD) {
    record.valueFormat = 'file'
    record.file = new File([d.value as Uint8Array<ArrayBuffer>], 'message-value.bin', {
      type: 'application/octet-stream',
    })
  } else {
    const text = asEditableText(d.value, true)
    if (text === null) Object.assign(record, { valueFormat: 'base64', value: bytesToBase64(d.value) })
    else {
      const json = inspectJson(text)
      const structured = json.ok && (json.summary.kind === 'object' || json.summary.kind === 'array')
      Object.assign(record, { valueFormat: structured ? 'json' : 'text', value: text })
    }
  }
  if (d.headers?.length) {
    record.headers = d.headers.map((h) => headerDraft(h.name, h.value))
    if (d.headers.some((h) => h.value === null))
      notes.push('Headers with a null value are sent with an empty value.')
    if (!caps.produce?.headers) notes.push('The message has headers, which this endpoint cannot send.')
  }
  const partition = d.partition !== undefined && caps.produce?.toPartition ? d.partition : 'auto'
  return { topic: d.topic, partition, record, notes }
}
