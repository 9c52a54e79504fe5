import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import type { ScenarioContext } from '../server.ts'
import { askSandbox } from '../upstream.ts'

const MB = 1024 * 1024
let bomb: Buffer | undefined

/** 300 MB of zeros as gzip (about 300 KB): concatenated gzip members are one valid gzip stream. */
function gzipBomb(): Buffer {
  if (!bomb) {
    const member = gzipSync(Buffer.alloc(MB))
    bomb = Buffer.concat(Array.from({ length: 300 }, () => member))
  }
  return bomb
}

/**
 * Answers compressed although the console never asked for it. `/gzip/gzip/...`, `/gzip/br/...`,
 * `/gzip/deflate/...`: the sandbox's answer, encoded. `/gzip/bomb/...`: 300 MB of zeros as gzip.
 * `/gzip/zstd/...`: an encoding the proxy does not decode.
 */
export async function handle(ctx: ScenarioContext): Promise<void> {
  const [, mode = 'gzip', ...rest] = ctx.path.split('/')
  if (mode === 'bomb') {
    const body = gzipBomb()
    ctx.res
      .writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': body.length,
      })
      .end(body)
    return
  }
  const answer = await askSandbox(ctx, '/' + rest.join('/') + ctx.search)
  const encode =
    mode === 'br'
      ? brotliCompressSync
      : mode === 'deflate'
        ? deflateSync
        : mode === 'zstd'
          ? (b: Buffer) => b
          : gzipSync
  const body = encode(answer.body)
  ctx.res
    .writeHead(answer.status, {
      'content-type': answer.contentType,
      'content-encoding': mode,
      'content-length': body.length,
    })
    .end(body)
}
