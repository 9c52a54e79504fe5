import { describe, expect, it } from 'vitest'
import { checkBindHost, parseServerOptions, parseSize } from './cli-options.ts'

describe('server options', () => {
  it('has safe defaults', () => {
    const o = parseServerOptions([], {})
    expect(o).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      maxBodyBytes: 100 * 1024 * 1024,
      maxResponseBytes: 256 * 1024 * 1024,
      timeoutMs: 120_000,
      allowTargets: [],
    })
    if (o === 'help') throw new Error('unexpected')
    expect(o.sandbox).toMatchObject({ enabled: true, port: 8082, dataDir: '.sandbox-data', demoData: true })
  })

  it('refuses a non-loopback bind without an allowlist', () => {
    expect(() => parseServerOptions(['--host', '0.0.0.0'], {})).toThrow(
      /Refusing to bind 0.0.0.0 without an allowlist/,
    )
    expect(
      parseServerOptions(['--host', '0.0.0.0', '--allow-target', 'https://*.example.com'], {}),
    ).toMatchObject({
      host: '0.0.0.0',
    })
    expect(
      parseServerOptions(['--host', '0.0.0.0'], {
        KRC_ALLOW_TARGETS: 'https://a.example.com, http://b:8082',
      }),
    ).toMatchObject({
      allowTargets: ['https://a.example.com', 'http://b:8082'],
    })
  })

  it('reads flags and environment', () => {
    const o = parseServerOptions(['--port', '9000', '--no-sandbox', '--max-body', '5mb', '--timeout', '30'], {
      SANDBOX_PORT: '9999',
    })
    expect(o).toMatchObject({
      port: 9000,
      maxBodyBytes: 5 * 1024 * 1024,
      timeoutMs: 30_000,
      sandbox: { enabled: false, port: 9999 },
    })
    expect(parseServerOptions(['--max-response', '1gb'], {})).toMatchObject({ maxResponseBytes: 1024 ** 3 })
    expect(parseServerOptions([], { KRC_MAX_RESPONSE: '64mb' })).toMatchObject({
      maxResponseBytes: 64 * 1024 * 1024,
    })
    expect(parseServerOptions(['--sandbox-in-memory', '--no-demo-data'], {})).toMatchObject({
      sandbox: { dataDir: null, demoData: false },
    })
  })

  it('reads KRC_DIST_DIR and refuses an open proxy on any address', () => {
    expect(parseServerOptions([], {})).toMatchObject({ distDir: 'dist' })
    expect(parseServerOptions([], { KRC_DIST_DIR: 'dist-e2e' })).toMatchObject({ distDir: 'dist-e2e' })
    expect(() => checkBindHost('192.168.1.5', [])).toThrow(/Refusing to bind 192.168.1.5/)
    expect(() => checkBindHost('localhost', [])).not.toThrow()
    expect(() => checkBindHost('0.0.0.0', ['kafka.internal:*'])).not.toThrow()
  })

  it('reads sandbox Basic users from flags and SANDBOX_USERS, and refuses one without a password', () => {
    const o = parseServerOptions(['--sandbox-user', 'alice:pa:ss'], { SANDBOX_USERS: 'bob:pw' })
    expect(o === 'help' ? null : o.sandbox.users).toEqual([
      { name: 'alice', password: 'pa:ss' },
      { name: 'bob', password: 'pw' },
    ])
    expect(() => parseServerOptions(['--sandbox-user', 'alice'], {})).toThrow(/NAME:PASSWORD/)
  })

  it('rejects bad values clearly', () => {
    expect(() => parseServerOptions(['--port', 'eighty'], {})).toThrow(/Invalid --port/)
    expect(() => parseServerOptions(['--allow-target', 'not a pattern'], {})).toThrow(
      /Invalid target pattern/,
    )
    expect(() => parseServerOptions(['--bogus'], {})).toThrow()
    expect(() => parseSize('lots')).toThrow(/Invalid size/)
    expect(parseSize('512k')).toBe(512 * 1024)
    expect(parseSize('1.5gb')).toBe(1.5 * 1024 ** 3)
  })
})
