import { describe, expect, it } from 'vitest'
import { parseCredentials } from './parse-credentials.ts'

/** Every format the paste dialog reads, each with a malformed variant that gets a specific error. */
describe('parseCredentials: today’s formats', () => {
  it('reads today’s IBM Event Streams service credentials with a registry', () => {
    const key = {
      apikey: 'es-api-key',
      iam_apikey_name: 'auto-generated-apikey',
      kafka_admin_url: 'https://abc.svc01.us-south.eventstreams.cloud.ibm.com',
      kafka_brokers_sasl: ['broker-0-abc.kafka.svc01.us-south.eventstreams.cloud.ibm.com:9093'],
      kafka_http_url: 'https://abc.svc01.us-south.eventstreams.cloud.ibm.com',
      password: 'es-api-key',
      user: 'token',
      schema_registry_url: 'https://abc.svc01.us-south.eventstreams.cloud.ibm.com/confluent',
    }
    const r = parseCredentials(JSON.stringify(key))
    expect(r).toEqual({
      ok: true,
      credentials: {
        endpoint: 'https://abc.svc01.us-south.eventstreams.cloud.ibm.com',
        adminEndpoint: 'https://abc.svc01.us-south.eventstreams.cloud.ibm.com',
        apiKey: 'es-api-key',
        authScheme: 'bearer',
        kind: 'event-streams',
        source: 'credentials',
        // The registry takes the same key, as Basic token:<apikey>.
        registry: {
          url: 'https://abc.svc01.us-south.eventstreams.cloud.ibm.com/confluent',
          auth: 'basic-token',
          user: '',
          secret: 'es-api-key',
        },
      },
    })
  })

  it('reads Event Streams credentials without a registry, and refuses a non-http kafka_http_url', () => {
    const r = parseCredentials(JSON.stringify({ apikey: 'k', kafka_http_url: 'https://es.example' }))
    expect(r.ok && r.credentials).toMatchObject({ kind: 'event-streams', endpoint: 'https://es.example' })
    expect(r.ok && r.credentials.registry).toBeUndefined()
    const bad = parseCredentials(JSON.stringify({ apikey: 'k', kafka_http_url: 'kafka://es.example:9093' }))
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/not an http\(s\) URL/) })
  })

  const confluentFile = [
    '=== Confluent Cloud API key: lkc-abc123 ===',
    '',
    'API key:',
    'ABCDEFGHIJKLMNOP',
    '',
    'API secret:',
    'sEcReT/with+chars==',
    '',
    'Bootstrap server:',
    'pkc-12345.us-east-1.aws.confluent.cloud:9092',
    '',
  ].join('\n')

  it('reads Confluent Cloud’s API key file: key and secret as Basic, the REST URL from the bootstrap host', () => {
    const r = parseCredentials(confluentFile)
    expect(r).toEqual({
      ok: true,
      credentials: {
        kind: 'confluent-cloud',
        endpoint: 'https://pkc-12345.us-east-1.aws.confluent.cloud:443',
        apiKey: 'sEcReT/with+chars==',
        authScheme: 'basic',
        username: 'ABCDEFGHIJKLMNOP',
        source: 'Confluent Cloud API key (lkc-abc123)',
        note: 'the REST endpoint was derived from the bootstrap server',
      },
    })
  })

  it('reads a key file with values on the label line and no endpoint, and a Schema Registry key file', () => {
    const r = parseCredentials('API key: KEY1\nAPI secret: SECRET1\n')
    expect(r.ok && r.credentials).toMatchObject({ username: 'KEY1', apiKey: 'SECRET1', authScheme: 'basic' })
    expect(r.ok && 'endpoint' in r.credentials).toBe(false)
    const sr = parseCredentials(
      '=== Confluent Cloud API key: lsrc-xyz ===\n\nAPI key:\nSRKEY\n\nAPI secret:\nSRSECRET\n',
    )
    expect(sr.ok && sr.credentials).toMatchObject({
      kind: 'registry',
      registry: { auth: 'basic', user: 'SRKEY', secret: 'SRSECRET' },
    })
  })

  it('refuses a Confluent Cloud key file without its secret', () => {
    const r = parseCredentials(
      '=== Confluent Cloud API key: lkc-abc123 ===\n\nAPI key:\nABCDEF\n\nAPI secret:\n\n',
    )
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/no API secret value/) })
  })

  const aiven = {
    service_name: 'kafka-demo',
    service_type: 'kafka',
    service_uri: 'kafka-demo-proj.aivencloud.com:12345',
    connection_info: {
      kafka: ['kafka-demo-proj.aivencloud.com:12345'],
      kafka_rest_uri: 'https://avnadmin:p%40ss@kafka-demo-proj.aivencloud.com:12347',
      schema_registry_uri: 'https://avnadmin:p%40ss@kafka-demo-proj.aivencloud.com:12348',
    },
  }

  it('reads an Aiven service JSON: the REST URI’s user and password as Basic, the registry beside it', () => {
    const r = parseCredentials(JSON.stringify(aiven))
    expect(r).toEqual({
      ok: true,
      credentials: {
        kind: 'aiven',
        endpoint: 'https://kafka-demo-proj.aivencloud.com:12347',
        apiKey: 'p@ss',
        authScheme: 'basic',
        username: 'avnadmin',
        source: 'Aiven kafka_rest_uri',
        registry: {
          url: 'https://kafka-demo-proj.aivencloud.com:12348',
          auth: 'basic',
          user: 'avnadmin',
          secret: 'p@ss',
        },
      },
    })
  })

  it('refuses an Aiven REST URI without a password, or with broken percent-encoding', () => {
    const noPassword = {
      ...aiven,
      connection_info: { kafka_rest_uri: 'https://kafka-demo.aivencloud.com:12347' },
    }
    expect(parseCredentials(JSON.stringify(noPassword))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Aiven service URI holds no user:password/),
    })
    const broken = {
      connection_info: { kafka_rest_uri: 'https://avnadmin:%E0%A4%A@kafka-demo.aivencloud.com:1' },
    }
    expect(parseCredentials(JSON.stringify(broken))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/percent-encoding/),
    })
  })

  it('reads a plain user:password@host URL, with or without the scheme', () => {
    expect(parseCredentials('https://alice:s3cr%3At@rest.example.com:8443/base/')).toEqual({
      ok: true,
      credentials: {
        kind: 'url',
        endpoint: 'https://rest.example.com:8443/base',
        apiKey: 's3cr:t',
        authScheme: 'basic',
        username: 'alice',
        source: 'URL',
      },
    })
    const bare = parseCredentials('bob:pw@redpanda.example.com:8082')
    expect(bare.ok && bare.credentials).toMatchObject({
      endpoint: 'https://redpanda.example.com:8082',
      username: 'bob',
      apiKey: 'pw',
    })
  })

  it('refuses a user URL without a password, or with another scheme', () => {
    expect(parseCredentials('https://alice@rest.example.com')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/names the user "alice" but no password/),
    })
    expect(parseCredentials('ftp://alice:pw@rest.example.com')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/http or https, not ftp/),
    })
  })

  it('an unknown format lists the accepted ones', () => {
    for (const text of ['just some words', 'https://rest.example.com', '{"hello":"world"}', '[1,2]']) {
      const r = parseCredentials(text)
      expect(r.ok).toBe(false)
      expect(!r.ok && r.error).toMatch(
        /^Not a credentials format the console reads\. Accepted: IBM Event Streams/,
      )
      expect(!r.ok && r.error).toMatch(/Confluent Cloud.*Aiven.*user and password/)
    }
  })
})
