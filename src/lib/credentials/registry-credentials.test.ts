import { describe, expect, it } from 'vitest'
import { parseCredentials } from './parse-credentials.ts'
import { findRegistry } from './registry-credentials.ts'

describe('findRegistry', () => {
  it('reads Aiven: schema_registry_uri with user:password inside the URL', () => {
    expect(
      findRegistry({
        service_uri: 'kafka-x.aivencloud.com:12345',
        schema_registry_uri: 'https://avnadmin:p%40ss@kafka-x.aivencloud.com:12346',
      }),
    ).toEqual({
      ok: true,
      source: 'credentials',
      credentials: {
        url: 'https://kafka-x.aivencloud.com:12346',
        auth: 'basic',
        user: 'avnadmin',
        secret: 'p@ss',
      },
    })
  })

  it('reads Confluent client properties and Cloud key/secret names', () => {
    expect(
      findRegistry({
        'schema.registry.url': 'https://psrc-1.us-east-2.aws.confluent.cloud',
        'basic.auth.user.info': 'SRKEY:SRSECRET',
      }),
    ).toMatchObject({ ok: true, credentials: { auth: 'basic', user: 'SRKEY', secret: 'SRSECRET' } })
    expect(
      findRegistry({
        SCHEMA_REGISTRY_URL: 'https://sr.example.com/',
        SCHEMA_REGISTRY_API_KEY: 'k',
        SCHEMA_REGISTRY_API_SECRET: 's',
      }),
    ).toMatchObject({ ok: true, credentials: { url: 'https://sr.example.com', user: 'k', secret: 's' } })
  })

  it('reads a nested schema_registry object, with a token, deep in VCAP_SERVICES', () => {
    expect(
      findRegistry({
        VCAP_SERVICES: { kafka: [{ credentials: { schemaRegistry: { url: 'http://h:8081', token: 't' } } }] },
      }),
    ).toEqual({
      ok: true,
      source: 'VCAP_SERVICES.kafka[0].credentials.schemaRegistry',
      credentials: { url: 'http://h:8081', auth: 'bearer', user: '', secret: 't' },
    })
  })

  it('finds nothing in unrelated JSON, and explains a bad URL', () => {
    expect(findRegistry({ registry: { url: 'https://docker.example.com' }, api_key: 'k' })).toBeNull()
    expect(findRegistry({ schema_registry_url: 'ftp://x' })).toMatchObject({ ok: false })
  })

  it('stays bounded on a huge paste', () => {
    const big = { items: Array.from({ length: 200_000 }, () => ({ a: [1] })) }
    expect(findRegistry(big)).toBeNull()
  })
})

describe('parseCredentials with a registry', () => {
  it('carries the registry with Kafka REST credentials', () => {
    const r = parseCredentials(
      JSON.stringify({
        api_key: 'k',
        kafka_rest_url: 'http://127.0.0.1:8082',
        schema_registry_url: 'http://127.0.0.1:8081',
      }),
    )
    expect(r).toMatchObject({
      ok: true,
      credentials: { kind: 'message-hub', registry: { url: 'http://127.0.0.1:8081', auth: 'none' } },
    })
  })

  it('accepts a registry alone', () => {
    expect(parseCredentials('{"schema_registry_url":"https://sr.example.com"}')).toMatchObject({
      ok: true,
      credentials: { kind: 'registry', registry: { url: 'https://sr.example.com' } },
    })
  })
})
