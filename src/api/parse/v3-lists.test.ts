import { describe, expect, it } from 'vitest'
import { KafkaRestError } from '../errors.ts'
import { parseConfigListOffThread, parseTopicListOffThread, type ListRequest } from './parse-off-thread.ts'
import { parseV3TopicList, topicsFromColumns, topicsFromColumnsSliced } from './v3-lists.ts'

const body = (data: unknown) => JSON.stringify({ kind: 'KafkaTopicList', metadata: {}, data })

describe('v3 topic and config lists', () => {
  it('reads names, partition counts and the internal flag, sorted by name', () => {
    const columns = parseV3TopicList(
      body([
        { topic_name: 'orders', partitions_count: 3, is_internal: false },
        { topic_name: '_schemas', partitions_count: 1, is_internal: true },
        { topic_name: 'Audit' },
      ]),
    )
    expect(topicsFromColumns(columns)).toEqual([
      { name: 'Audit', partitionCount: undefined, internal: false },
      { name: '_schemas', partitionCount: 1, internal: true },
      { name: 'orders', partitionCount: 3, internal: false },
    ])
  })

  it('sorts 200,000 topics and keeps each count with its name', () => {
    const n = 200_000
    const data = Array.from({ length: n }, (_, i) => ({ topic_name: `t${n - i}`, partitions_count: n - i }))
    const topics = topicsFromColumns(parseV3TopicList(body(data)))
    expect(topics).toHaveLength(n)
    expect(topics[0]).toEqual({ name: 't1', partitionCount: 1, internal: false })
    expect(topics.every((t) => t.partitionCount === Number(t.name.slice(1)))).toBe(true)
  })

  it('refuses answers of another shape with a clear error, on or off the main thread', async () => {
    await expect(parseTopicListOffThread(JSON.stringify({ data: 'x' }))).rejects.toThrow(
      /expected topics, got "x"/,
    )
    await expect(parseTopicListOffThread(body([1]))).rejects.toBeInstanceOf(KafkaRestError)
    await expect(parseTopicListOffThread('{"data": [')).rejects.toThrow(/not valid JSON/)
  })

  it('hands long lists to a worker and uses its columns', async () => {
    const posted: string[] = []
    const fake = {
      onmessage: null as ((e: MessageEvent) => void) | null,
      onerror: null,
      terminate() {},
      postMessage(request: ListRequest) {
        posted.push(request.body as string)
        const columns = parseV3TopicList(request.body as string)
        queueMicrotask(() => fake.onmessage?.({ data: { type: 'topics', columns } } as MessageEvent))
      },
    }
    const text = body(Array.from({ length: 10_000 }, (_, i) => ({ topic_name: `topic-${i}` })))
    const topics = await parseTopicListOffThread(text, undefined, () => fake as unknown as Worker)
    expect(posted).toEqual([text])
    expect(topics).toHaveLength(10_000)
  })

  it('reads configs sorted by name, null values kept', async () => {
    const configs = await parseConfigListOffThread(
      body([
        { name: 'retention.ms', value: '1000' },
        { name: 'cleanup.policy', value: null },
      ]),
    )
    expect(configs).toEqual([
      { name: 'cleanup.policy', value: null },
      { name: 'retention.ms', value: '1000' },
    ])
    await expect(parseConfigListOffThread(body(['x']))).rejects.toThrow(/expected a config, got "x"/)
  })

  it('parses bytes as UTF-8 (the transport hands them over undecoded), on the main thread too', async () => {
    const bytes = new TextEncoder().encode(body([{ topic_name: 'zürich' }, { topic_name: 'aß' }]))
    expect((await parseTopicListOffThread(bytes)).map((t) => t.name)).toEqual(['aß', 'zürich'])
  })

  it('builds a long list in slices with the same result, and stops when aborted', async () => {
    const columns = parseV3TopicList(
      body(Array.from({ length: 50_001 }, (_, i) => ({ topic_name: `t${i}` }))),
    )
    expect(await topicsFromColumnsSliced(columns)).toEqual(topicsFromColumns(columns))
    const stop = new AbortController()
    const pending = topicsFromColumnsSliced(columns, stop.signal)
    stop.abort(new Error('stopped'))
    await expect(pending).rejects.toThrow('stopped')
  })
})
