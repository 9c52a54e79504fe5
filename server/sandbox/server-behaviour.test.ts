/** Cross-cutting behaviour: auth, Host check, CORS, body limit, IBM admin API, demo data, byte-exact round trips. */
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './sandbox-server.ts'
import { ALL_DEMO_TOPICS } from './demo-data.ts'
import { KEY, b64, createTopic, request, startTestSandbox } from './test-support.ts'

let sb: RunningSandbox
beforeAll(async () => {
  sb = await startTestSandbox({
    cors: ['http://console.test'],
    maxBodyBytes: 64 * 1024,
    users: [{ name: 'alice', password: 'pa:ss word' }],
  })
})
afterAll(() => sb.close())

describe('auth', () => {
  it.each([
    ['X-Auth-Token', { 'X-Auth-Token': KEY }],
    ['Bearer', { Authorization: `Bearer ${KEY}` }],
    ['Basic token:key', { Authorization: `Basic ${b64(`token:${KEY}`)}` }],
    ['Basic for a configured user', { Authorization: `Basic ${b64('alice:pa:ss word')}` }],
  ])('accepts %s', async (_, headers) => {
    const res = await request(sb, 'GET', '/topics', { auth: false, headers })
    expect(res.status).toBe(200)
  })

  it.each([
    ['no key', {}],
    ['wrong key', { 'X-Auth-Token': 'nope' }],
    ['wrong Basic user', { Authorization: `Basic ${b64(`admin:${KEY}`)}` }],
    ['bad scheme', { Authorization: `Digest ${KEY}` }],
    ['a configured user with a wrong password', { Authorization: `Basic ${b64('alice:pa:ss')}` }],
    ['an unknown user', { Authorization: `Basic ${b64('bob:pa:ss word')}` }],
  ])('401 JSON for %s, on every API', async (_, headers) => {
    for (const path of ['/', '/topics', '/v3/clusters', '/admin/topics', '/no-route']) {
      const res = await request(sb, 'GET', path, { auth: false, headers })
      expect(res.status).toBe(401)
      expect(res.json.error_code).toBe(40101)
      expect(res.headers['www-authenticate']).toBeUndefined()
    }
  })

  it('a demo key is generated when none is given', async () => {
    const demo = await startTestSandbox({ apiKeys: [] })
    try {
      expect(demo.demoKeyGenerated).toBe(true)
      expect(demo.apiKeys[0]).toMatch(/^sandbox-/)
      const res = await request(demo, 'GET', '/topics', {
        auth: false,
        headers: { 'X-Auth-Token': demo.apiKeys[0] },
      })
      expect(res.status).toBe(200)
    } finally {
      await demo.close()
    }
  })
})

