import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../server/sandbox/sandbox-server.ts'

/**
 * A full disk under the sandbox: the write fails with ENOSPC (injected into write(2), since a full filesystem
 * cannot be made on demand here). The produce must fail clearly, per record, lose nothing acknowledged before,
 * leave no torn record behind, and the sandbox must keep serving.
 */
const KEY = 'fault-key'
const headers = {
  'X-Auth-Token': KEY,
  'Content-Type': 'application/vnd.kafka.binary.v2+json',
  Accept: 'application/vnd.kafka.v2+json',
}
let sandbox: RunningSandbox | null = null
const dirs: string[] = []

afterEach(async () => {
  await sandbox?.close()
  sandbox = null
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

async function produce(url: string, value: string) {
  const res = await fetch(`${url}/topics/full/partitions/0`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ records: [{ value: Buffer.from(value).toString('base64') }] }),
  })
  return {
    status: res.status,
    body: (await res.json()) as {
      offsets: Array<{ offset: number | null; error_code: number | null; error: string | null }>
    },
  }
}

describe('sandbox on a full disk', () => {
  it('reports ENOSPC per record, keeps serving, and stays contiguous once space returns', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-full-'))
    dirs.push(dir)
    sandbox = await startSandbox({ port: 0, dataDir: dir, apiKeys: [KEY], demoData: false, log: () => {} })
    await fetch(`${sandbox.url}/admin/topics`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'full', partitions: 1 }),
    })
    expect((await produce(sandbox.url, 'before')).body.offsets[0]).toMatchObject({
      offset: 0,
      error_code: null,
    })

    const enospc = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
    const spy = vi.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw enospc
    })
    const failed = await produce(sandbox.url, 'during')
    spy.mockRestore()
    expect(failed.status).toBe(200)
    expect(failed.body.offsets[0]).toMatchObject({ offset: null, error_code: 50003 })
    expect(failed.body.offsets[0].error).toMatch(/ENOSPC/)

    expect((await produce(sandbox.url, 'after')).body.offsets[0]).toMatchObject({
      offset: 1,
      error_code: null,
    })
    const read = await fetch(`${sandbox.url}/topics/full/partitions/0/messages?offset=0&count=10`, {
      headers: { 'X-Auth-Token': KEY, Accept: 'application/vnd.kafka.binary.v1+json' },
    })
    const records = (await read.json()) as Array<{ offset: number; value: string }>
    expect(records.map((r) => [r.offset, Buffer.from(r.value, 'base64').toString()])).toEqual([
      [0, 'before'],
      [1, 'after'],
    ])

    // And after a restart, the log on disk has exactly the acknowledged records.
    await sandbox.close()
    sandbox = await startSandbox({ port: 0, dataDir: dir, apiKeys: [KEY], demoData: false, log: () => {} })
    const again = await fetch(`${sandbox.url}/topics/full/partitions/0/offsets`, {
      headers: { 'X-Auth-Token': KEY, Accept: 'application/vnd.kafka.v2+json' },
    })
    expect(await again.json()).toEqual({ beginning_offset: 0, end_offset: 2 })
  })
})
