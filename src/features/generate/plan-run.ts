import { KafkaRestError } from '../../api/errors.ts'
import { MAX_COUNT } from '../../lib/generate/generator.ts'
import type { RunPlan } from '../../lib/generate/run-generate.ts'
import type { RunFieldsValue } from './run-fields.tsx'

const MAX_RATE = 1_000_000
const MAX_DURATION_S = 24 * 3600

const whole = (s: string) => (/^\s*\d{1,12}\s*$/.test(s) ? Number(s) : NaN)

/** The run's fields as a plan and a seed, or the first problem in words. */
export function planRun(
  v: RunFieldsValue,
  maxBatch: number,
  partitions: number | null,
): { ok: true; plan: RunPlan; seed: number } | { ok: false; error: string } {
  const count = whole(v.count)
  if (!(count >= 1 && count <= MAX_COUNT))
    return { ok: false, error: `Count must be from 1 to ${MAX_COUNT}.` }
  let durationMs: number | undefined
  if (v.duration.trim() !== '') {
    const d = whole(v.duration)
    if (!(d >= 1 && d <= MAX_DURATION_S))
      return { ok: false, error: `Duration must be from 1 to ${MAX_DURATION_S} seconds, or empty.` }
    durationMs = d * 1000
  }
  let rate: number | null = null
  if (v.rate.trim() !== '') {
    rate = Number(v.rate)
    if (!(rate > 0 && rate <= MAX_RATE))
      return { ok: false, error: `Rate must be above 0 and at most ${MAX_RATE} records/s, or empty.` }
  }
  const seed = whole(v.seed)
  if (!(seed >= 0 && seed <= 0xffffffff))
    return { ok: false, error: 'Seed must be a whole number from 0 to 4294967295.' }
  const batchSize = maxBatch === 1 ? 1 : whole(v.batchSize)
  if (!(batchSize >= 1 && batchSize <= maxBatch))
    return { ok: false, error: `Batch size must be from 1 to ${maxBatch}.` }
  let partition: RunPlan['partition'] = { kind: 'auto' }
  if (v.partitionKind === 'fixed') {
    const p = whole(v.partition)
    if (!(p >= 0) || (partitions !== null && p >= partitions))
      return {
        ok: false,
        error:
          partitions === null
            ? 'Partition must be a whole number.'
            : `Partition must be from 0 to ${partitions - 1}.`,
      }
    partition = { kind: 'fixed', partition: p }
  } else if (v.partitionKind === 'round-robin') {
    if (partitions === null)
      return { ok: false, error: 'Round-robin needs the topic’s partitions, which are unknown.' }
    partition = { kind: 'round-robin', partitions }
  }
  return { ok: true, plan: { count, durationMs, rate, batchSize, partition }, seed }
}

/**
 * The problem with the target topic before anything is sent: the topic's details answered 404. Every batch of a
 * run to it would fail the same way.
 */
export function topicProblem(topic: string, detailError: unknown): string | null {
  if (topic === '') return 'Choose a topic.'
  if (detailError instanceof KafkaRestError && detailError.status === 404)
    return `Topic “${topic}” does not exist. Create it on the Topics page (or pick another), then generate.`
  return null
}
