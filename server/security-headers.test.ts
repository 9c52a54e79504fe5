import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from './security-headers.ts'

const directives = (policy: string) =>
  new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const))

describe('content security policy', () => {
  it('allows no inline script or style in production', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe')
  })

  it('only adds to the production policy for Vite dev', () => {
    const prod = directives(CONTENT_SECURITY_POLICY)
    const dev = directives(contentSecurityPolicy({ dev: true }))
    expect([...dev.keys()]).toEqual([...prod.keys()])
    for (const [name, sources] of prod) expect(dev.get(name)!.slice(0, sources.length)).toEqual(sources)
    expect(dev.get('script-src')).toContain("'unsafe-inline'")
    expect(dev.get('connect-src')).toContain('ws:')
  })
})
