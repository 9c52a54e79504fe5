import { describe, expect, it } from 'vitest'
import type { ProduceRecord, ProduceResult } from '../../api/types.ts'
import { createGenerator, loadFaker } from './generator.ts'
import type { RecordSource } from './record-source.ts'
import { GenerateRun, type RunPlan } from './run-generate.ts'

const faker = await loadFaker()
const records = createGenerator(
  { keyTemplate: '', valueTemplate: 'r{{seq}}', valueFormat: 'text', headers: [], seed: 7 },
  faker,
)
const source: RecordSource = { records: async (from, count) => records(from, count), close: () => {} }
const text = (r: ProduceRecord) => new TextDecoder().decode(r.value!)

/** A fake topic: offsets per partition, one batch may fail once. */
function fakeTopic(failBatch = -1) {
  const offsets = new Map<number, number>()
  const log: { partition: number | undefined; values: string[] }[] = []
  let batches = 0
  const send = async (rs: ProduceRecord[], partition: number | undefined): Promise<ProduceResult[]> => {
    if (batches++ === failBatch) throw new Error('HTTP 503: try later')
    log.push({ partition, values: rs.map(text) })
    return rs.map(() => {
      const p = partition ?? 0
      const o = offsets.get(p) ?? 0
      offsets.set(p, o + 1)
      return { ok: true, partition: p, offset: String(o) }
    })
  }
  return { prepare: preparing(send), send, log }
}

type Send = (rs: ProduceRecord[], partition: number | undefined) => Promise<ProduceResult[]>
/** A PrepareBatch that builds nothing ahead. */
const preparing = (send: Send) => (rs: ProduceRecord[], p: number | undefined) => ({
  send: () => send(rs, p),
})

const plan: RunPlan = { count: 25, rate: null, batchSize: 10, partition: { kind: 'auto' } }

