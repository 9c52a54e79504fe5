import { KafkaRestError } from '../../api/errors.ts'
import { describe, expect, it } from 'vitest'
import { planRun, topicProblem } from './plan-run.ts'
import type { RunFieldsValue } from './run-fields.tsx'

const base: RunFieldsValue = {
  count: '100',
  rate: '',
  duration: '',
  seed: '42',
  batchSize: '50',
  partitionKind: 'auto',
  partition: '',
}

describe('planRun', () => {
  it('reads a valid form', () => {
    expect(planRun({ ...base, rate: '20', partitionKind: 'round-robin' }, 500, 3)).toEqual({
      ok: true,
      seed: 42,
      plan: {
        count: 100,
        durationMs: undefined,
        rate: 20,
        batchSize: 50,
        partition: { kind: 'round-robin', partitions: 3 },
      },
    })
  })

  it('names the first wrong field', () => {
    expect(planRun({ ...base, count: '0' }, 500, 3)).toMatchObject({ ok: false, error: /Count/ })
    expect(planRun({ ...base, seed: '-1' }, 500, 3)).toMatchObject({ ok: false, error: /Seed/ })
    expect(planRun({ ...base, batchSize: '501' }, 500, 3)).toMatchObject({
      ok: false,
      error: /from 1 to 500/,
    })
    expect(planRun({ ...base, partitionKind: 'fixed', partition: '3' }, 500, 3)).toMatchObject({
      ok: false,
      error: /from 0 to 2/,
    })
  })

  it('uses batches of one where the endpoint takes one record a request', () => {
    expect(planRun({ ...base, batchSize: 'x' }, 1, null)).toMatchObject({ ok: true, plan: { batchSize: 1 } })
  })

  it('stops a run to a topic that does not exist before anything is sent', () => {
    const notFound = new KafkaRestError({ kind: 'http', status: 404, message: 'Topic not found.', hint: '' })
    expect(topicProblem('', null)).toBe('Choose a topic.')
    expect(topicProblem('orders', notFound)).toMatch(/^Topic “orders” does not exist\./)
    expect(topicProblem('orders', null)).toBeNull()
    const unavailable = new KafkaRestError({ kind: 'http', status: 503, message: 'down', hint: '' })
    expect(topicProblem('orders', unavailable)).toBeNull()
  })
})
