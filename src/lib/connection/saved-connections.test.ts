import { describe, expect, it } from 'vitest'
import {
  byRecentUse,
  exportConnections,
  nameProblem,
  parseConnectionsImport,
  profileFields,
  secretLookingField,
  type SavedConnection,
} from './saved-connections.ts'

const form = {
  endpoint: ' https://pkc-1.confluent.cloud:443 ',
  apiKey: 'THE-SECRET',
  registrySecret: 'REG-SECRET',
  dialect: 'auto' as const,
  useProxy: true,
  authScheme: 'basic' as const,
  username: 'KEY1',
  adminEndpoint: '',
  registryUrl: 'https://psrc-1.confluent.cloud',
  registryAuth: 'basic' as const,
  registryUser: 'SRKEY',
  environment: 'production' as const,
}

const saved = (name: string, lastUsedAt: number): SavedConnection => ({
  id: name,
  name,
  environment: 'test',
  createdAt: 0,
  lastUsedAt,
  ...profileFields(form),
})

describe('saved connections', () => {
  it('keeps the non-secret fields only', () => {
    const p = profileFields(form)
    expect(JSON.stringify(p)).not.toMatch(/SECRET/)
    expect(p).toEqual({
      endpoint: 'https://pkc-1.confluent.cloud:443',
      dialect: 'auto',
      useProxy: true,
      authScheme: 'basic',
      username: 'KEY1',
      adminEndpoint: '',
      registryUrl: 'https://psrc-1.confluent.cloud',
      registryAuth: 'basic',
      registryUser: 'SRKEY',
    })
    // A username only means something with Basic user:password.
    expect(profileFields({ ...form, authScheme: 'bearer' }).username).toBe('')
  })

  it('orders by recent use and checks names', () => {
    expect(byRecentUse([saved('a', 1), saved('b', 3), saved('c', 2)]).map((c) => c.name)).toEqual([
      'b',
      'c',
      'a',
    ])
    expect(nameProblem('  ', [])).toMatch(/Enter a name/)
    expect(nameProblem('STAGING', [saved('staging', 1)])).toMatch(/exists already/)
    expect(nameProblem('staging', [saved('staging', 1)], 'staging')).toBeNull()
  })

  it('exports without secrets and reads its own export back', () => {
    const text = exportConnections([saved('dev', 1), saved('prod', 2)])
    expect(text).not.toMatch(/SECRET/)
    const back = parseConnectionsImport(text)
    expect(back.ok && back.connections.map((c) => c.name)).toEqual(['prod', 'dev'])
    expect(back.ok && back.connections[0]).toMatchObject({ environment: 'test', username: 'KEY1' })
  })

  it('refuses an import with anything secret-looking, naming the field', () => {
    for (const [extra, field] of [
      [{ apiKey: 'x' }, 'connections[0].apiKey'],
      [{ password: 'x' }, 'connections[0].password'],
      [{ registry_secret: 'x' }, 'connections[0].registry_secret'],
      [{ auth: { token: 'x' } }, 'connections[0].auth.token'],
    ] as const) {
      const r = parseConnectionsImport(
        JSON.stringify({ connections: [{ name: 'a', endpoint: 'http://h', ...extra }] }),
      )
      expect(r).toEqual({ ok: false, error: expect.stringContaining(`"${field}" looks like a secret`) })
    }
    const inUrl = parseConnectionsImport(JSON.stringify([{ name: 'a', endpoint: 'https://u:p@h' }]))
    expect(inUrl).toMatchObject({
      ok: false,
      error: expect.stringMatching(/\[0\]\.endpoint" looks like a secret/),
    })
    expect(secretLookingField({ authScheme: 'basic-token', registryAuth: 'bearer' })).toBeNull()
  })

  it('refuses malformed imports with the entry and field', () => {
    expect(parseConnectionsImport('nope')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not JSON/),
    })
    expect(parseConnectionsImport('{}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/No connections/),
    })
    const cases: Array<[unknown, RegExp]> = [
      [{ endpoint: 'http://h' }, /Connection 1 needs a name/],
      [{ name: 'a', endpoint: 'ftp://h' }, /"endpoint" must be an http\(s\) URL/],
      [{ name: 'a', endpoint: 'http://h', environment: 'prod' }, /"environment" must be one of development/],
      [{ name: 'a', endpoint: 'http://h', authScheme: 'digest' }, /"authScheme" must be one of/],
      [{ name: 'a', endpoint: 'http://h', useProxy: 'yes' }, /"useProxy" must be true or false/],
      [{ name: 'a', endpoint: 'http://h', username: 'a:b' }, /user name must be text on one line/],
    ]
    for (const [entry, error] of cases) {
      const r = parseConnectionsImport(JSON.stringify({ connections: [entry] }))
      expect(r.ok).toBe(false)
      expect(!r.ok && r.error).toMatch(error)
    }
    const twice = parseConnectionsImport(
      JSON.stringify([
        { name: 'A', endpoint: 'http://h' },
        { name: 'a', endpoint: 'http://h' },
      ]),
    )
    expect(twice).toMatchObject({ ok: false, error: expect.stringMatching(/used twice/) })
  })
})
