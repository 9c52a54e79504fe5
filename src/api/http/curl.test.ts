import { describe, expect, it } from 'vitest'
import { shellQuote, toCurl } from './curl.ts'

const entry = {
  method: 'POST' as const,
  url: 'http://127.0.0.1:8082/topics/orders',
  headers: [
    { name: 'Accept', value: 'application/vnd.kafka.v2+json' },
    { name: 'Content-Type', value: 'application/vnd.kafka.binary.v2+json' },
  ],
  authHeader: { name: 'X-Auth-Token', scheme: 'x-auth-token' as const },
  body: { text: `{"records":[{"value":"aXQncw=="}],"note":"it's"}`, size: 10, binary: false },
}

describe('toCurl', () => {
  it('writes the key as $API_KEY by default', () => {
    const curl = toCurl(entry)
    expect(curl).toContain(`-H "X-Auth-Token: $API_KEY"`)
    expect(curl).toMatch(/^curl -X POST 'http:\/\/127\.0\.0\.1:8082\/topics\/orders'/)
    expect(curl).toContain(`--data-binary '{"records":[{"value":"aXQncw=="}],"note":"it'\\''s"}'`)
  })

  it('includes the real key only when asked', () => {
    expect(toCurl(entry, { apiKey: 'k3y' })).toContain(`-H 'X-Auth-Token: k3y'`)
    expect(toCurl(entry)).not.toContain('k3y')
  })

  it('handles bearer auth and GET', () => {
    const curl = toCurl({
      ...entry,
      method: 'GET',
      body: null,
      authHeader: { name: 'Authorization', scheme: 'bearer' },
    })
    expect(curl).toBe(
      `curl 'http://127.0.0.1:8082/topics/orders' -H 'Accept: application/vnd.kafka.v2+json' -H 'Content-Type: application/vnd.kafka.binary.v2+json' -H "Authorization: Bearer $API_KEY"`,
    )
  })

  it('names the registry secret, never the value, for a Schema Registry request', () => {
    const registry = {
      ...entry,
      method: 'GET' as const,
      body: null,
      service: 'registry' as const,
      authHeader: { name: 'Authorization', scheme: 'basic' as const },
    }
    expect(toCurl(registry)).toContain(
      `"Authorization: Basic $(printf %s "$REGISTRY_USER:$REGISTRY_SECRET" | base64)"`,
    )
    expect(toCurl({ ...registry, authHeader: { name: 'Authorization', scheme: 'bearer' } })).toContain(
      `"Authorization: Bearer $REGISTRY_SECRET"`,
    )
    expect(toCurl(registry, { apiKey: 'pa ss', user: 'u' })).toContain(`-u 'u:pa ss'`)
  })

  it('writes Basic user:password as $API_KEY:$API_SECRET unless the user opts in', () => {
    const basic = { ...entry, authHeader: { name: 'Authorization', scheme: 'basic' as const } }
    const curl = toCurl(basic)
    expect(curl).toContain(`"Authorization: Basic $(printf %s "$API_KEY:$API_SECRET" | base64)"`)
    expect(curl).not.toContain('alice')
    expect(toCurl(basic, { apiKey: 'pw', user: 'alice' })).toContain(`-u 'alice:pw'`)
  })

  it('quotes shell metacharacters', () => {
    expect(shellQuote(`a'b$c\`d`)).toBe(`'a'\\''b$c\`d'`)
  })
})

describe('utf8Length', () => {
  it('matches TextEncoder for ASCII, 2-, 3- and 4-byte characters and lone surrogates', async () => {
    const { utf8Length } = await import('./transport.ts')
    for (const s of [
      '',
      'abc',
      'é',
      '€',
      '😀',
      'a😀b€é',
      '\ud800',
      '\udc00x',
      'x\ud83d',
      'ascii first, then é',
      '\u007f\u0080',
    ]) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length)
    }
  })
})
