import { QueryClient } from '@tanstack/react-query'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startConsoleServer, type RunningConsoleServer } from '../../server/console-server.ts'
import { serverHostnames } from '../../server/proxy/guards.ts'
import { TargetPolicy } from '../../server/proxy/target-policy.ts'
import { startSandbox, type RunningSandbox } from '../../server/sandbox/sandbox-server.ts'
import { KafkaRestError } from '../../src/api/errors.ts'
import type { RequestLogEntry } from '../../src/api/http/transport.ts'
import type { KafkaRestClient } from '../../src/api/kafka-rest-client.ts'
import { SchemaRegistryClient, type RegistrySettings } from '../../src/api/registry/schema-registry-client.ts'
import { provideKafkaClient } from '../../src/data/connection-scope.ts'
import { schemaByIdQueryOptions } from '../../src/data/registry/registry-queries.ts'

/**
 * The console's registry client against the sandbox's registry over real HTTP, through the console's proxy as the
 * SPA uses it. The two share no protocol code: each is written from the Confluent Schema Registry API reference.
 */
const KEY = 'registry-it-key'
const V1 = JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'long' }] })
const V2 = JSON.stringify({
  type: 'record',
  name: 'Order',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'note', type: 'string', default: '' },
  ],
})

describe('SchemaRegistryClient against the sandbox registry, through the proxy', () => {
  let sandbox: RunningSandbox
  let server: RunningConsoleServer
  let base: Omit<RegistrySettings, 'auth'>

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, apiKeys: [KEY], demoData: false, log: () => {} })
    server = await startConsoleServer({
      host: '127.0.0.1',
      port: 0,
      hostnames: serverHostnames('127.0.0.1'),
      proxy: { policy: new TargetPolicy([]), maxBodyBytes: 10 * 1024 * 1024, timeoutMs: 10_000 },
      clientConfig: () => ({ proxy: true, sandbox: null }),
    })
    base = { url: sandbox.url, useProxy: true, proxyBase: `${server.url}/proxy` }
  })
  afterAll(async () => {
    await server?.close()
    await sandbox?.close()
  })

  const client = (log?: RequestLogEntry[]) =>
    SchemaRegistryClient.create({ ...base, auth: { kind: 'bearer', token: KEY } }, (e) => log?.push({ ...e }))

  it('registers, lists, reads by version and by id, looks up, checks and soft-deletes', async () => {
    const sr = client()
    const { id } = await sr.register('orders-value', { schema: V1, schemaType: 'AVRO' })
    const { id: id2 } = await sr.register('orders-value', { schema: V2, schemaType: 'AVRO' })
    expect(id2).not.toBe(id)
    expect(await sr.check()).toContain('orders-value')
    expect(await sr.versions('orders-value')).toEqual([1, 2])
    const latest = await sr.schemaByVersion('orders-value', 'latest')
    expect(latest).toMatchObject({
      subject: 'orders-value',
      version: 2,
      id: id2,
      schemaType: 'AVRO',
      references: [],
    })
    expect(JSON.parse(latest.schema)).toEqual(JSON.parse(V2))
    expect((await sr.schemaById(id)).schemaType).toBe('AVRO')
    expect(await sr.lookup('orders-value', { schema: V1, schemaType: 'AVRO' })).toMatchObject({
      version: 1,
      id,
    })
    expect(await sr.lookup('orders-value', { schema: '"string"', schemaType: 'AVRO' })).toBeNull()
    expect(await sr.globalCompatibility()).toMatch(/^[A-Z_]+$/)
    expect(await sr.subjectCompatibility('orders-value')).toBeNull()
    const compatible = await sr.checkCompatibility('orders-value', { schema: V2, schemaType: 'AVRO' })
    expect(compatible.compatible).toBe(true)

    expect(await sr.deleteVersion('orders-value', 1)).toBe(1)
    expect(await sr.versions('orders-value')).toEqual([2])
    expect(await sr.deleteSubject('orders-value')).toEqual([2])
    expect(await sr.listSubjects()).not.toContain('orders-value')
    expect(await sr.listSubjects({ deleted: true })).toContain('orders-value')
    // Soft-deleted schemas still resolve by id: records written with them still decode.
    expect((await sr.schemaById(id2)).schema).toBeTruthy()
  })

  it('fetches a schema by id once per client, even when asked concurrently', async () => {
    const log: RequestLogEntry[] = []
    const sr = client(log)
    const { id } = await sr.register('cached-value', { schema: '"string"', schemaType: 'AVRO' })
    const [a, b] = await Promise.all([sr.schemaById(id), sr.schemaById(id)])
    await sr.schemaById(id)
    expect(a).toBe(b)
    expect(log.filter((e) => e.url.endsWith(`/schemas/ids/${id}`) && e.status !== null)).toHaveLength(1)
    expect(log.every((e) => e.service === 'registry' && e.authHeader?.name === 'Authorization')).toBe(true)
    expect(JSON.stringify(log)).not.toContain(KEY)
  })

  it('reads Protobuf and JSON Schema with their type and references', async () => {
    const sr = client()
    await sr.register('common-value', {
      schema: 'syntax = "proto3";\npackage demo;\nmessage Money { int64 cents = 1; }\n',
      schemaType: 'PROTOBUF',
    })
    const { id } = await sr.register('invoice-value', {
      schema:
        'syntax = "proto3";\npackage demo;\nimport "money.proto";\nmessage Invoice { demo.Money total = 1; }\n',
      schemaType: 'PROTOBUF',
      references: [{ name: 'money.proto', subject: 'common-value', version: 1 }],
    })
    expect(await sr.schemaById(id)).toMatchObject({
      schemaType: 'PROTOBUF',
      references: [{ name: 'money.proto', subject: 'common-value', version: 1 }],
    })
    const json = await sr.register('event-value', { schema: '{"type":"object"}', schemaType: 'JSON' })
    expect((await sr.schemaByVersion('event-value', 1)).schemaType).toBe('JSON')
    expect((await sr.schemaById(json.id)).schemaType).toBe('JSON')
  })

  it('reaches queries through the connection scope: schemaById once per connection', async () => {
    const log: RequestLogEntry[] = []
    const sr = client(log)
    const { id } = await sr.register('scoped-value', { schema: '"bytes"', schemaType: 'AVRO' })
    const queryClient = new QueryClient()
    provideKafkaClient(queryClient, 'conn-1', {} as KafkaRestClient, sr)
    const a = await queryClient.fetchQuery(schemaByIdQueryOptions('conn-1', id))
    const b = await queryClient.fetchQuery(schemaByIdQueryOptions('conn-1', id))
    expect(a).toBe(b)
    expect(a.schema).toBe('"bytes"')
    // The sink hears each request twice (start and end): count the answers.
    expect(log.filter((e) => e.url.endsWith(`/schemas/ids/${id}`) && e.status !== null)).toHaveLength(1)
    provideKafkaClient(queryClient, 'conn-2', {} as KafkaRestClient, null)
    await expect(
      queryClient.fetchQuery({ ...schemaByIdQueryOptions('conn-2', id), retry: false }),
    ).rejects.toThrow(/No Schema Registry is connected/)
  })

  it('accepts Basic auth with the key as password', async () => {
    const sr = SchemaRegistryClient.create({ ...base, auth: { kind: 'basic', user: 'any', password: KEY } })
    await expect(sr.check()).resolves.toBeInstanceOf(Array)
  })

  it('names the failure: wrong credentials, unknown id, incompatible schema, not a registry, unreachable', async () => {
    const wrong = SchemaRegistryClient.create({ ...base, auth: { kind: 'bearer', token: 'nope' } })
    const e401 = (await wrong.check().catch((e: unknown) => e)) as KafkaRestError
    expect(e401.status).toBe(401)
    expect(e401.message).toMatch(/rejected the credentials/)

    const sr = client()
    const unknown = (await sr.schemaById(987654).catch((e: unknown) => e)) as KafkaRestError
    expect(unknown.errorCode).toBe(40403)
    expect(unknown.hint).toMatch(/no schema with this id/)

    await sr.register('strict-value', { schema: V1, schemaType: 'AVRO' })
    const incompatible = (await sr
      .register('strict-value', { schema: '"string"', schemaType: 'AVRO' })
      .catch((e: unknown) => e)) as KafkaRestError
    expect(incompatible.status).toBe(409)
    expect(incompatible.hint).toMatch(/not compatible/)

    // The console server itself answers /subjects with its SPA or a 404: not a registry.
    const console = SchemaRegistryClient.create({ ...base, url: server.url, auth: { kind: 'none' } })
    const notRegistry = (await console.check().catch((e: unknown) => e)) as KafkaRestError
    expect(notRegistry.message).toMatch(/is not a Schema Registry/)

    const closed = SchemaRegistryClient.create({ ...base, url: 'http://127.0.0.1:9', auth: { kind: 'none' } })
    const unreachable = (await closed.check().catch((e: unknown) => e)) as KafkaRestError
    expect(unreachable.kind).toBe('proxy')
    expect(unreachable.proxyKind).toBe('upstream_unreachable')
  })
})