describe('Host check and CORS', () => {
  it('403 JSON for a foreign Host header (DNS rebinding)', async () => {
    const res = await request(sb, 'GET', '/topics', { headers: { Host: 'evil.example:8082' } })
    expect(res.status).toBe(403)
    expect(res.json.error_code).toBe(403)
    for (const host of ['localhost', `localhost:${sb.port}`, '127.0.0.1', `[::1]:${sb.port}`]) {
      expect((await request(sb, 'GET', '/topics', { headers: { Host: host } })).status).toBe(200)
    }
  })

  it('consumer base_uri follows the Host header', async () => {
    const res = await request(sb, 'POST', '/consumers/hosty', {
      headers: { Host: `localhost:${sb.port}`, 'Content-Type': 'application/vnd.kafka.v2+json' },
    })
    expect(res.json.base_uri).toBe(
      `http://localhost:${sb.port}/consumers/hosty/instances/${res.json.instance_id}`,
    )
  })

  it('answers preflights for an allowed origin without auth, allowing X-Auth-Token', async () => {
    const res = await request(sb, 'OPTIONS', '/topics', {
      auth: false,
      headers: {
        Origin: 'http://console.test',
        'Access-Control-Request-Method': 'DELETE',
        'Access-Control-Request-Headers': 'content-type,x-auth-token',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers['access-control-allow-origin']).toBe('http://console.test')
    expect(res.headers['access-control-allow-headers']?.toLowerCase()).toContain('x-auth-token')
    expect(res.headers['access-control-allow-methods']).toContain('DELETE')
    const actual = await request(sb, 'GET', '/topics', { headers: { Origin: 'http://console.test' } })
    expect(actual.headers['access-control-allow-origin']).toBe('http://console.test')
    const other = await request(sb, 'GET', '/topics', { headers: { Origin: 'http://other.test' } })
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('CORS is off by default', async () => {
    const plain = await startTestSandbox()
    try {
      const res = await request(plain, 'OPTIONS', '/topics', {
        auth: false,
        headers: { Origin: 'http://console.test', 'Access-Control-Request-Method': 'GET' },
      })
      expect(res.headers['access-control-allow-origin']).toBeUndefined()
      expect(res.status).toBe(401)
    } finally {
      await plain.close()
    }
  })
})

describe('body limit', () => {
  it('413 JSON for a declared or streamed body over the limit, and the server stays up', async () => {
    await createTopic(sb, 'limits', 1)
    const big = JSON.stringify({ records: [{ value: b64(Buffer.alloc(100 * 1024)) }] })
    const res = await request(sb, 'POST', '/topics/limits', {
      headers: { 'Content-Type': 'application/vnd.kafka.v1+json' },
      body: big,
    })
    expect(res.status).toBe(413)
    expect(res.json.error_code).toBe(413)

    const chunked = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${sb.url}/topics/limits`, {
        method: 'POST',
        headers: {
          'X-Auth-Token': KEY,
          'Content-Type': 'application/vnd.kafka.v1+json',
          'Transfer-Encoding': 'chunked',
        },
      })
      req.on('response', (r) => {
        r.resume()
        resolve(r.statusCode ?? 0)
      })
      req.on('error', reject)
      for (let i = 0; i < 10; i++) req.write(Buffer.alloc(16 * 1024, 0x20))
      req.end()
    })
    expect(chunked).toBe(413)
    expect((await request(sb, 'GET', '/topics')).status).toBe(200)
  })
})

describe('IBM Message Hub classic admin API', () => {
  it('lists, creates (202) and deletes (202) topics with camelCase errors', async () => {
    const created = await request(sb, 'POST', '/admin/topics', {
      headers: { 'Content-Type': 'application/json' },
      body: { name: 'mh-topic', partitions: 2, configs: { retentionMs: 7200000 } },
    })
    expect(created.status).toBe(202)
    const list = await request(sb, 'GET', '/admin/topics')
    expect(list.json).toContainEqual({
      name: 'mh-topic',
      partitions: 2,
      retentionMs: '7200000',
      markedForDeletion: false,
    })
    const dup = await request(sb, 'POST', '/admin/topics', {
      headers: { 'Content-Type': 'application/json' },
      body: { name: 'mh-topic' },
    })
    expect(dup.status).toBe(422)
    expect(dup.json).toEqual({ errorCode: 42201, errorMessage: 'Topic already exists.' })
    const badRetention = await request(sb, 'POST', '/admin/topics', {
      headers: { 'Content-Type': 'application/json' },
      body: { name: 'mh-2', configs: { retentionMs: 1000 } },
    })
    expect(badRetention.json.errorCode).toBe(42212)
    const badName = await request(sb, 'POST', '/admin/topics', {
      headers: { 'Content-Type': 'application/json' },
      body: { name: 'a b' },
    })
    expect(badName.status).toBe(422)
    expect((await request(sb, 'DELETE', '/admin/topics/mh-topic')).status).toBe(202)
    const gone = await request(sb, 'DELETE', '/admin/topics/mh-topic')
    expect(gone.status).toBe(404)
    expect(gone.json.errorCode).toBe(40401)
  })
})

describe('demo data', () => {
  it('creates the demo topics with keyed orders, PNGs and 1 MB values', async () => {
    const demo = await startTestSandbox({ demoData: true })
    try {
      const topics = await request(demo, 'GET', '/topics')
      expect(topics.json).toEqual([...ALL_DEMO_TOPICS].sort())
      const orders = await request(demo, 'GET', '/topics/demo.orders/partitions')
      expect(orders.json).toHaveLength(3)
      const png = await request(demo, 'GET', '/topics/demo.images/partitions/0/messages?offset=0')
      expect(Buffer.from(png.json[0].value, 'base64').subarray(1, 4).toString()).toBe('PNG')
      const large = await request(demo, 'GET', '/topics/demo.large-values/partitions/0/messages?offset=0')
      expect(Buffer.from(large.json[0].value, 'base64')).toHaveLength(1024 * 1024)
    } finally {
      await demo.close()
    }
  })
})

describe('byte-exact round trips', () => {
  const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i))
  const values: Array<Buffer | null> = [
    all,
    Buffer.alloc(0),
    null,
    Buffer.from(all).reverse(),
    Buffer.from([0, 0xff, 0x80, 0x7f]),
  ]

  it('v1 produce → v1 simple consumer', async () => {
    await createTopic(sb, 'rt-v1', 1)
    const res = await request(sb, 'POST', '/topics/rt-v1', {
      headers: { 'Content-Type': 'application/vnd.kafka.binary.v1+json' },
      body: {
        records: values.map((v) => ({ key: v === null ? null : b64(v), value: v === null ? null : b64(v) })),
      },
    })
    expect(res.json.offsets.every((o: { error_code: unknown }) => o.error_code === null)).toBe(true)
    const read = await request(
      sb,
      'GET',
      `/topics/rt-v1/partitions/0/messages?offset=0&count=${values.length}`,
    )
    read.json.forEach((r: { key: string | null; value: string | null }, i: number) => {
      const v = values[i]
      expect(r.value === null ? null : Buffer.from(r.value, 'base64')).toEqual(v)
      expect(r.key === null ? null : Buffer.from(r.key, 'base64')).toEqual(v)
    })
  })

  it('v2 produce → v2 consumer records', async () => {
    await createTopic(sb, 'rt-v2', 1)
    const V2 = 'application/vnd.kafka.v2+json'
    await request(sb, 'POST', '/topics/rt-v2', {
      headers: { 'Content-Type': 'application/vnd.kafka.binary.v2+json' },
      body: { records: values.map((v) => ({ value: v === null ? null : b64(v) })) },
    })
    const created = await request(sb, 'POST', '/consumers/rt', {
      headers: { 'Content-Type': V2 },
      body: { 'auto.offset.reset': 'earliest' },
    })
    const inst = new URL(created.json.base_uri).pathname
    await request(sb, 'POST', `${inst}/subscription`, {
      headers: { 'Content-Type': V2 },
      body: { topics: ['rt-v2'] },
    })
    const read = await request(sb, 'GET', `${inst}/records`, {
      headers: { Accept: 'application/vnd.kafka.binary.v2+json' },
    })
    expect(
      read.json.map((r: { value: string | null }) =>
        r.value === null ? null : Buffer.from(r.value, 'base64'),
      ),
    ).toEqual(values)
  })

  it('v3 produce → v1 simple consumer', async () => {
    await createTopic(sb, 'rt-v3', 1)
    const clusters = await request(sb, 'GET', '/v3/clusters')
    for (const v of values) {
      const res = await request(
        sb,
        'POST',
        `/v3/clusters/${clusters.json.data[0].cluster_id}/topics/rt-v3/records`,
        {
          headers: { 'Content-Type': 'application/json' },
          body: {
            key: { type: 'BINARY', data: v === null ? null : b64(v) },
            value: { type: 'BINARY', data: v === null ? null : b64(v) },
          },
        },
      )
      expect(res.json.error_code).toBe(200)
    }
    const read = await request(
      sb,
      'GET',
      `/topics/rt-v3/partitions/0/messages?offset=0&count=${values.length}`,
    )
    expect(
      read.json.map((r: { value: string | null }) =>
        r.value === null ? null : Buffer.from(r.value, 'base64'),
      ),
    ).toEqual(values)
  })
})

describe('retention', () => {
  it('moves the beginning offset forward past the record cap', async () => {
    const small = await startTestSandbox({ retention: { maxRecords: 3 } })
    try {
      await createTopic(small, 'capped', 1)
      await request(small, 'POST', '/topics/capped', {
        headers: { 'Content-Type': 'application/vnd.kafka.v2+json' },
        body: { records: Array.from({ length: 5 }, (_, i) => ({ value: b64(`m${i}`) })) },
      })
      const offsets = await request(small, 'GET', '/topics/capped/partitions/0/offsets', {
        headers: { Accept: 'application/vnd.kafka.v2+json' },
      })
      expect(offsets.json).toEqual({ beginning_offset: 2, end_offset: 5 })
      const old = await request(small, 'GET', '/topics/capped/partitions/0/messages?offset=0')
      expect(old.status).toBe(400)
    } finally {
      await small.close()
    }
  })
})
