import { describe, expect, it } from 'vitest'
import { NO_CAPABILITIES, type Capabilities } from '../../api/capabilities.ts'
import { importNdjson } from './ndjson-import.ts'
import { partitionError, planProduce, type PlanInput } from './plan-produce.ts'
import { newRecordDraft } from './record-draft.ts'

const CAPS: Capabilities = {
  ...NO_CAPABILITIES,
  produce: {
    batch: false,
    toPartition: true,
    keys: true,
    headers: false,
    timestamp: false,
    tombstones: false,
  },
}
const base = (patch: Partial<PlanInput> = {}): PlanInput => ({
  topic: 'orders',
  partition: '',
  drafts: [newRecordDraft({ value: 'a' }), newRecordDraft({ value: 'b' })],
  imported: null,
  skipBadLines: false,
  caps: CAPS,
  ...patch,
})

describe('planProduce', () => {
  it('sends every draft in one request, to Auto or the chosen partition', () => {
    const auto = planProduce(base())
    expect(auto.ok && auto.input.partition).toBeUndefined()
    expect(auto.ok && auto.input.records).toHaveLength(2)
    const p2 = planProduce(base({ partition: '2' }))
    expect(p2.ok && p2.input.partition).toBe(2)
  })

  it('asks for a valid topic and partition first', () => {
    expect(planProduce(base({ topic: '' }))).toEqual({ ok: false, message: 'Choose a topic.' })
    expect(planProduce(base({ topic: 'a b' }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Topic: /),
    })
    expect(planProduce(base({ partition: '-1' }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Partition: /),
    })
    expect(partitionError('1.5')).not.toBeNull()
    expect(partitionError('')).toBeNull()
  })

  it('counts the problems across records', () => {
    const plan = planProduce(
      base({
        drafts: [
          newRecordDraft({ valueFormat: 'json', value: '{' }),
          newRecordDraft({ valueFormat: 'base64', value: '*' }),
        ],
      }),
    )
    expect(plan).toEqual({ ok: false, message: 'Fix the 2 problems marked above, then produce.' })
  })

  it('sends imported records instead of the drafts, labelled by line, only once bad lines are skipped', () => {
    const imported = importNdjson(
      'f',
      '{"value": "x"}\n{"value": "!", "encoding": "base64"}\n{"value": "y"}',
      CAPS,
    )
    expect(planProduce(base({ imported }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^1 line of the import/),
    })
    const plan = planProduce(base({ imported, skipBadLines: true }))
    expect(plan.ok && plan.input.labels).toEqual(['Line 1', 'Line 3'])
    expect(plan.ok && plan.input.records.map((r) => new TextDecoder().decode(r.record.value!))).toEqual([
      'x',
      'y',
    ])
  })
})
