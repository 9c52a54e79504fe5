import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { Context } from 'hono'
import { CONTENT_SECURITY_POLICY } from './security-headers.ts'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}

/** Serves files from `root` (the built SPA); `/` and extension-less paths get index.html. */
export function serveDist(root: string) {
  const rootReal = realpath(root).catch(() => path.resolve(root))
  return async (c: Context): Promise<Response> => {
    const base = await rootReal
    let rel: string
    try {
      rel = decodeURIComponent(new URL(c.req.url).pathname)
    } catch {
      return c.text('Bad request', 400)
    }
    if (rel.includes('\0')) return c.text('Bad request', 400)
    if (rel === '/' || !path.extname(rel)) rel = '/index.html'
    const file = path.resolve(base, '.' + path.posix.normalize(rel))
    if (file !== base && !file.startsWith(base + path.sep)) return c.text('Not found', 404)
    let info
    try {
      const resolved = await realpath(file)
      if (!resolved.startsWith(base + path.sep)) return c.text('Not found', 404)
      info = await stat(resolved)
    } catch {
      return c.text('Not found', 404)
    }
    if (!info.isFile()) return c.text('Not found', 404)
    const ext = path.extname(file)
    const headers = new Headers({
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'content-length': String(info.size),
      // Hashed assets never change; index.html must be revalidated to pick up a new build.
      'cache-control': rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    if (ext === '.html') headers.set('content-security-policy', CONTENT_SECURITY_POLICY)
    if (c.req.method === 'HEAD') return new Response(null, { headers })
    return new Response(Readable.toWeb(createReadStream(file)) as unknown as ReadableStream, { headers })
  }
}
