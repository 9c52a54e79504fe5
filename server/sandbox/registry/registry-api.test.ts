/** The sandbox's Schema Registry API over real HTTP: every endpoint, its error codes, deletes, compatibility, auth. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../sandbox-server.ts'
import { KEY, request, startTestSandbox, type Reply } from '../test-support.ts'

const SR = 'application/vnd.schemaregistry.v1+json'
let sb: RunningSandbox

beforeAll(async () => {
  sb = await startTestSandbox()
})
afterAll(async () => {
  await sb.close()
})

const post = (p: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> =>
  request(sb, 'POST', p, { headers: { 'Content-Type': SR, ...headers }, body })
const put = (p: string, body: unknown): Promise<Reply> =>
  request(sb, 'PUT', p, { headers: { 'Content-Type': SR }, body })
const get = (p: string): Promise<Reply> => request(sb, 'GET', p)
const del = (p: string): Promise<Reply> => request(sb, 'DELETE', p)

const record = (name: string, fields: unknown[]): string => JSON.stringify({ type: 'record', name, fields })
const USER_V1 = record('User', [{ name: 'id', type: 'long' }])
const USER_V2 = record('User', [
  { name: 'id', type: 'long' },
  { name: 'email', type: ['null', 'string'], default: null },
])
const USER_BAD = record('User', [
  { name: 'id', type: 'long' },
  { name: 'age', type: 'int' },
])

function expectError(res: Reply, status: number, code: number, text?: RegExp): void {
  expect(res.status, res.text).toBe(status)
  expect(res.headers['content-type']).toBe(SR)
  expect(res.json.error_code).toBe(code)
  expect(typeof res.json.message).toBe('string')
  if (text) expect(res.json.message).toMatch(text)
}

describe('schema registry: register, read, look up', () => {
  it('registers with global ids, stable across re-registration and subjects', async () => {
    const a = await post('/subjects/users-value/versions', { schema: USER_V1 })
    expect(a.status).toBe(200)
    expect(a.headers['content-type']).toBe(SR)
    const again = await post('/subjects/users-value/versions', {
      schema: JSON.stringify(JSON.parse(USER_V1), null, 2),
    })
    expect(again.json).toEqual({ id: a.json.id })
    const other = await post('/subjects/other-value/versions', { schema: USER_V1, schemaType: 'AVRO' })
    expect(other.json.id).toBe(a.json.id)
    const b = await post('/subjects/users-value/versions', { schema: USER_V2 })
    expect(b.json.id).toBeGreaterThan(a.json.id)
    expect((await get('/subjects/users-value/versions')).json).toEqual([1, 2])
    expect((await get('/subjects/other-value/versions')).json).toEqual([1])
  })

  it('reads versions, latest, the bare schema and schemas by id', async () => {
    const latest = await get('/subjects/users-value/versions/latest')
    expect(latest.json).toMatchObject({ subject: 'users-value', version: 2, schema: USER_V2 })
    expect(latest.json).not.toHaveProperty('schemaType')
    const v1 = await get('/subjects/users-value/versions/1')
    expect(JSON.parse(v1.json.schema)).toEqual(JSON.parse(USER_V1))
    const bare = await get('/subjects/users-value/versions/1/schema')
    expect(JSON.parse(bare.text)).toEqual(JSON.parse(USER_V1))
    const byId = await get(`/schemas/ids/${v1.json.id}`)
    expect(byId.json).toEqual({ schema: v1.json.schema })
    expect((await get(`/schemas/ids/${v1.json.id}?subject=users-value`)).json.schema).toBe(v1.json.schema)
    expect((await get(`/schemas/ids/${v1.json.id}/schema`)).text).toBe(v1.json.schema)
    expect((await get(`/schemas/ids/${v1.json.id}/versions`)).json).toEqual([
      { subject: 'other-value', version: 1 },
      { subject: 'users-value', version: 1 },
    ])
    expect((await get(`/schemas/ids/${v1.json.id}/subjects`)).json).toEqual(['other-value', 'users-value'])
    expect((await get(`/schemas/ids/${v1.json.id}?fetchMaxId=true`)).json.maxId).toBeGreaterThanOrEqual(2)
    expect((await get('/schemas/types')).json).toEqual(['JSON', 'PROTOBUF', 'AVRO'])
    const all = await get('/schemas?subjectPrefix=users&latestOnly=true')
    expect(all.json).toHaveLength(1)
    expect(all.json[0]).toMatchObject({ subject: 'users-value', version: 2 })
    expect((await get('/subjects')).json).toEqual(expect.arrayContaining(['users-value', 'other-value']))
  })

  it('answers missing things with 40401, 40402, 40403, 42202 and a bare 404', async () => {
    expectError(await get('/subjects/nope/versions'), 404, 40401, /Subject 'nope' not found/)
    expectError(await get('/subjects/users-value/versions/9'), 404, 40402, /Version 9 not found/)
    expectError(await get('/subjects/users-value/versions/0'), 422, 42202)
    expectError(await get('/subjects/users-value/versions/abc'), 422, 42202)
    expectError(await get('/schemas/ids/9999'), 404, 40403, /Schema 9999 not found/)
    expectError(await get('/schemas/ids/xyz'), 404, 404)
  })

  it('looks a schema up under a subject', async () => {
    const found = await post('/subjects/users-value', { schema: USER_V1 })
    expect(found.status).toBe(200)
    expect(found.json).toMatchObject({ subject: 'users-value', version: 1 })
    expectError(
      await post('/subjects/users-value', { schema: record('User', [{ name: 'x', type: 'int' }]) }),
      404,
      40403,
    )
    expectError(await post('/subjects/nope', { schema: USER_V1 }), 404, 40401)
  })

  it('refuses invalid schemas with 42201 and the reason', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ schema: '{"type":"record","name":"R"}' }, /fields/],
      [{ schema: '{"type":"record","name":"R","fields":[{"name":"a","type":"Nope"}]}' }, /undefined name/i],
      [{ schema: '{"type":"enum","name":"E","symbols":["A","A"]}' }, /duplicate/i],
      [{ schema: '["null","null"]' }, /duplicate in union/],
      [
        { schema: '{"type":"record","name":"R","fields":[{"name":"a","type":"int","default":"x"}]}' },
        /default/,
      ],
      [{ schema: 'not json' }, /not valid JSON/],
      [
        { schema: 'syntax = "proto3"; message M { string a = 1; int32 b = 1; }', schemaType: 'PROTOBUF' },
        /used twice/,
      ],
      [{ schema: 'syntax = "proto3"; message M { Missing a = 1; }', schemaType: 'PROTOBUF' }, /not defined/],
      [{ schema: 'syntax = "proto3"; import "x.proto"; message M {}', schemaType: 'PROTOBUF' }, /reference/],
      [{ schema: '{"type": "strin"}', schemaType: 'JSON' }, /not a JSON Schema type/],
      [{ schema: '[1,2]', schemaType: 'JSON' }, /object or a boolean/],
      [{ schema: USER_V1, schemaType: 'XML' }, /schemaType/],
      [{ schema: '' }, /Empty schema/],
    ]
    for (const [body, reason] of cases)
      expectError(await post('/subjects/bad-value/versions', body), 422, 42201, reason)
    expectError(await get('/subjects/bad-value/versions'), 404, 40401)
  })

  it('takes Avro logical types, fixed, maps and recursion; Protobuf and JSON Schema', async () => {
    const avro = {
      type: 'record',
      name: 'Node',
      namespace: 'a.b',
      fields: [
        { name: 'ts', type: { type: 'long', logicalType: 'timestamp-millis' } },
        { name: 'dec', type: { type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 } },
        { name: 'hash', type: { type: 'fixed', name: 'Md5', size: 16 } },
        { name: 'other', type: 'Md5' },
        { name: 'tags', type: { type: 'map', values: { type: 'array', items: 'string' } } },
        { name: 'next', type: ['null', 'Node'], default: null },
      ],
    }
    expect((await post('/subjects/rich-value/versions', { schema: JSON.stringify(avro) })).status).toBe(200)
    const proto = await post('/subjects/proto-value/versions', {
      schemaType: 'PROTOBUF',
      schema:
        'syntax = "proto3";\npackage p;\nmessage A { map<string, int64> m = 1; oneof o { string s = 2; B b = 3; } reserved 9 to 11; }\nmessage B { enum E { Z = 0; } E e = 1; repeated A.B2 x = 2; }\nmessage A2 {}',
    })
    expect(proto.status, proto.text).toBe(422)
    const ok = await post('/subjects/proto-value/versions', {
      schemaType: 'PROTOBUF',
      schema:
        'syntax = "proto3";\npackage p;\nmessage A { map<string, int64> m = 1; oneof o { string s = 2; B b = 3; } reserved 9 to 11; }\nmessage B { enum E { Z = 0; } E e = 1; repeated A x = 2; }',
    })
    expect(ok.status, ok.text).toBe(200)
    const read = await get('/subjects/proto-value/versions/1')
    expect(read.json.schemaType).toBe('PROTOBUF')
    const json = await post('/subjects/json-value/versions', {
      schemaType: 'JSON',
      schema: '{"type":"object"}',
    })
    expect(json.status).toBe(200)
    expect((await get(`/schemas/ids/${json.json.id}`)).json).toEqual({
      schemaType: 'JSON',
      schema: '{"type":"object"}',
    })
  })

  it('resolves Protobuf and Avro references', async () => {
    const dep = await post('/subjects/money/versions', {
      schemaType: 'PROTOBUF',
      schema: 'syntax = "proto3"; package m; message Money { int64 units = 1; }',
    })
    const refs = [{ name: 'm/money.proto', subject: 'money', version: 1 }]
    const main = await post('/subjects/price-value/versions', {
      schemaType: 'PROTOBUF',
      schema: 'syntax = "proto3"; import "m/money.proto"; message Price { m.Money amount = 1; }',
      references: refs,
    })
    expect(main.status, main.text).toBe(200)
    expect((await get(`/schemas/ids/${main.json.id}`)).json.references).toEqual(refs)
    expect((await get('/subjects/money/versions/1/referencedby')).json).toEqual([main.json.id])
    expect(dep.json.id).not.toBe(main.json.id)
    expectError(
      await post('/subjects/price2-value/versions', {
        schemaType: 'PROTOBUF',
        schema: 'syntax = "proto3"; import "m/money.proto"; message P { m.Money a = 1; }',
        references: [{ name: 'm/money.proto', subject: 'money', version: 7 }],
      }),
      422,
      42201,
      /does not exist/,
    )
    // A referenced version cannot be deleted while something refers to it.
    expectError(await del('/subjects/money/versions/1'), 422, 42206)
    expectError(await del('/subjects/money'), 422, 42206)

    await post('/subjects/avro-dep/versions', { schema: '{"type":"fixed","name":"x.Id","size":4}' })
    const user = await post('/subjects/avro-user/versions', {
      schema: record('U', [{ name: 'id', type: 'x.Id' }]),
      references: [{ name: 'x.Id', subject: 'avro-dep', version: 1 }],
    })
    expect(user.status, user.text).toBe(200)
  })
})

describe('schema registry: compatibility and config', () => {
  it('refuses an incompatible schema with 409 and the reason; NONE lets it through', async () => {
    const res = await post('/subjects/users-value/versions', { schema: USER_BAD })
    expectError(res, 409, 409, /incompatible.*users-value.*READER_FIELD_MISSING_DEFAULT_VALUE.*age/)
    // Without verbose=true the answer is the verdict alone (Confluent and Karapace alike).
    const bare = await post('/compatibility/subjects/users-value/versions/latest', { schema: USER_BAD })
    expect(bare.json).toEqual({ is_compatible: false })
    const check = await post('/compatibility/subjects/users-value/versions/latest?verbose=true', {
      schema: USER_BAD,
    })
    expect(check.json.is_compatible).toBe(false)
    expect(check.json.messages.join(' ')).toMatch(/age/)
    const good = await post('/compatibility/subjects/users-value/versions/1?verbose=true', {
      schema: USER_V2,
    })
    expect(good.json).toEqual({ is_compatible: true, messages: [] })
    expectError(await post('/compatibility/subjects/nope/versions/latest', { schema: USER_V2 }), 404, 40401)
    expectError(await post('/compatibility/subjects/users-value/versions/5', { schema: USER_V2 }), 404, 40402)
    expectError(await post('/compatibility/subjects/users-value/versions/x', { schema: USER_V2 }), 422, 42202)

    expect((await put('/config/users-value', { compatibility: 'NONE' })).json).toEqual({
      compatibility: 'NONE',
    })
    expect((await get('/config/users-value')).json).toEqual({ compatibilityLevel: 'NONE' })
    expect((await post('/subjects/users-value/versions', { schema: USER_BAD })).status).toBe(200)
    expect((await del('/config/users-value')).json).toEqual({ compatibilityLevel: 'NONE' })
  })

  it('checks FORWARD and FULL, enums, promotions and type changes', async () => {
    await put('/config/fwd-value', { compatibility: 'FORWARD' })
    await post('/subjects/fwd-value/versions', { schema: USER_V1 })
    // FORWARD: old readers must read new data; adding a field is fine, dropping a needed one is not.
    expect((await post('/subjects/fwd-value/versions', { schema: USER_BAD })).status).toBe(200)
    expectError(
      await post('/subjects/fwd-value/versions', { schema: record('User', [{ name: 'x', type: 'int' }]) }),
      409,
      409,
    )
    await put('/config/full-value', { compatibility: 'FULL' })
    const e1 = { type: 'enum', name: 'E', symbols: ['A', 'B'] }
    await post('/subjects/full-value/versions', { schema: JSON.stringify(e1) })
    expectError(
      await post('/subjects/full-value/versions', { schema: JSON.stringify({ ...e1, symbols: ['A'] }) }),
      409,
      409,
      /MISSING_ENUM_SYMBOLS/,
    )
    await put('/config/promo-value', { compatibility: 'BACKWARD' })
    await post('/subjects/promo-value/versions', { schema: '"int"' })
    expect((await post('/subjects/promo-value/versions', { schema: '"long"' })).status).toBe(200)
    expectError(
      await post('/subjects/promo-value/versions', { schema: '"string"' }),
      409,
      409,
      /TYPE_MISMATCH/,
    )
    expectError(
      await post('/subjects/promo-value/versions', { schema: '{"type":"object"}', schemaType: 'JSON' }),
      409,
      409,
      /SCHEMA_TYPE_MISMATCH/,
    )
  })

  it('applies the documented Protobuf and JSON Schema rules', async () => {
    const p1 = 'syntax = "proto3"; message M { string a = 1; int32 b = 2; }'
    await post('/subjects/pc-value/versions', { schemaType: 'PROTOBUF', schema: p1 })
    const added = 'syntax = "proto3"; message M { string a = 1; int64 b = 2; bool c = 3; }'
    expect(
      (await post('/subjects/pc-value/versions', { schemaType: 'PROTOBUF', schema: added })).status,
    ).toBe(200)
    const changed = 'syntax = "proto3"; message M { string a = 1; string b = 2; }'
    expectError(
      await post('/subjects/pc-value/versions', { schemaType: 'PROTOBUF', schema: changed }),
      409,
      409,
      /FIELD_TYPE_CHANGED/,
    )
    expectError(
      await post('/subjects/pc-value/versions', {
        schemaType: 'PROTOBUF',
        schema: 'syntax = "proto3"; message N {}',
      }),
      409,
      409,
      /MESSAGE_REMOVED/,
    )

    const j1 = { type: 'object', properties: { a: { type: 'string' } } }
    await post('/subjects/jc-value/versions', { schemaType: 'JSON', schema: JSON.stringify(j1) })
    const j2 = { ...j1, required: ['a'] }
    expectError(
      await post('/subjects/jc-value/versions', { schemaType: 'JSON', schema: JSON.stringify(j2) }),
      409,
      409,
      /REQUIRED_PROPERTY_ADDED/,
    )
    const j3 = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } } }
    expect(
      (await post('/subjects/jc-value/versions', { schemaType: 'JSON', schema: JSON.stringify(j3) })).status,
    ).toBe(200)
  })

  it('reads and sets the global and subject config with 40401, 40408 and 42203', async () => {
    expect((await get('/config')).json).toEqual({ compatibilityLevel: 'BACKWARD' })
    expectError(await put('/config', { compatibility: 'SIDEWAYS' }), 422, 42203)
    expect((await put('/config', { compatibility: 'full' })).json).toEqual({ compatibility: 'FULL' })
    expect((await get('/config')).json).toEqual({ compatibilityLevel: 'FULL' })
    expect((await put('/config', { compatibility: 'BACKWARD' })).status).toBe(200)
    expectError(await get('/config/users-value'), 404, 40408, /subject-level compatibility/)
    expect((await get('/config/users-value?defaultToGlobal=true')).json).toEqual({
      compatibilityLevel: 'BACKWARD',
    })
    expectError(await get('/config/nobody'), 404, 40401)
    expectError(await del('/config/nobody'), 404, 40401)
    expect((await put('/config/future-value', { compatibility: 'NONE' })).status).toBe(200)
    expect((await get('/config/future-value')).json).toEqual({ compatibilityLevel: 'NONE' })
    expect((await get('/mode')).json).toEqual({ mode: 'READWRITE' })
    expectError(await put('/mode', { mode: 'IMPORT' }), 422, 42205)
    expectError(await put('/mode', { mode: 'SIDEWAYS' }), 422, 42204)
    expect((await put('/mode', { mode: 'READWRITE' })).json).toEqual({ mode: 'READWRITE' })
  })
})

describe('schema registry: deletes', () => {
  it('soft-deletes, then deletes permanently, with 40404/40405/40406/40407', async () => {
    const s = 'del-value'
    await post(`/subjects/${s}/versions`, { schema: USER_V1 })
    const v2 = await post(`/subjects/${s}/versions`, { schema: USER_V2 })
    expectError(await del(`/subjects/${s}/versions/1?permanent=true`), 404, 40407, /not deleted first/)
    expect((await del(`/subjects/${s}/versions/1`)).json).toBe(1)
    expectError(await del(`/subjects/${s}/versions/1`), 404, 40406, /was soft deleted/)
    expectError(await get(`/subjects/${s}/versions/1`), 404, 40402)
    expect((await get(`/subjects/${s}/versions/1?deleted=true`)).json.version).toBe(1)
    expect((await get(`/subjects/${s}/versions`)).json).toEqual([2])
    expect((await get(`/subjects/${s}/versions?deleted=true`)).json).toEqual([1, 2])
    expect((await del(`/subjects/${s}/versions/1?permanent=true`)).json).toBe(1)
    expectError(await del(`/subjects/${s}/versions/1?permanent=true`), 404, 40402)

    expectError(await del(`/subjects/${s}?permanent=true`), 404, 40405, /not deleted first/)
    expect((await del(`/subjects/${s}`)).json).toEqual([2])
    expectError(await del(`/subjects/${s}`), 404, 40404, /soft deleted/)
    expect((await get('/subjects')).json).not.toContain(s)
    expect((await get('/subjects?deleted=true')).json).toContain(s)
    expectError(await get(`/subjects/${s}/versions`), 404, 40401)
    // The id still resolves after a soft delete: old records stay decodable.
    expect((await get(`/schemas/ids/${v2.json.id}`)).status).toBe(200)
    expect((await del(`/subjects/${s}?permanent=true`)).json).toEqual([2])
    expectError(await del(`/subjects/${s}`), 404, 40401)
    // Registering again starts at version 1 with the same id.
    expect((await post(`/subjects/${s}/versions`, { schema: USER_V2 })).json.id).toBe(v2.json.id)
    expect((await get(`/subjects/${s}/versions`)).json).toEqual([1])
  })
})

describe('schema registry: protocol details', () => {
  it('takes the key as X-Auth-Token, Bearer or Basic password with any user; else 401 40101', async () => {
    const basic = (user: string, pass: string): string =>
      `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`
    const good: Array<Record<string, string>> = [
      { 'X-Auth-Token': KEY },
      { Authorization: `Bearer ${KEY}` },
      { Authorization: basic('anyone', KEY) },
    ]
    const bad: Array<Record<string, string>> = [
      {},
      { Authorization: basic('anyone', 'wrong') },
      { Authorization: 'Bearer wrong' },
      { 'X-Auth-Token': 'x' },
    ]
    for (const headers of good) {
      expect((await request(sb, 'GET', '/subjects', { auth: false, headers })).status).toBe(200)
    }
    for (const headers of bad) {
      expectError(await request(sb, 'GET', '/subjects', { auth: false, headers }), 401, 40101, /X-Auth-Token/)
    }
    // The REST API keeps its own rule (Basic needs the user "token").
    expect(
      (await request(sb, 'GET', '/topics', { auth: false, headers: { Authorization: basic('anyone', KEY) } }))
        .status,
    ).toBe(401)
  })

  it('refuses other content types with 415, malformed JSON with 400 and unknown methods with 405', async () => {
    const res = await request(sb, 'POST', '/subjects/x/versions', {
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    })
    expectError(res, 415, 415)
    expectError(
      await request(sb, 'POST', '/subjects/x/versions', { headers: { 'Content-Type': SR }, body: '{nope' }),
      400,
      400,
    )
    expect(
      (await post('/subjects/x/versions', { schema: '"string"' }, { 'Content-Type': 'application/json' }))
        .status,
    ).toBe(200)
    expectError(await request(sb, 'PATCH', '/subjects'), 405, 405)
    expect((await request(sb, 'GET', '/subjects', { headers: { Accept: 'text/html' } })).status).toBe(406)
    const accepted = await request(sb, 'GET', '/subjects', {
      headers: { Accept: 'application/json, text/plain' },
    })
    expect(accepted.status).toBe(200)
    expect(accepted.headers['content-type']).toBe(SR)
    expectError(await post('/subjects/a%01b/versions', { schema: '"string"' }), 422, 42208)
    // Subject names with slashes travel percent-encoded.
    expect((await post('/subjects/dir%2Fname.proto/versions', { schema: '"string"' })).status).toBe(200)
    expect((await get('/subjects/dir%2Fname.proto/versions/1')).json.subject).toBe('dir/name.proto')
  })

  it('persists registry state in the data dir and serves no registry with registry: false', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-registry-'))
    try {
      const first = await startTestSandbox({ dataDir: dir })
      const id = (
        await request(first, 'POST', '/subjects/kept-value/versions', {
          headers: { 'Content-Type': SR },
          body: { schema: USER_V1 },
        })
      ).json.id
      await request(first, 'PUT', '/config', {
        headers: { 'Content-Type': SR },
        body: { compatibility: 'FULL' },
      })
      await first.close()
      const second = await startTestSandbox({ dataDir: dir })
      try {
        expect((await request(second, 'GET', '/subjects/kept-value/versions/1')).json.id).toBe(id)
        expect((await request(second, 'GET', '/config')).json.compatibilityLevel).toBe('FULL')
        const next = await request(second, 'POST', '/subjects/next-value/versions', {
          headers: { 'Content-Type': SR },
          body: { schema: '"bytes"' },
        })
        expect(next.json.id).toBe(id + 1)
      } finally {
        await second.close()
      }
      // A failed write (registry.json replaced by a directory) is 500/50001 and changes nothing.
      const third = await startTestSandbox({ dataDir: dir })
      try {
        fs.rmSync(path.join(dir, 'registry.json'))
        fs.mkdirSync(path.join(dir, 'registry.json'))
        const failed = await request(third, 'POST', '/subjects/lost-value/versions', {
          headers: { 'Content-Type': SR },
          body: { schema: '"float"' },
        })
        expectError(failed, 500, 50001, /nothing was changed/)
        expect((await request(third, 'GET', '/subjects')).json).not.toContain('lost-value')
        fs.rmdirSync(path.join(dir, 'registry.json'))
        const retry = await request(third, 'POST', '/subjects/lost-value/versions', {
          headers: { 'Content-Type': SR },
          body: { schema: '"float"' },
        })
        expect(retry.json).toEqual({ id: id + 2 })
      } finally {
        await third.close()
      }
      const off = await startTestSandbox({ registry: false })
      try {
        const res = await request(off, 'GET', '/subjects')
        expect(res.status).toBe(404)
        expect(res.json.error_code).toBe(404)
      } finally {
        await off.close()
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
