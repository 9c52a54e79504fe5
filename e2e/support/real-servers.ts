import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

/**
 * The real lane's servers (`npm run real:up`): where they run, and a small independent REST client that seeds
 * and inspects them from the test process, not through the console. Shared by the Vitest real suite and the
 * Playwright `strimzi` / `karapace` projects.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const STATE = path.join(ROOT, 'e2e/real-kafka/run/pids.json')

export type RealServer = 'strimzi' | 'karapace'

export interface RealLane {
  broker: { bootstrap: string; port: number }
  bridge: { url: string; port: number; version: string }
  karapace: { url: string; registryUrl: string; port: number; version: string }
}

export function readLane(): RealLane {
  let state: Partial<RealLane>
  try {
    state = JSON.parse(readFileSync(STATE, 'utf8')) as Partial<RealLane>
  } catch {
    throw new Error(`no ${path.relative(ROOT, STATE)}: start the real servers first (npm run real:up)`)
  }
  if (!state.broker || !state.bridge || !state.karapace)
    throw new Error('the real lane needs the broker, the bridge and Karapace: run `npm run real:up`')
  return state as RealLane
}

export const serverUrl = (lane: RealLane, server: RealServer) =>
  server === 'strimzi' ? lane.bridge.url : lane.karapace.url

const run = promisify(execFile)

/** Runs `node scripts/real-kafka.mjs <args>` (create-topic, stop, start) and waits for it. */
export async function laneCommand(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [path.join(ROOT, 'scripts/real-kafka.mjs'), ...args], {
    timeout: 120_000,
  })
  return stdout
}

/** Kafka's default record limit (1 MiB + 12 bytes of overhead), for a topic that keeps it. */
export const KAFKA_DEFAULT_MAX_MESSAGE_BYTES = 1048588

export interface StoredRecord {
  partition: number
  offset: number
  timestamp?: number
  key: Uint8Array | null
  value: Uint8Array | null
  headers?: Array<{ key: string; value: Uint8Array }>
}

interface WireRecord {
  partition: number
  offset: number
  timestamp?: number
  key: string | null
  value: string | null
  headers?: Array<{ key: string; value: string }>
}

const V2 = 'application/vnd.kafka.v2+json'
const BINARY = 'application/vnd.kafka.binary.v2+json'
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
const unb64 = (s: string | null) => (s === null ? null : new Uint8Array(Buffer.from(s, 'base64')))

export interface SeedRecord {
  key?: Uint8Array | null
  value: Uint8Array
  partition?: number
  headers?: Array<{ key: string; value: Uint8Array }>
}

/** Seeds and inspects one real server over its v2 REST API (topic creation goes through the bridge). */
export class RealApi {
  readonly url: string
  readonly server: RealServer
  private readonly lane: RealLane

  constructor(lane: RealLane, server: RealServer) {
    this.lane = lane
    this.server = server
    this.url = serverUrl(lane, server)
  }

