/** Helpers for the sandbox tests: exact HTTP requests (no default headers added) against a live sandbox. */
import http from 'node:http'
import { startSandbox, type RunningSandbox, type SandboxOptions } from './sandbox-server.ts'

export const KEY = 'test-key'

export interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
  // Tests read fields off replies freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
}

export interface RequestOptions {
  headers?: Record<string, string>
  body?: string | Buffer | unknown
  auth?: boolean
}

export function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ port: 0, apiKeys: [KEY], demoData: false, log: () => undefined, ...options })
}

export function request(
  sandbox: { url: string },
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = {
    ...(options.auth === false ? {} : { 'X-Auth-Token': KEY }),
    ...options.headers,
  }
  let payload: Buffer | null = null
  if (options.body !== undefined) {
    payload =
      typeof options.body === 'string'
        ? Buffer.from(options.body)
        : Buffer.isBuffer(options.body)
          ? options.body
          : Buffer.from(JSON.stringify(options.body))
    headers['Content-Length'] = String(payload.length)
  }
  return new Promise((resolve, reject) => {
    const req = http.request(`${sandbox.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let json: unknown
        try {
          json = text === '' ? undefined : JSON.parse(text)
        } catch {
          // Not JSON (406, text bodies): tests look at `text` instead.
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
      })
    })
    req.on('error', reject)
    if (payload !== null) req.write(payload)
    req.end()
  })
}

export const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64')

/** Creates a topic through the v3 API, with topic configs if given. */
export async function createTopic(
  sandbox: { url: string },
  name: string,
  partitions = 1,
  configs: Record<string, string> = {},
): Promise<void> {
  const clusters = await request(sandbox, 'GET', '/v3/clusters')
  const cluster = clusters.json.data[0].cluster_id as string
  const res = await request(sandbox, 'POST', `/v3/clusters/${cluster}/topics`, {
    headers: { 'Content-Type': 'application/json' },
    body: {
      topic_name: name,
      partitions_count: partitions,
      configs: Object.entries(configs).map(([n, value]) => ({ name: n, value })),
    },
  })
  if (res.status !== 201) throw new Error(`create topic ${name}: ${res.status} ${res.text}`)
}
