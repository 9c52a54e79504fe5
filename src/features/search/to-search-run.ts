import type { SearchForm } from '../../lib/search-scan/search-link.ts'
import type { FormErrors } from './search-form.tsx'
import type { SearchRun } from './use-topic-search.ts'

const OFFSET = /^\d{1,19}$/
const MAX_SCAN_PARTITIONS = 10_000

function parseInstant(text: string): number | null {
  const t = text.trim()
  if (/^\d{1,15}$/.test(t)) return Number(t)
  const ms = Date.parse(t)
  return Number.isNaN(ms) ? null : ms
}

/** The form as a search to run, or the errors to show beside its fields. */
export function toSearchRun(
  form: SearchForm,
  partitionText: string,
  partitionIds: number[] | undefined,
): { run?: SearchRun; errors: FormErrors } {
  const errors: FormErrors = {}
  let partitions = partitionIds ?? []
  const text = partitionText.trim()
  if (text !== '' && text.toLowerCase() !== 'all') {
    const parts = text.split(/[\s,]+/).filter(Boolean)
    const nums = parts.map(Number)
    if (parts.some((p) => !/^\d{1,9}$/.test(p)))
      errors.partitions = 'Partition numbers separated by commas, or empty for all.'
    else if (partitionIds && nums.some((n) => !partitionIds.includes(n)))
      errors.partitions = `This topic has partitions ${partitionIds.length ? `0 to ${Math.max(...partitionIds)}` : 'none'}.`
    else partitions = [...new Set(nums)].sort((a, b) => a - b)
  }
  if (!partitionIds && !errors.partitions && text === '')
    errors.partitions = 'The topic’s partitions are not known yet.'
  if (partitions.length > MAX_SCAN_PARTITIONS) partitions = partitions.slice(0, MAX_SCAN_PARTITIONS)
  let range: SearchRun['range'] = { kind: 'all' }
  if (form.range === 'offsets') {
    const from = form.fromOffset.trim()
    const to = form.toOffset.trim()
    if (from && !OFFSET.test(from)) errors.from = 'A whole number, or empty for the beginning.'
    if (to && !OFFSET.test(to)) errors.to = 'A whole number, or empty for the end.'
    range = { kind: 'offsets', from: from || undefined, to: to || undefined }
  } else if (form.range === 'time') {
    const since = form.since.trim() ? parseInstant(form.since) : undefined
    const until = form.until.trim() ? parseInstant(form.until) : undefined
    if (since === null) errors.since = 'An ISO instant like 2026-12-01T10:00:00Z, or epoch milliseconds.'
    if (until === null) errors.until = 'An ISO instant like 2026-12-01T10:00:00Z, or epoch milliseconds.'
    range = { kind: 'time', fromMs: since ?? undefined, toMs: until ?? undefined }
  }
  if (!Number.isInteger(form.maxMatches) || form.maxMatches < 1 || form.maxMatches > 100_000)
    errors.limit = 'From 1 to 100,000.'
  if (!Number.isInteger(form.maxMegabytes) || form.maxMegabytes < 1)
    errors.maxmb = 'A whole number of megabytes.'
  if (Object.keys(errors).length > 0) return { errors }
  return {
    errors,
    run: {
      topic: form.topic,
      partitions,
      range,
      quick: form.text ? { field: form.field, op: form.op, text: form.text } : undefined,
      expression: form.expression,
      maxMatches: form.maxMatches,
      maxBytes: form.maxMegabytes * 1024 * 1024,
    },
  }
}