describe('GenerateRun', () => {
  it('sends every record once, in order, and sums up the offsets per partition', async () => {
    const topic = fakeTopic()
    const s = await new GenerateRun(
      { ...plan, partition: { kind: 'round-robin', partitions: 2 } },
      { source, ...topic },
    ).run()
    expect(topic.log.map((b) => [b.partition, b.values.length])).toEqual([
      [0, 10],
      [1, 10],
      [0, 5],
    ])
    expect(topic.log.flatMap((b) => b.values)).toEqual(Array.from({ length: 25 }, (_, i) => `r${i + 1}`))
    expect([s.sent, s.acknowledged, s.failed, s.stopped]).toEqual([25, 25, 0, false])
    expect(s.ranges).toEqual([
      { partition: 0, first: '0', last: '14', count: 15 },
      { partition: 1, first: '0', last: '9', count: 10 },
    ])
  })

  it('lists a failed batch with its error, and a retry sends the same records', async () => {
    const topic = fakeTopic(1)
    const run = new GenerateRun(plan, { source, ...topic })
    const s = await run.run()
    expect([s.acknowledged, s.failed]).toEqual([15, 10])
    expect(s.failedBatches).toHaveLength(1)
    expect(s.failedBatches[0]).toMatchObject({ from: 10, error: 'HTTP 503: try later' })
    const after = await run.retry(s.failedBatches[0])
    expect([after.acknowledged, after.failed, after.failedBatches.length]).toEqual([25, 0, 0])
    expect(topic.log.at(-1)!.values).toEqual(Array.from({ length: 10 }, (_, i) => `r${i + 11}`))
  })

  it('stops after 3 batches in a row fail entirely (a missing topic fails every batch alike)', async () => {
    let sent = 0
    const send = async (rs: ProduceRecord[]): Promise<ProduceResult[]> => {
      sent++
      return rs.map(() => ({ ok: false, message: 'Topic not found.', errorCode: 40401 }))
    }
    const s = await new GenerateRun({ ...plan, count: 1000 }, { source, prepare: preparing(send) }).run()
    expect(sent).toBe(3)
    expect([s.sent, s.acknowledged, s.failed, s.failedBatches.length]).toEqual([30, 0, 30, 3])
    expect(s.error).toBe(
      'The last 3 batches failed entirely (Topic not found. (code 40401)), so the run stopped. ' +
        'Fix the cause, then retry the failed batches or run again.',
    )
  })

  it('a batch that fails now and then does not stop the run', async () => {
    let n = 0
    const send = async (rs: ProduceRecord[]): Promise<ProduceResult[]> =>
      n++ % 2 === 0
        ? rs.map(() => ({ ok: false, message: 'busy', errorCode: null }))
        : rs.map((_, i) => ({ ok: true, partition: 0, offset: String(n * 100 + i) }))
    const s = await new GenerateRun({ ...plan, count: 100 }, { source, prepare: preparing(send) }).run()
    expect([s.acknowledged, s.failed, s.error]).toEqual([50, 50, null])
  })

  it('Stop lets the batch in flight finish and leaves no outcome unreported', async () => {
    let release: () => void = () => {}
    const topic = fakeTopic()
    let calls = 0
    const send = async (rs: ProduceRecord[], p: number | undefined) => {
      if (++calls === 2) await new Promise<void>((r) => (release = r))
      return topic.send(rs, p)
    }
    const run = new GenerateRun({ ...plan, count: 100 }, { source, prepare: preparing(send) })
    const done = run.run()
    await new Promise((r) => setTimeout(r, 20))
    run.stop()
    release()
    const s = await done
    expect(s.stopped).toBe(true)
    expect(s.sent).toBe(20)
    expect(s.acknowledged + s.failed).toBe(s.sent)
  })

  it('builds the next batch while one is in flight, and sends it only after that one is acknowledged', async () => {
    const topic = fakeTopic()
    const events: string[] = []
    let release: () => void = () => {}
    const prepare = (rs: ProduceRecord[], p: number | undefined) => {
      const name = text(rs[0])
      events.push(`build ${name}`)
      return {
        send: async () => {
          events.push(`send ${name}`)
          if (name === 'r1') await new Promise<void>((r) => (release = r))
          const results = await topic.send(rs, p)
          events.push(`ack ${name}`)
          return results
        },
      }
    }
    const done = new GenerateRun(plan, { source, prepare }).run()
    await new Promise((r) => setTimeout(r, 20))
    expect(events).toEqual(['build r1', 'send r1', 'build r11'])
    release()
    const s = await done
    // One at a time, in order: each send after the previous acknowledgement.
    expect(events.filter((e) => !e.startsWith('build'))).toEqual([
      'send r1',
      'ack r1',
      'send r11',
      'ack r11',
      'send r21',
      'ack r21',
    ])
    expect(topic.log.flatMap((b) => b.values)).toEqual(Array.from({ length: 25 }, (_, i) => `r${i + 1}`))
    expect([s.sent, s.acknowledged]).toEqual([25, 25])
  })

  it('Stop drops the batch built ahead: never sent, never counted', async () => {
    const topic = fakeTopic()
    let built = 0
    let release: () => void = () => {}
    const prepare = (rs: ProduceRecord[], p: number | undefined) => {
      built++
      return {
        send: async () => {
          await new Promise<void>((r) => (release = r))
          return topic.send(rs, p)
        },
      }
    }
    const run = new GenerateRun({ ...plan, count: 100 }, { source, prepare })
    const done = run.run()
    await new Promise((r) => setTimeout(r, 20))
    run.stop()
    release()
    const s = await done
    expect(built).toBe(2)
    expect(topic.log).toHaveLength(1)
    expect([s.sent, s.acknowledged, s.failed]).toEqual([10, 10, 0])
  })

  it('a batch whose request cannot be built fails alone, with the reason', async () => {
    const topic = fakeTopic()
    let calls = 0
    const prepare = (rs: ProduceRecord[], p: number | undefined) => {
      if (++calls === 2) throw new Error('The topic name is refused')
      return { send: () => topic.send(rs, p) }
    }
    const s = await new GenerateRun(plan, { source, prepare }).run()
    expect([s.acknowledged, s.failed]).toEqual([15, 10])
    expect(s.failedBatches.map((f) => [f.from, f.error])).toEqual([[10, 'The topic name is refused']])
  })

  it('paces batches at the rate on the given clock', async () => {
    let now = 0
    const waits: number[] = []
    const run = new GenerateRun(
      { ...plan, count: 30, rate: 10 },
      {
        source,
        ...fakeTopic(),
        now: () => now,
        sleep: async (ms) => {
          waits.push(ms)
          now += ms
        },
      },
    )
    const s = await run.run()
    expect(waits).toEqual([1000, 1000, 1000])
    expect(s.perSecond).toBeCloseTo(10)
  })

  it('a duration run ends when its time is up, before count', async () => {
    let now = 0
    const run = new GenerateRun(
      { ...plan, count: 1000, rate: 10, durationMs: 3000 },
      {
        source,
        ...fakeTopic(),
        now: () => now,
        sleep: async (ms) => {
          now += ms
        },
      },
    )
    const s = await run.run()
    expect(s.acknowledged).toBe(30)
    expect(s.acknowledged + s.failed).toBe(s.sent)
  })

  it('Pause holds the run until Resume', async () => {
    const topic = fakeTopic()
    let sends = 0
    const send = async (rs: ProduceRecord[], p: number | undefined) => {
      sends++
      return topic.send(rs, p)
    }
    const run = new GenerateRun({ ...plan, count: 1000 }, { source, prepare: preparing(send) })
    run.pause()
    const done = run.run()
    await new Promise((r) => setTimeout(r, 30))
    expect(sends).toBe(0)
    expect(run.progress().paused).toBe(true)
    run.resume()
    const s = await done
    expect([s.acknowledged, s.paused]).toEqual([1000, false])
  })
})
