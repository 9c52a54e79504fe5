import { describe, expect, it } from 'vitest'
import {
  isBlockedAddress,
  isLoopbackHost,
  matchesPattern,
  parseTargetPattern,
  TargetPolicy,
} from './target-policy.ts'

describe('target patterns', () => {
  const match = (pattern: string, url: string) => matchesPattern(new URL(url), parseTargetPattern(pattern))

  it('matches exact origins with default ports', () => {
    expect(match('https://rest.example.com', 'https://rest.example.com/base')).toBe(true)
    expect(match('https://rest.example.com', 'https://rest.example.com:443')).toBe(true)
    expect(match('https://rest.example.com', 'https://rest.example.com:8443')).toBe(false)
    expect(match('https://rest.example.com', 'http://rest.example.com')).toBe(false)
    expect(match('https://rest.example.com', 'https://evil-rest.example.com')).toBe(false)
  })

  it('supports subdomain, port and scheme wildcards', () => {
    expect(match('https://*.example.com', 'https://a.b.example.com')).toBe(true)
    expect(match('https://*.example.com', 'https://example.com')).toBe(false)
    expect(match('https://*.example.com', 'https://example.com.evil.net')).toBe(false)
    expect(match('http://127.0.0.1:*', 'http://127.0.0.1:18080')).toBe(true)
    expect(match('kafka.internal', 'https://kafka.internal:9443')).toBe(true)
    expect(match('kafka.internal', 'http://kafka.internal:8082')).toBe(true)
    expect(match('*://localhost:8082', 'https://localhost:8082')).toBe(true)
    expect(match('[::1]:8082', 'http://[::1]:8082')).toBe(true)
  })

  it('rejects malformed patterns with a helpful message', () => {
    expect(() => parseTargetPattern('https://exa mple.com')).toThrow(/expected \[http\|https\|\*:\/\/\]host/)
    expect(() => parseTargetPattern('ftp://x.com')).toThrow()
  })
})

describe('blocked addresses', () => {
  it.each([
    '169.254.169.254',
    '169.254.0.1',
    'fe80::1',
    'FEBF::1',
    '100.100.100.200',
    'fd00:ec2::254',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    '0.0.0.0',
    '::',
  ])('%s is blocked', (a) => expect(isBlockedAddress(a)).toBe(true))
  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '169.255.0.1',
    'fec0::1',
    '::1',
    '100.100.100.201',
    'fd00:ec2::253',
    'example.com',
  ])('%s is not blocked', (a) => expect(isBlockedAddress(a)).toBe(false))
})

describe('loopback hosts', () => {
  it('knows loopback names and addresses', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true)
    expect(isLoopbackHost('127.1.2.3')).toBe(true)
    expect(isLoopbackHost('::1')).toBe(true)
    expect(isLoopbackHost('[::1]')).toBe(true)
    expect(isLoopbackHost('localhost')).toBe(true)
    expect(isLoopbackHost('0.0.0.0')).toBe(false)
    expect(isLoopbackHost('192.168.1.10')).toBe(false)
  })
})

describe('TargetPolicy', () => {
  it('allows any http(s) target without an allowlist, except blocked ones', () => {
    const p = new TargetPolicy([])
    expect(p.check('https://kafka-rest.example.com:443').ok).toBe(true)
    expect(p.check('http://169.254.169.254').ok).toBe(false)
  })
  it('rejects control characters in the endpoint', () => {
    const d = new TargetPolicy([]).check('http://example.com/\r\nX-Injected: 1')
    expect(d).toMatchObject({ ok: false, status: 400, kind: 'bad_endpoint' })
  })
})
