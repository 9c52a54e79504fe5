import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../server/sandbox/sandbox-server.ts'
import { createClient } from '../../src/api/create-client.ts'
import type { EndpointProfile } from '../../src/api/detect.ts'
import type { RequestLogEntry } from '../../src/api/http/transport.ts'
import type { KafkaRestClient } from '../../src/api/kafka-rest-client.ts'

/**
 * Names that are paths (issue 12): every path builder either encodes a name so the request still addresses
 * it, or refuses it before sending. Run against the sandbox and a small hostile endpoint over real HTTP.
 */
const KEY = 'names-key'
const BAD_NAMES = ['.', '..', '', 'bad\ud800name']

function clientFor(url: string, profile: EndpointProfile, log: RequestLogEntry[]): KafkaRestClient {
  return createClient(
    { endpoint: url, apiKey: KEY, useProxy: false, authScheme: 'x-auth-token', adminEndpoint: url },
    profile,
    (e, phase) => {
      if (phase === 'start') log.push({ ...e })
    },
  )
}

const reason = (name: string) =>
  name === ''
    ? /empty .* cannot be put in a URL path/
    : name.length <= 2
      ? new RegExp(`"${name.replace(/\./g, '\\.')}" cannot be put in a URL path`)
      : /unpaired UTF-16 surrogate \(U\+D800\)/

describe('names that cannot be a path segment are refused before any request', () => {
  let sandbox: RunningSandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, apiKeys: [KEY], demoData: true, log: () => {} })
  })
  afterAll(() => sandbox.close())

  const one = { value: new TextEncoder().encode('x'), key: null }
  // Every dialect family, every operation that puts a topic, group or cluster id into the path.
  const CASES: Array<[string, EndpointProfile, (c: KafkaRestClient, name: string) => Promise<unknown>]> = [
    ['v1 topic metadata', { dialect: 'confluent-v1' }, (c, n) => c.getTopic(n)],
    ['v1 simple consumer', { dialect: 'confluent-v1' }, (c, n) => c.getPartitionOffsets(n, 0)],
    ['v1 produce', { dialect: 'confluent-v1' }, (c, n) => c.produce(n, [one])],
    ['v1 + IBM admin delete', { dialect: 'confluent-v1', ibmAdmin: true }, (c, n) => c.deleteTopic(n)],
    ['v2 topic metadata', { dialect: 'confluent-v2' }, (c, n) => c.getTopic(n)],
    ['v2 offsets', { dialect: 'confluent-v2' }, (c, n) => c.getPartitionOffsets(n, 0)],
    [
      'v2 produce to a partition',
      { dialect: 'confluent-v2' },
      (c, n) => c.produce(n, [one], { partition: 0 }),
    ],
    ['v3 topic', { dialect: 'confluent-v3', clusterId: 'c' }, (c, n) => c.getTopic(n)],
    ['v3 produce', { dialect: 'confluent-v3', clusterId: 'c' }, (c, n) => c.produce(n, [one])],
    ['v3 delete', { dialect: 'confluent-v3', clusterId: 'c' }, (c, n) => c.deleteTopic(n)],
    ['v3 consumer lags', { dialect: 'confluent-v3', clusterId: 'c' }, (c, n) => c.getConsumerLags(n)],
    ['v3 cluster id', { dialect: 'confluent-v3', clusterId: '..' }, (c) => c.listTopics()],
    ['Strimzi produce', { dialect: 'strimzi' }, (c, n) => c.produce(n, [one])],
    ['Karapace topic', { dialect: 'karapace' }, (c, n) => c.getTopic(n)],
    ['Redpanda topic', { dialect: 'redpanda' }, (c, n) => c.getTopic(n)],
    [
      'Redpanda records',
      { dialect: 'redpanda' },
      (c, n) => c.fetchRecords({ topic: n, partition: 0, offset: '0', count: 1 }),
    ],
    ['IBM Event Streams produce', { dialect: 'ibm-event-streams' }, (c, n) => c.produce(n, [one])],
    ['IBM Event Streams admin delete', { dialect: 'ibm-event-streams' }, (c, n) => c.deleteTopic(n)],
  ]

  it.each(CASES)('%s', async (what, profile, call) => {
    for (const name of profile.clusterId === '..' ? ['..'] : BAD_NAMES) {
      const log: RequestLogEntry[] = []
      const client = clientFor(sandbox.url, profile, log)
      await expect(call(client, name), `${what} with ${JSON.stringify(name)}`).rejects.toThrow(
        profile.clusterId === '..' ? /cluster id "\.\." cannot be put in a URL path/ : reason(name),
      )
      expect(log.map((e) => `${e.method} ${e.url}`)).toEqual([])
    }
  })
})

