import { createBase64ChunkEncoder } from './base64-chunks.ts'
import { yieldToEventLoop } from '../event-loop.ts'

export interface BlobProgress {
  loaded: number
  total: number
}

export interface EncodeBlobOptions {
  /** Bytes read per slice. A multiple of 3 avoids carrying bytes between slices; any positive size works. */
  chunkSize?: number
  onProgress?: (progress: BlobProgress) => void
  signal?: AbortSignal
  /** Yield to the event loop between slices (default true). A worker has no UI to keep responsive. */
  yieldBetweenChunks?: boolean
}

// 768 KiB: a multiple of 3, big enough to keep per-slice overhead low, small enough to keep frames short.
export const DEFAULT_BLOB_CHUNK_SIZE = 3 * 256 * 1024

/** Reads a Blob (or File) slice by slice, yielding to the event loop between slices so the UI stays responsive. */
export async function* readBlobChunks(
  blob: Blob,
  {
    chunkSize = DEFAULT_BLOB_CHUNK_SIZE,
    signal,
    yieldBetweenChunks = true,
  }: Pick<EncodeBlobOptions, 'chunkSize' | 'signal' | 'yieldBetweenChunks'> = {},
): AsyncGenerator<Uint8Array> {
  if (!Number.isInteger(chunkSize) || chunkSize <= 0) throw new RangeError(`Invalid chunk size: ${chunkSize}`)
  for (let start = 0; start < blob.size; start += chunkSize) {
    throwIfAborted(signal)
    const buffer = await blob.slice(start, Math.min(start + chunkSize, blob.size)).arrayBuffer()
    throwIfAborted(signal)
    yield new Uint8Array(buffer)
    if (yieldBetweenChunks) await yieldToEventLoop()
  }
}

/**
 * Base64-encodes a Blob without reading it whole into memory at once and without blocking the main thread
 * for longer than one slice. Rejects with the signal's reason (an `AbortError` by default) when aborted.
 */
export async function encodeBlobToBase64(blob: Blob, options: EncodeBlobOptions = {}): Promise<string> {
  const { onProgress, signal } = options
  const encoder = createBase64ChunkEncoder()
  const parts: string[] = []
  let loaded = 0
  throwIfAborted(signal)
  onProgress?.({ loaded: 0, total: blob.size })
  for await (const chunk of readBlobChunks(blob, options)) {
    parts.push(encoder.push(chunk))
    loaded += chunk.length
    onProgress?.({ loaded, total: blob.size })
  }
  parts.push(encoder.finish())
  return parts.join('')
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError')
}
