/**
 * The registry demo data: records in the Confluent wire format whose schema ids resolve through
 * `/schemas/ids/{id}`, decoded here by hand (Avro binary and protobuf, independently of the sandbox's encoders).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../sandbox-server.ts'
import { request, startTestSandbox } from '../test-support.ts'

let sb: RunningSandbox

beforeAll(async () => {
  sb = await startTestSandbox({ demoData: true })
})
afterAll(async () => {
  await sb.close()
})

interface Rec {
  key: Buffer | null
  value: Buffer
}

async function readAll(topic: string, partitions: number): Promise<Rec[]> {
  const out: Rec[] = []
  for (let p = 0; p < partitions; p++) {
    const res = await request(sb, 'GET', `/topics/${topic}/partitions/${p}/messages?offset=0&count=100`)
    expect(res.status, res.text).toBe(200)
    for (const r of res.json as Array<{ key: string | null; value: string }>)
      out.push({
        key: r.key === null ? null : Buffer.from(r.key, 'base64'),
        value: Buffer.from(r.value, 'base64'),
      })
  }
  return out
}

/** Magic byte 0 and the schema id; the id must resolve. */
async function header(
  buf: Buffer,
): Promise<{ id: number; schema: { schema: string; schemaType?: string; references?: unknown[] } }> {
  expect(buf[0]).toBe(0)
  const id = buf.readUInt32BE(1)
  const res = await request(sb, 'GET', `/schemas/ids/${id}`)
  expect(res.status, res.text).toBe(200)
  return { id, schema: res.json }
}

class Reader {
  pos: number
  readonly buf: Buffer
  constructor(buf: Buffer, start: number) {
    this.buf = buf
    this.pos = start
  }
  varint(): bigint {
    let result = 0n
    let shift = 0n
    for (;;) {
      const b = this.buf[this.pos++]
      if (b === undefined) throw new Error('truncated varint')
      result |= BigInt(b & 0x7f) << shift
      if ((b & 0x80) === 0) return result
      shift += 7n
    }
  }
  zigzag(): bigint {
    const v = this.varint()
    return (v >> 1n) ^ -(v & 1n)
  }
  bytes(n: number): Buffer {
    const b = this.buf.subarray(this.pos, this.pos + n)
    if (b.length !== n) throw new Error('truncated')
    this.pos += n
    return b
  }
  avroBytes(): Buffer {
    return this.bytes(Number(this.zigzag()))
  }
  avroString(): string {
    return this.avroBytes().toString('utf8')
  }
  get done(): boolean {
    return this.pos === this.buf.length
  }
}

function signedBigEndian(b: Buffer): bigint {
  let v = BigInt(`0x${b.toString('hex') || '0'}`)
  if (b.length > 0 && b[0] & 0x80) v -= 1n << BigInt(b.length * 8)
  return v
}