describe('names with /, ?, # and % still address that name', () => {
  let sandbox: RunningSandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, apiKeys: [KEY], demoData: true, log: () => {} })
  })
  afterAll(() => sandbox.close())

  it('v3 consumer group lags: the endpoint sees the whole name as one group id', async () => {
    const group = 'team/a?b#c%d ..'
    const created = await fetch(`${sandbox.url}/consumers/${encodeURIComponent(group)}`, {
      method: 'POST',
      headers: { 'x-auth-token': KEY, 'content-type': 'application/vnd.kafka.v2+json' },
      body: JSON.stringify({ name: 'i1', format: 'binary' }),
    })
    expect(created.status).toBe(200)
    const clusters = (await (
      await fetch(`${sandbox.url}/v3/clusters`, { headers: { 'x-auth-token': KEY } })
    ).json()) as { data: Array<{ cluster_id: string }> }
    const log: RequestLogEntry[] = []
    const clusterId = clusters.data[0].cluster_id
    const client = clientFor(sandbox.url, { dialect: 'confluent-v3', clusterId }, log)
    const groups = await client.listConsumerGroups()
    expect(groups.map((g) => g.groupId)).toContain(group)
    await expect(client.getConsumerLags(group)).resolves.toEqual([])
    expect(log.at(-1)?.url).toContain('/consumer-groups/team%2Fa%3Fb%23c%25d%20../lags')
    // A missing one: the endpoint's own message quotes the name it was asked for, whole.
    await expect(client.getConsumerLags('x/../y?z')).rejects.toThrow(/x\/\.\.\/y\?z cannot be found/)
  })
})

describe('a consumer instance named ".." (hostile endpoint)', () => {
  let server: Server
  let url = ''
  const seen: string[] = []
  /** What the endpoint answers to "create a consumer": instance_id and base_uri. */
  let answer: (group: string) => Record<string, unknown> = () => ({})
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`)
      req.resume()
      req.on('end', () => {
        const m = /^\/consumers\/([^/]+)$/.exec(req.url ?? '')
        if (req.method === 'POST' && m) {
          res.writeHead(200, { 'content-type': 'application/vnd.kafka.v2+json' })
          res.end(JSON.stringify(answer(m[1])))
        } else {
          res.writeHead(404, { 'content-type': 'application/json' })
          res.end('{"error_code":404,"message":"no"}')
        }
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  it.each([
    [
      'base_uri …/instances/..',
      (g: string) => ({ instance_id: '..', base_uri: `${url}/consumers/${g}/instances/..` }),
    ],
    [
      'base_uri …/instances/%2e%2e',
      (g: string) => ({ instance_id: 'x', base_uri: `${url}/consumers/${g}/instances/%2e%2e` }),
    ],
    [
      'base_uri …/instances/.%2E',
      (g: string) => ({ instance_id: 'x', base_uri: `${url}/consumers/${g}/instances/.%2E` }),
    ],
    ['no base_uri, instance_id ..', () => ({ instance_id: '..' })],
  ])('is refused with the reason, and nothing goes to the group or the root (%s)', async (_what, make) => {
    seen.length = 0
    answer = make
    const client = clientFor(url, { dialect: 'confluent-v2' }, [])
    await expect(
      client.fetchRecords({ topic: 't', partition: 0, offset: '0', count: 1, endOffset: '1' }),
    ).rejects.toThrow(/consumer instance id "\.\." cannot be put in a URL path/)
    await client.dispose()
    // Before: DELETE /consumers/<group>/ (the URL parser had turned …/instances/.. into the group).
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatch(/^POST \/consumers\/krc-browse-[0-9a-f]+$/)
  })
})
