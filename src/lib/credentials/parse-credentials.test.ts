import { describe, expect, it } from 'vitest'
import { parseCredentials } from './parse-credentials.ts'

describe('parseCredentials', () => {
  it('reads Message Hub VCAP_SERVICES', () => {
    const vcap = {
      messagehub: [
        {
          name: 'mh',
          label: 'messagehub',
          credentials: {
            instance_id: 'x',
            api_key: 'abc123',
            kafka_rest_url: 'https://kafka-rest.messagehub.services.us-south.bluemix.net:443',
            kafka_admin_url: 'https://kafka-admin.messagehub.services.us-south.bluemix.net:443',
            kafka_brokers_sasl: ['a:9093'],
            user: 'u',
            password: 'p',
          },
        },
      ],
    }
    const r = parseCredentials(JSON.stringify(vcap))
    expect(r).toEqual({
      ok: true,
      credentials: {
        endpoint: 'https://kafka-rest.messagehub.services.us-south.bluemix.net:443',
        apiKey: 'abc123',
        authScheme: 'x-auth-token',
        kind: 'message-hub',
        source: 'messagehub[0]',
      },
    })
  })

  it('finds the entry among other services and under a VCAP_SERVICES wrapper', () => {
    const r = parseCredentials(
      JSON.stringify({
        VCAP_SERVICES: {
          cloudantNoSQLDB: [{ credentials: { url: 'x' } }],
          'my-kafka': [{ credentials: { api_key: 'k', kafka_rest_url: 'http://h:8082' } }],
        },
      }),
    )
    expect(r.ok && r.credentials).toMatchObject({
      endpoint: 'http://h:8082',
      apiKey: 'k',
      source: 'VCAP_SERVICES.my-kafka[0]',
    })
  })

  it('reads a bare credentials object and newer Event Streams keys', () => {
    expect(parseCredentials('{"api_key":"k","kafka_rest_url":"http://127.0.0.1:8082"}')).toMatchObject({
      ok: true,
      credentials: { apiKey: 'k' },
    })
    const es = parseCredentials(
      JSON.stringify({
        apikey: 'key2',
        kafka_http_url: 'https://es.example.com',
        kafka_admin_url: 'https://admin.example.com',
        kafka_brokers_sasl: [],
      }),
    )
    expect(es).toMatchObject({
      ok: true,
      credentials: { kind: 'event-streams', adminEndpoint: 'https://admin.example.com', apiKey: 'key2' },
    })
  })

  it('explains what is wrong', () => {
    expect(parseCredentials('')).toMatchObject({ ok: false, error: 'Nothing was pasted.' })
    const bad = parseCredentials('{"api_key": "k",')
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.error).toMatch(/not valid JSON/)
    expect(parseCredentials('{"user":"x"}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Accepted: IBM Event Streams.*Confluent Cloud.*Aiven.*user and password/),
    })
    expect(parseCredentials('{"api_key":"k","kafka_rest_url":"ftp://x"}')).toMatchObject({ ok: false })
  })
})