describe('registry demo data', () => {
  it('registers the demo subjects, with two versions of the Avro value', async () => {
    const subjects = (await request(sb, 'GET', '/subjects')).json
    expect(subjects).toEqual(
      expect.arrayContaining([
        'demo.avro.payments-key',
        'demo.avro.payments-value',
        'demo.protobuf.money',
        'demo.protobuf.orders-key',
        'demo.protobuf.orders-value',
        'demo.jsonschema.events-value',
      ]),
    )
    expect((await request(sb, 'GET', '/subjects/demo.avro.payments-value/versions')).json).toEqual([1, 2])
    const orders = (await request(sb, 'GET', '/subjects/demo.protobuf.orders-value/versions/latest')).json
    expect(orders.schemaType).toBe('PROTOBUF')
    expect(orders.references).toEqual([
      { name: 'demo/money.proto', subject: 'demo.protobuf.money', version: 1 },
    ])
  })

  it('Avro payments: wire format, long beyond 2^53, bytes, timestamp, decimal, enum and union decode by hand', async () => {
    const records = await readAll('demo.avro.payments', 2)
    expect(records).toHaveLength(10)
    const sequences: bigint[] = []
    const seenIds = new Set<number>()
    for (const rec of records) {
      const key = await header(rec.key!)
      expect(key.schema.schema).toBe('"string"')
      const keyText = new Reader(rec.key!, 5).avroString()
      expect(keyText).toMatch(/^pay-\d+$/)

      const { id, schema } = await header(rec.value)
      seenIds.add(id)
      expect(schema.schemaType).toBeUndefined()
      const fields = (JSON.parse(schema.schema) as { fields: Array<{ name: string }> }).fields.map(
        (f) => f.name,
      )
      const r = new Reader(rec.value, 5)
      expect(r.avroString()).toBe(keyText)
      const seq = r.zigzag()
      expect(seq > 2n ** 53n).toBe(true)
      sequences.push(seq)
      expect(r.avroBytes().subarray(0, 4).toString('hex')).toBe('deadbeef')
      const createdAt = Number(r.zigzag())
      expect(Math.abs(createdAt - Date.now())).toBeLessThan(3_600_000)
      const unscaled = signedBigEndian(r.avroBytes())
      expect(unscaled).not.toBe(0n)
      const symbols = ['PENDING', 'SETTLED', 'REFUNDED', 'FAILED']
      expect(symbols[Number(r.zigzag())]).toBeDefined()
      if (fields.includes('note')) {
        const branch = Number(r.zigzag())
        expect([0, 1]).toContain(branch)
        if (branch === 1) expect(r.avroString()).toMatch(/^note \d+: ünïcödé ✓$/)
      }
      expect(r.done).toBe(true)
    }
    expect(seenIds.size).toBe(2)
    expect(sequences).toContain(9_007_199_254_740_993n)
  })

  it('Protobuf orders: message indexes, nested message, repeated field, enum and a referenced type', async () => {
    const records = await readAll('demo.protobuf.orders', 1)
    expect(records).toHaveLength(10)
    for (const [i, rec] of records.entries()) {
      const key = await header(rec.key!)
      expect(key.schema.schemaType).toBe('PROTOBUF')
      expect(rec.key![5]).toBe(0) // first message: a single 0
      const { schema } = await header(rec.value)
      expect(schema.schema).toContain('message Order')
      const r = new Reader(rec.value, 5)
      expect(r.zigzag()).toBe(1n) // one index…
      expect(r.zigzag()).toBe(1n) // …the second message, Order
      const fields = new Map<number, Array<bigint | Buffer>>()
      while (!r.done) {
        const tag = Number(r.varint())
        const value = (tag & 7) === 2 ? r.bytes(Number(r.varint())) : r.varint()
        fields.set(tag >> 3, [...(fields.get(tag >> 3) ?? []), value])
      }
      expect((fields.get(1)![0] as Buffer).toString()).toBe(`po-${5001 + i}`)
      const lines = fields.get(3) as Buffer[]
      expect(lines.length).toBe(1 + (i % 3))
      // Line.unit_price (field 3) is a demo.common.Money from the referenced file: currency_code (1) = EUR.
      const line = new Reader(lines[0], 0)
      let money: Buffer | undefined
      while (!line.done) {
        const tag = Number(line.varint())
        const value = (tag & 7) === 2 ? line.bytes(Number(line.varint())) : line.varint()
        if (tag >> 3 === 3) money = value as Buffer
      }
      expect(money!.subarray(2, 5).toString()).toBe('EUR')
      if (i % 5 !== 4) expect(fields.get(2)![0]).toBe(BigInt((i % 5) + 1)) // enum Status
    }
  })

  it('JSON Schema events: magic byte, id, then the JSON document', async () => {
    const records = await readAll('demo.jsonschema.events', 1)
    expect(records).toHaveLength(10)
    for (const rec of records) {
      const { schema } = await header(rec.value)
      expect(schema.schemaType).toBe('JSON')
      const event = JSON.parse(rec.value.subarray(5).toString('utf8'))
      const required = (JSON.parse(schema.schema) as { required: string[] }).required
      for (const k of required) expect(event).toHaveProperty(k)
      expect(rec.key!.toString()).toBe(`user-${event.userId}`)
    }
  })
})

describe('registry demo data in a data dir', () => {
  it('is written once: a restart keeps the ids and adds no second copy', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-registry-demo-'))
    try {
      const first = await startTestSandbox({ demoData: true, dataDir: dir })
      const before = (await request(first, 'GET', '/schemas')).json
      await first.close()
      expect(fs.existsSync(path.join(dir, 'registry.json'))).toBe(true)
      const second = await startTestSandbox({ demoData: true, dataDir: dir })
      try {
        expect((await request(second, 'GET', '/schemas')).json).toEqual(before)
        const read = await request(
          second,
          'GET',
          '/topics/demo.jsonschema.events/partitions/0/messages?offset=0&count=100',
        )
        expect(read.json).toHaveLength(10)
      } finally {
        await second.close()
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
