import { describe, expect, it } from 'vitest'
import {
  checkConnection,
  connectionProblem,
  normaliseConnection,
  type ConnectionInput,
} from './connection-input.ts'

const input = (patch: Partial<ConnectionInput> = {}): ConnectionInput => ({
  endpoint: 'http://127.0.0.1:8082',
  apiKey: 'key',
  useProxy: true,
  authScheme: 'x-auth-token',
  adminEndpoint: '',
  ...patch,
})

describe('normaliseConnection', () => {
  it('trims the endpoint, the key and the admin endpoint, and drops trailing slashes', () => {
    expect(
      normaliseConnection(
        input({
          endpoint: '  https://rest.example.com/kafka//  ',
          apiKey: ' secret \n',
          adminEndpoint: ' https://admin.example.com/ ',
        }),
      ),
    ).toEqual({
      endpoint: 'https://rest.example.com/kafka',
      apiKey: 'secret',
      useProxy: true,
      authScheme: 'x-auth-token',
      adminEndpoint: 'https://admin.example.com',
    })
  })

  it('leaves out a blank admin endpoint', () => {
    const settings = normaliseConnection(input({ adminEndpoint: '   ' }))
    expect(settings).not.toHaveProperty('adminEndpoint')
  })

  it('keeps the proxy switch and the auth scheme as they are', () => {
    expect(normaliseConnection(input({ useProxy: false, authScheme: 'bearer' }))).toMatchObject({
      useProxy: false,
      authScheme: 'bearer',
    })
  })
})

describe('connectionProblem', () => {
  it('accepts an http(s) endpoint with blanks around it', () => {
    expect(connectionProblem(input({ endpoint: ' https://rest.example.com:443/ ' }))).toBeNull()
  })

  it.each([
    ['not a URL', 'kafka-rest.example.com', /is not a URL/],
    ['another scheme', 'ftp://rest.example.com', /must be an http or https URL/],
    ['credentials in the URL', 'https://user:pw@rest.example.com', /contains credentials/],
    ['nothing at all', '   ', /is not a URL/],
  ])('refuses an endpoint that is %s', (_what, endpoint, message) => {
    const problem = connectionProblem(input({ endpoint }))
    expect(problem?.field).toBe('endpoint')
    expect(problem?.message).toMatch(message)
    expect(problem?.hint).not.toBe('')
  })

  it('refuses a key with a line break inside, but not one that only ends with one', () => {
    expect(connectionProblem(input({ apiKey: 'abc\ndef' }))?.field).toBe('apiKey')
    expect(connectionProblem(input({ apiKey: 'abc\r\n' }))).toBeNull()
  })

  it('checks the admin endpoint when one is given', () => {
    expect(connectionProblem(input({ adminEndpoint: 'admin.example.com' }))).toMatchObject({
      field: 'adminEndpoint',
      message: '"admin.example.com" is not a URL.',
    })
    expect(connectionProblem(input({ adminEndpoint: 'https://admin.example.com' }))).toBeNull()
  })

  it('reports the endpoint first when several fields are wrong', () => {
    expect(connectionProblem(input({ endpoint: 'x', apiKey: 'a\nb', adminEndpoint: 'y' }))?.field).toBe(
      'endpoint',
    )
  })
})

describe('Basic user:password', () => {
  const basic = {
    endpoint: 'https://rest.example.com',
    apiKey: ' pw ',
    username: ' alice ',
    useProxy: true,
    authScheme: 'basic' as const,
    adminEndpoint: '',
  }
  it('sends the trimmed username with the password, and only for Basic', () => {
    expect(normaliseConnection(basic)).toMatchObject({ authScheme: 'basic', authUser: 'alice', apiKey: 'pw' })
    expect(normaliseConnection({ ...basic, authScheme: 'bearer' })).not.toHaveProperty('authUser')
  })
  it('needs a username without a colon or line break', () => {
    expect(connectionProblem({ ...basic, username: '' })).toMatchObject({
      field: 'username',
      message: 'Basic auth needs a username.',
    })
    expect(connectionProblem({ ...basic, username: 'a:b' })).toMatchObject({
      field: 'username',
      message: /colon/,
    })
    expect(connectionProblem({ ...basic, username: 'a\nb' })).toMatchObject({
      field: 'username',
      message: /line break/,
    })
    expect(connectionProblem({ ...basic, apiKey: 'p\nw' })).toMatchObject({
      field: 'apiKey',
      message: 'The password contains a line break.',
    })
    expect(connectionProblem(basic)).toBeNull()
  })
})

describe('checkConnection', () => {
  it('gives the normalised settings when the input is usable', () => {
    expect(checkConnection(input({ endpoint: 'http://127.0.0.1:8082/ ' }))).toEqual({
      ok: true,
      settings: normaliseConnection(input()),
    })
  })

  it('gives the problem otherwise', () => {
    const checked = checkConnection(input({ endpoint: 'nope' }))
    expect(checked.ok).toBe(false)
    expect(!checked.ok && checked.problem.field).toBe('endpoint')
  })
})

describe('the Schema Registry fields', () => {
  const registry = (patch: Partial<ConnectionInput>) =>
    input({ registryUrl: ' http://127.0.0.1:8081/ ', registryAuth: 'none', ...patch })

  it('leaves the registry out when no URL is given', () => {
    expect(normaliseConnection(input({ registryUrl: '  ', registryAuth: 'bearer' }))).not.toHaveProperty(
      'registry',
    )
  })

  it('normalises the URL and keeps the auth the form chose', () => {
    expect(normaliseConnection(registry({})).registry).toEqual({
      url: 'http://127.0.0.1:8081',
      auth: { kind: 'none' },
    })
    expect(
      normaliseConnection(
        registry({ registryAuth: 'basic', registryUser: ' SRKEY ', registrySecret: ' s3cret\n' }),
      ).registry?.auth,
    ).toEqual({ kind: 'basic', user: 'SRKEY', password: 's3cret' })
    expect(
      normaliseConnection(
        registry({ registryAuth: 'bearer', registrySecret: 'tok', registryUser: 'ignored' }),
      ).registry?.auth,
    ).toEqual({ kind: 'bearer', token: 'tok' })
  })

  it('says which registry field is wrong', () => {
    expect(connectionProblem(registry({ registryUrl: 'registry:8081' }))).toMatchObject({
      field: 'registryUrl',
      message: 'The Schema Registry must be an http or https URL.',
    })
    expect(connectionProblem(registry({ registryUrl: 'not a url' }))?.field).toBe('registryUrl')
    expect(connectionProblem(registry({ registryUrl: 'https://u:p@sr.example.com' }))).toMatchObject({
      field: 'registryUrl',
      hint: expect.stringContaining('Basic auth'),
    })
    expect(connectionProblem(registry({ registryAuth: 'basic', registryUser: 'a:b' }))?.field).toBe(
      'registryUser',
    )
    expect(
      connectionProblem(registry({ registryAuth: 'bearer', registrySecret: 'a\nb' }))?.message,
    ).toContain('token contains a line break')
  })

  it('checks the Kafka endpoint first, and accepts a valid registry', () => {
    expect(connectionProblem(registry({ endpoint: 'x', registryUrl: 'y' }))?.field).toBe('endpoint')
    const checked = checkConnection(
      registry({ registryAuth: 'basic', registryUser: 'u', registrySecret: 'p' }),
    )
    expect(checked.ok && checked.settings.registry?.url).toBe('http://127.0.0.1:8081')
  })
})
