import { afterAll, beforeAll, expect, it } from 'vitest'
import { spawnConsole, type SpawnedConsole } from './support/spawn-console.ts'

/** With per-request logging on, neither the key nor any header value reaches the server's output. */
const KEY = 'sandbox-key-for-log-test'
let server: SpawnedConsole
beforeAll(async () => {
  server = await spawnConsole(KEY, ['--verbose'])
}, 60_000)
afterAll(() => server?.stop())

it('never logs credentials, even with --verbose', async () => {
  const secret = 'user-secret-token-9f8e7d'
  const auths: Array<Record<string, string>> = [
    { 'X-Auth-Token': secret },
    { Authorization: `Bearer ${secret}` },
    { 'X-Auth-Token': KEY },
  ]
  for (const auth of auths) {
    await fetch(`${server.consoleUrl}/proxy/topics?x=1`, {
      headers: {
        'X-Kafka-Rest-Endpoint': server.sandboxUrl,
        Accept: 'application/vnd.kafka.v2+json',
        ...auth,
      },
    })
  }
  await fetch(`${server.consoleUrl}/proxy/topics`, {
    headers: { 'X-Kafka-Rest-Endpoint': 'http://127.0.0.1:9', 'X-Auth-Token': secret },
  })
  await new Promise((r) => setTimeout(r, 200))
  const out = server.output()
  expect(out).toMatch(/proxy GET http:\/\/127\.0\.0\.1:\d+\/topics -> 200/)
  expect(out).toMatch(/-> 502 \(ECONNREFUSED\)/)
  expect(out).not.toContain(secret)
  expect(out).not.toContain('Bearer')
  // The console's own sandbox key was given on the command line, so it is not printed either.
  expect(out).not.toContain(KEY)
})
