import type { Capabilities } from '../../api/capabilities.ts'
import { topicNameError } from '../../lib/topic-name.ts'
import { readyRecords, type NdjsonImport } from './ndjson-import.ts'
import type { PendingRecord } from './prepare-records.ts'
import { buildRecord, countErrors, type RecordDraft } from './record-draft.ts'
import type { ProduceInput } from './use-produce.ts'

export interface PlanInput {
  topic: string
  /** '' = Auto. */
  partition: string
  drafts: RecordDraft[]
  /** When set, its records are sent instead of the drafts. */
  imported: NdjsonImport | null
  skipBadLines: boolean
  caps: Capabilities
}

/** '' (Auto) or a partition number; null when valid. */
export function partitionError(value: string): string | null {
  if (value === '') return null
  return /^\d+$/.test(value) && Number(value) <= 0x7fffffff
    ? null
    : 'Auto (empty) or a partition number: 0, 1, 2…'
}

export type Plan = { ok: true; input: ProduceInput } | { ok: false; message: string }

/** Turns the form into one produce request, or says what to fix first (one sentence). */
export function planProduce({ topic, partition, drafts, imported, skipBadLines, caps }: PlanInput): Plan {
  if (topic === '') return { ok: false, message: 'Choose a topic.' }
  const nameError = topicNameError(topic)
  if (nameError) return { ok: false, message: `Topic: ${nameError}` }
  let part: number | undefined
  const badPartition = partitionError(partition)
  if (badPartition) return { ok: false, message: `Partition: ${badPartition}` }
  if (partition !== '') part = Number(partition)
  if (imported) {
    const bad = imported.rows.filter((r) => !r.ok).length
    const ready = readyRecords(imported)
    if (ready.length === 0) return { ok: false, message: 'The imported file has no record that can be sent.' }
    if (bad > 0 && !skipBadLines) {
      return {
        ok: false,
        message: `${bad} line${bad === 1 ? '' : 's'} of the import cannot be sent: fix the file and import it again, or skip them.`,
      }
    }
    const labels = imported.rows.flatMap((r) => (r.ok ? [`Line ${r.line}`] : []))
    const records = ready.map((record) => ({ record, file: null }))
    return { ok: true, input: { topic, partition: part, records, labels } }
  }
  const records: PendingRecord[] = []
  let problems = 0
  for (const draft of drafts) {
    const built = buildRecord(draft, caps)
    if (built.ok) records.push({ record: built.record, file: built.file })
    else problems += countErrors(built.errors)
  }
  if (problems > 0) {
    return {
      ok: false,
      message: `Fix ${problems === 1 ? 'the problem' : `the ${problems} problems`} marked above, then produce.`,
    }
  }
  return { ok: true, input: { topic, partition: part, records } }
}
