/** One HTTP exchange for the fidelity run, over node:http so that a GET may carry a body as Confluent's API wants. */
import http from 'node:http'
import type { Answer } from './compare.ts'

export interface Exchange extends Answer {
  /** The first 300 characters of the body, for the log. */
  excerpt: string
}

const TIMEOUT_MS = 90_000

export function exchange(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<Exchange> {
  const url = new URL(path, base)
  const payload = body === undefined ? undefined : Buffer.from(body, 'utf8')
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        headers: { ...headers, ...(payload ? { 'Content-Length': String(payload.length) } : {}) },
        timeout: TIMEOUT_MS,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          const type = res.headers['content-type']
          const mediaType = type === undefined ? null : type.split(';')[0].trim().toLowerCase()
          resolve({
            status: res.statusCode ?? 0,
            mediaType,
            body: parseBody(text),
            excerpt: text.slice(0, 300),
          })
        })
      },
    )
    req.on('timeout', () => req.destroy(new Error(`${method} ${url.href}: no answer in ${TIMEOUT_MS} ms`)))
    req.on('error', reject)
    req.end(payload)
  })
}

function parseBody(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
