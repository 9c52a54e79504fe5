/**
 * Real third-party clients written for these APIs, driving the sandbox unchanged:
 * message-hub-rest 1.2.0 (IBM's Node client for Message Hub's v1 REST API) and kafka-rest 0.0.5
 * (Confluent's Node wrapper for REST Proxy v1).
 */
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './sandbox-server.ts'
import { KEY, startTestSandbox } from './test-support.ts'

const require = createRequire(import.meta.url)
/* eslint-disable @typescript-eslint/no-explicit-any -- untyped CommonJS clients */
const MessageHub = require('message-hub-rest') as any
const KafkaRest = require('kafka-rest') as any

type Callback<T> = (err: unknown, result: T) => void
const call = <T>(fn: (cb: Callback<T>) => void): Promise<T> =>
  new Promise((resolve, reject) =>
    fn((err, result) =>
      err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(result),
    ),
  )

let sb: RunningSandbox
beforeAll(async () => {
  sb = await startTestSandbox({ apis: ['v1', 'admin'] })
})
afterAll(() => sb.close())

describe('message-hub-rest (IBM)', () => {
  it('admin topics, produce, consumer instance read and remove', async () => {
    const services = {
      messagehub: [
        {
          label: 'messagehub',
          credentials: { api_key: KEY, kafka_rest_url: sb.url, kafka_admin_url: sb.url },
        },
      ],
    }
    const client = new MessageHub(services, { https: false })
    await client.topics.create('mhr-topic', 2)
    const topics = await client.topics.get()
    expect(topics).toContainEqual(expect.objectContaining({ name: 'mhr-topic', partitions: 2 }))
    // A second create is tolerated by the client through the 42201 error code.
    await client.topics.create('mhr-topic', 2).catch(() => undefined)

    const list = new MessageHub.MessageList(['hello', { structured: true }, Buffer.from([0, 1, 255])])
    const produced = await client.produce('mhr-topic', list.messages)
    expect(produced.offsets).toHaveLength(3)
    expect(produced.offsets.every((o: any) => o.error_code === null)).toBe(true)

    const [instance] = await client.consume('mhr-group', 'mhr-instance', { 'auto.offset.reset': 'smallest' })
    const values: string[] = await instance.get('mhr-topic')
    expect(values.sort()).toEqual(
      ['hello', JSON.stringify({ structured: true }), Buffer.from([0, 1, 255]).toString('utf8')].sort(),
    )
    await instance.remove()
    await client.topics.delete('mhr-topic')
    expect((await client.topics.get()).map((t: any) => t.name)).not.toContain('mhr-topic')
  })

  it('rejects a wrong API key', async () => {
    const services = {
      messagehub: [{ label: 'messagehub', credentials: { api_key: 'wrong', kafka_rest_url: sb.url } }],
    }
    await expect(new MessageHub(services, { https: false }).topics.get()).rejects.toThrow(/401/)
  })
})

describe('kafka-rest (Confluent Node client)', () => {
  it('metadata, produce to topic and partition, simple consumer, consumer stream, commit, shutdown', async () => {
    await fetch(`${sb.url}/admin/topics`, {
      method: 'POST',
      headers: { 'X-Auth-Token': KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'kr-topic', partitions: 2 }),
    })
    const kafka = new KafkaRest({ url: sb.url, headers: { 'X-Auth-Token': KEY } })
    const brokers = await call<any[]>((cb) => kafka.brokers.list(cb))
    expect(brokers).toHaveLength(1)
    const topics = await call<any[]>((cb) => kafka.topics.list(cb))
    expect(topics.map((t) => t.name)).toContain('kr-topic')
    const topic = await call<any>((cb) => kafka.topic('kr-topic').get(cb))
    expect(topic.raw.partitions).toHaveLength(2)
    const partitions = await call<any[]>((cb) => kafka.topic('kr-topic').partitions.list(cb))
    expect(partitions).toHaveLength(2)

    const res = await call<any>((cb) =>
      kafka.topic('kr-topic').produce(['plain', { key: 'k', value: 'keyed' }], cb),
    )
    expect(res.offsets.every((o: any) => o.error_code === null)).toBe(true)
    await call((cb) => kafka.topicPartition('kr-topic', 1).produce(['to-one'], cb))

    const messages = await call<any[]>((cb) =>
      kafka.topicPartition('kr-topic', 1).messages({ offset: 0, count: 10, format: 'binary' }, cb),
    )
    expect(messages.map((m) => Buffer.from(m.value, 'base64').toString())).toContain('to-one')

    const instance = await call<any>((cb) =>
      kafka.consumer('kr-group').join({ format: 'binary', 'auto.offset.reset': 'smallest' }, cb),
    )
    expect(instance.uri).toMatch(/\/consumers\/kr-group\/instances\//)
    const stream = instance.subscribe('kr-topic')
    const got: string[] = []
    await new Promise<void>((resolve, reject) => {
      stream.on('data', (msgs: any[]) => {
        for (const m of msgs) got.push(m.value.toString())
        if (got.length >= 3) resolve()
      })
      stream.on('error', reject)
    })
    expect(got.sort()).toEqual(['keyed', 'plain', 'to-one'])
    const committed = await call<any[]>((cb) => instance.commit(cb))
    expect(committed.length).toBeGreaterThan(0)
    await call((cb) => instance.shutdown(cb))
  }, 15_000)
})
