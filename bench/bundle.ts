import { readFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

export interface Sizes {
  raw: number
  gzip: number
  brotli: number
}

export interface BundleResult {
  initialJs: Sizes
  css: Sizes
  files: Array<{ file: string; kind: 'js' | 'css'; raw: number; gzip: number }>
}

function sizes(buf: Buffer): Sizes {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}

/** Initial JS and CSS = what index.html loads before any lazy chunk: its module script, modulepreloads and styles. */
export function measureBundle(distDir: string): BundleResult {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8')
  const js = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g),
  ].map((m) => m[1])
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g)].map((m) => m[1])
  const read = (f: string) => readFileSync(path.join(distDir, f.replace(/^\.?\//, '')))
  const files = [
    ...js.map((f) => ({ file: f, kind: 'js' as const, buf: read(f) })),
    ...css.map((f) => ({ file: f, kind: 'css' as const, buf: read(f) })),
  ]
  return {
    initialJs: sizes(Buffer.concat(files.filter((f) => f.kind === 'js').map((f) => f.buf))),
    css: sizes(Buffer.concat(files.filter((f) => f.kind === 'css').map((f) => f.buf))),
    files: files.map((f) => ({
      file: f.file,
      kind: f.kind,
      raw: f.buf.length,
      gzip: gzipSync(f.buf, { level: 9 }).length,
    })),
  }
}