  private async call(method: string, url: string, body?: unknown, contentType = V2, accept = V2) {
    const res = await fetch(url, {
      method,
      headers: { Accept: accept, ...(body === undefined ? {} : { 'Content-Type': contentType }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${url} -> ${res.status} ${text.slice(0, 300)}`)
    return text ? (JSON.parse(text) as unknown) : null
  }

  /**
   * Creates a topic (through the bridge's admin API, or TopicCommand when a record limit is given) and waits
   * until this server sees it.
   */
  async createTopic(name: string, partitions = 1, options: { maxMessageBytes?: number } = {}) {
    if (options.maxMessageBytes)
      await laneCommand(
        'create-topic',
        name,
        String(partitions),
        '--config',
        `max.message.bytes=${options.maxMessageBytes}`,
      )
    else
      await this.call(
        'POST',
        `${this.lane.bridge.url}/admin/topics`,
        { topic_name: name, partitions_count: partitions },
        'application/vnd.kafka.json.v2+json', // the bridge refuses application/json and the v2 metadata type
      )
    const deadline = Date.now() + 20_000
    for (;;) {
      try {
        const t = (await this.call('GET', `${this.url}/topics/${encodeURIComponent(name)}`)) as {
          partitions: unknown[]
        }
        if (t.partitions.length === partitions) return
      } catch (e) {
        if (Date.now() > deadline) throw e
      }
      await new Promise((r) => setTimeout(r, 200))
    }
  }

  async produce(topic: string, records: SeedRecord[]) {
    const body = {
      records: records.map((r) => ({
        ...(r.key ? { key: b64(r.key) } : {}),
        value: b64(r.value),
        ...(r.partition === undefined ? {} : { partition: r.partition }),
        ...(r.headers ? { headers: r.headers.map((h) => ({ key: h.key, value: b64(h.value) })) } : {}),
      })),
    }
    const res = (await this.call(
      'POST',
      `${this.url}/topics/${encodeURIComponent(topic)}`,
      body,
      BINARY,
    )) as {
      offsets: Array<{ partition: number; offset: number; error_code?: number | null; error?: string | null }>
    }
    const failed = res.offsets.find((o) => o.error_code || o.error)
    if (failed) throw new Error(`seeding ${topic} failed: ${JSON.stringify(failed)}`)
    return res
  }

  async endOffset(topic: string, partition: number): Promise<number> {
    const o = (await this.call(
      'GET',
      `${this.url}/topics/${encodeURIComponent(topic)}/partitions/${partition}/offsets`,
    )) as { end_offset: number }
    return o.end_offset
  }

  /** Reads records back byte for byte with a temporary v2 consumer (deleted afterwards). */
  async readRecords(
    topic: string,
    partition: number,
    offset: number,
    count: number,
  ): Promise<StoredRecord[]> {
    const group = `e2e-read-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`
    const commit =
      this.server === 'strimzi' ? { 'enable.auto.commit': false } : { 'auto.commit.enable': 'false' }
    const created = (await this.call('POST', `${this.url}/consumers/${group}`, {
      name: 'reader',
      format: 'binary',
      'auto.offset.reset': 'earliest',
      ...commit,
    })) as { base_uri: string }
    const base = `${this.url}${new URL(created.base_uri).pathname}`
    try {
      await this.call('POST', `${base}/assignments`, { partitions: [{ topic, partition }] })
      // Karapace applies an assignment asynchronously: a seek right after it may be 409 "is unassigned".
      for (let attempt = 1; ; attempt++) {
        try {
          await this.call('POST', `${base}/positions`, { offsets: [{ topic, partition, offset }] })
          break
        } catch (e) {
          if (attempt >= 10 || !/-> 409 .*unassigned/.test(String(e))) throw e
          await new Promise((r) => setTimeout(r, 100 * attempt))
        }
      }
      const out: StoredRecord[] = []
      const deadline = Date.now() + 30_000
      let empty = 0
      while (out.length < count && Date.now() < deadline && empty < 8) {
        const batch = (await this.call(
          'GET',
          `${base}/records?timeout=1000`,
          undefined,
          V2,
          BINARY,
        )) as WireRecord[]
        empty = batch.length ? 0 : empty + 1
        for (const r of batch)
          out.push({
            partition: r.partition,
            offset: r.offset,
            timestamp: r.timestamp,
            key: unb64(r.key),
            value: unb64(r.value),
            headers: r.headers?.map((h) => ({ key: h.key, value: unb64(h.value) ?? new Uint8Array() })),
          })
      }
      return out.slice(0, count)
    } finally {
      await this.call('DELETE', base).catch(() => undefined)
    }
  }

  /** Asks the server whether a consumer instance (`/consumers/{g}/instances/{i}`) still exists. */
  async consumerInstanceExists(instancePath: string): Promise<boolean> {
    // Strimzi has no GET on assignments; Karapace none on subscription. Both answer 404 for a gone instance.
    const probe = this.server === 'strimzi' ? 'subscription' : 'assignments'
    const res = await fetch(`${this.url}${instancePath}/${probe}`, {
      headers: { Accept: V2 },
      signal: AbortSignal.timeout(10_000),
    })
    await res.body?.cancel()
    if (res.status === 404) return false
    if (res.ok) return true
    throw new Error(`GET ${instancePath}/${probe} answered ${res.status}`)
  }
}

/** Consumer instance paths the console created, from its request log (`POST /consumers/{group}` bodies). */
export function instancesFromLog(
  entries: Array<{
    method: string
    url: string
    status: number | null
    body: { text: string | null } | null
  }>,
): string[] {
  const out: string[] = []
  for (const e of entries) {
    const m = /\/consumers\/([^/?]+)$/.exec(new URL(e.url).pathname)
    if (e.method !== 'POST' || !m || e.status !== 200 || !e.body?.text) continue
    const name = (JSON.parse(e.body.text) as { name?: string }).name
    if (name) out.push(`/consumers/${m[1]}/instances/${encodeURIComponent(name)}`)
  }
  return out
}
