/** Durability: acknowledged records survive `kill -9` of `tsx server/sandbox/main.ts` and a restart. */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startSandbox } from './sandbox-server.ts'
import { KEY, b64, request } from './test-support.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
const dirs: string[] = []
const children: ChildProcess[] = []

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.pid !== undefined) killGroup(child.pid)
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

/** tsx runs the script in a child node process: signal the whole process group, like a real kill -9. */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

async function launch(dataDir: string, extra: string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(TSX, ['server/sandbox/main.ts', '--port', '0', '--data-dir', dataDir, ...extra], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${out}`)), 15_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /sandbox listening on (http:\/\/\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${out}`)))
  })
  return { url, child }
}

const waitExit = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  )

describe('persistence', () => {
  it('keeps every acknowledged record across kill -9 during a produce burst', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-persist-'))
    dirs.push(dir)
    const first = await launch(dir, ['--api-key', KEY, '--no-demo-data'])
    const sb = { url: first.url }
    const clusters = await request(sb, 'GET', '/v3/clusters')
    const cluster = clusters.json.data[0].cluster_id as string
    await request(sb, 'POST', `/v3/clusters/${cluster}/topics`, {
      headers: { 'Content-Type': 'application/json' },
      body: { topic_name: 'durable', partitions_count: 3 },
    })

    const acknowledged = new Map<string, Buffer>()
    let stop = false
    let seq = 0
    const producer = async (): Promise<void> => {
      while (!stop) {
        const batch = Array.from({ length: 10 }, () => Buffer.from(`value-${seq++}-${'x'.repeat(seq % 50)}`))
        try {
          const res = await request(sb, 'POST', '/topics/durable', {
            headers: { 'Content-Type': 'application/vnd.kafka.binary.v2+json' },
            body: { records: batch.map((v, i) => ({ key: b64(`k${i}`), value: b64(v) })) },
          })
          res.json.offsets.forEach(
            (o: { partition: number; offset: number; error_code: unknown }, i: number) => {
              if (o.error_code === null) acknowledged.set(`${o.partition}:${o.offset}`, batch[i])
            },
          )
        } catch {
          return // the server died mid-request: that batch was never acknowledged
        }
      }
    }
    const producers = Array.from({ length: 8 }, () => producer())
    await new Promise((r) => setTimeout(r, 400))
    killGroup(first.child.pid!)
    stop = true
    await Promise.all(producers)
    await waitExit(first.child)
    expect(acknowledged.size).toBeGreaterThan(50)
    console.log(`[persistence] kill -9 after ${acknowledged.size} acknowledged records from 8 producers`)

    const second = await launch(dir, ['--api-key', KEY])
    const sb2 = { url: second.url }
    const topics = await request(sb2, 'GET', '/topics')
    expect(topics.json).toEqual(['durable']) // no demo data on a used data dir
    expect((await request(sb2, 'GET', '/v3/clusters')).json.data[0].cluster_id).toBe(cluster)
    const found = new Map<string, Buffer>()
    for (let p = 0; p < 3; p++) {
      const res = await request(sb2, 'GET', `/topics/durable/partitions/${p}/messages?offset=0&count=100000`)
      expect(res.status).toBe(200)
      res.json.forEach((r: { offset: number; value: string }, i: number) => {
        expect(r.offset).toBe(i) // contiguous from 0
        found.set(`${p}:${r.offset}`, Buffer.from(r.value, 'base64'))
      })
    }
    for (const [where, value] of acknowledged) expect(found.get(where), where).toEqual(value)
    killGroup(second.child.pid!)
    await waitExit(second.child)
  }, 30_000)

  it('retention state and the demo key survive a restart (in-process)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-retain-'))
    dirs.push(dir)
    const opts = {
      port: 0,
      dataDir: dir,
      apiKeys: [],
      demoData: false,
      retention: { maxRecords: 2 },
      log: () => undefined,
    }
    const a = await startSandbox(opts)
    const key = a.apiKeys[0]
    const headers = {
      'X-Auth-Token': key,
      'Content-Type': 'application/vnd.kafka.v2+json',
      Accept: 'application/vnd.kafka.v2+json',
    }
    await request(a, 'POST', '/admin/topics', { auth: false, headers, body: { name: 'r' } })
    for (let i = 0; i < 5; i++) {
      await request(a, 'POST', '/topics/r', {
        auth: false,
        headers,
        body: { records: [{ value: b64(`m${i}`) }] },
      })
    }
    await a.close()
    const b = await startSandbox(opts)
    try {
      expect(b.apiKeys).toEqual([key])
      const offsets = await request(b, 'GET', '/topics/r/partitions/0/offsets', { auth: false, headers })
      expect(offsets.json).toEqual({ beginning_offset: 3, end_offset: 5 })
    } finally {
      await b.close()
    }
  })

  it('an unusable data dir fails at startup with a clear message', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-bad-')), 'plain-file')
    dirs.push(path.dirname(file))
    fs.writeFileSync(file, 'x')
    await expect(
      startSandbox({ port: 0, dataDir: path.join(file, 'sub'), log: () => undefined }),
    ).rejects.toThrow(/data dir .* is not usable: ENOTDIR/)
  })
})
