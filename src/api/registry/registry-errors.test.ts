import { describe, expect, it } from 'vitest'
import { KafkaRestError } from '../errors.ts'
import { authHeaderFor } from '../http/transport.ts'
import { checkError, registryError } from './registry-errors.ts'
import { parseSchemaById, parseSubjects, parseSubjectVersion, parseVersions } from './registry-parse.ts'
import { registryTransportSettings } from './schema-registry-client.ts'

const request = { method: 'GET', url: 'http://sr:8081/subjects' }
const http = (status: number, errorCode: number | null, message = 'HTTP x') =>
  new KafkaRestError({
    kind: 'http',
    status,
    errorCode,
    message,
    hint: 'generic',
    request,
    serverMessage: 'said',
  })

describe('registry errors', () => {
  it('says wrong credentials for a 401, and keeps what the registry said', () => {
    const e = registryError(http(401, 40101)) as KafkaRestError
    expect(e.message).toBe('The Schema Registry rejected the credentials (HTTP 401: said).')
    expect(e.hint).toMatch(/Wrong Schema Registry credentials/)
    expect(e.status).toBe(401)
  })

  it("explains the registry's 5-digit codes", () => {
    expect((registryError(http(404, 40401)) as KafkaRestError).hint).toMatch(/No such subject/)
    expect((registryError(http(404, 40403)) as KafkaRestError).hint).toMatch(/no schema with this id/)
    expect((registryError(http(409, 409)) as KafkaRestError).hint).toMatch(/not compatible/)
    expect((registryError(http(422, 42201)) as KafkaRestError).hint).toMatch(/invalid/)
  })

  it('leaves other errors as they are', () => {
    const network = new KafkaRestError({ kind: 'network', message: 'down', hint: 'h' })
    expect(registryError(network)).toBe(network)
    const plain = http(400, null)
    expect(registryError(plain)).toBe(plain)
  })

  it('calls an answer no registry gives to GET /subjects "not a Schema Registry"', () => {
    for (const err of [
      http(404, null, 'HTTP 404: no message'),
      http(405, null),
      http(200, null, 'HTTP 200: an HTML page'),
      new KafkaRestError({ kind: 'invalid-response', message: 'not JSON', hint: 'h', request }),
    ]) {
      const e = checkError(err, request) as KafkaRestError
      expect(e.message).toMatch(/^http:\/\/sr:8081\/subjects is not a Schema Registry/)
      expect(e.hint).toMatch(/registry base URL/)
    }
    expect((checkError(http(401, null), request) as KafkaRestError).message).toMatch(
      /rejected the credentials/,
    )
  })
})

describe('registry answers are checked', () => {
  it('subjects must be a list of names, versions a list of numbers (sorted)', () => {
    expect(parseSubjects(['a', 'b'], request)).toEqual(['a', 'b'])
    expect(() => parseSubjects({ subjects: [] }, request)).toThrow(/not a list of subject names/)
    expect(parseVersions([3, 1, 2], request)).toEqual([1, 2, 3])
    expect(() => parseVersions(['1'], request)).toThrow(/version numbers/)
  })

  it('a schema defaults to Avro with no references, and refuses unknown types', () => {
    expect(parseSchemaById({ schema: '"string"' }, 7, request)).toEqual({
      id: 7,
      schemaType: 'AVRO',
      schema: '"string"',
      references: [],
    })
    expect(() => parseSchemaById({ schema: 'x', schemaType: 'XML' }, 1, request)).toThrow(/not a schema/)
    expect(
      parseSubjectVersion(
        {
          subject: 's',
          id: 2,
          version: 3,
          schemaType: 'PROTOBUF',
          schema: 'syntax = "proto3";',
          references: [{ name: 'o.proto', subject: 'o', version: 1 }],
        },
        request,
      ),
    ).toMatchObject({ subject: 's', id: 2, version: 3, references: [{ name: 'o.proto' }] })
  })
})

describe('registry auth', () => {
  it('sends Basic user:password in UTF-8, and Bearer tokens', () => {
    const basic = registryTransportSettings({
      url: 'http://sr',
      auth: { kind: 'basic', user: 'ü', password: 'p:w' },
      useProxy: true,
    })
    expect(basic).toMatchObject({ authScheme: 'basic', authUser: 'ü', apiKey: 'p:w', service: 'registry' })
    const header = authHeaderFor(basic.authScheme, basic.apiKey, basic.authUser)
    expect(header?.name).toBe('Authorization')
    expect(
      new TextDecoder().decode(Uint8Array.from(atob(header!.value.slice(6)), (c) => c.charCodeAt(0))),
    ).toBe('ü:p:w')
    const bearer = registryTransportSettings({
      url: 'http://sr',
      auth: { kind: 'bearer', token: 't' },
      useProxy: false,
    })
    expect(authHeaderFor(bearer.authScheme, bearer.apiKey)).toEqual({
      name: 'Authorization',
      value: 'Bearer t',
    })
    const none = registryTransportSettings({ url: 'http://sr', auth: { kind: 'none' }, useProxy: false })
    expect(authHeaderFor(none.authScheme, none.apiKey)).toBeNull()
  })
})
