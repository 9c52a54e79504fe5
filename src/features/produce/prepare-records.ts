import type { ProduceRecord } from '../../api/types.ts'
import {
  encodeFileToBase64Blob,
  type EncodeToBlobOptions,
} from '../../lib/produce/encode-file-to-base64-blob.ts'

/** Performance marks around the file encoding of one produce (the benchmark's encoding window). */
export const ENCODE_START_MARK = 'krc:encode-start'
export const ENCODE_DONE_MARK = 'krc:encode-done'

export interface PendingRecord {
  record: ProduceRecord
  /** A file whose exact bytes become the value. */
  file: File | null
}

export interface PrepareOptions {
  signal?: AbortSignal
  /** Bytes of all files encoded so far, of their total. */
  onProgress?: (loaded: number, total: number) => void
  /** Injected in tests; defaults to the Web Worker encoder (main-thread chunks where workers are unavailable). */
  encodeFile?: (file: Blob, options: EncodeToBlobOptions) => Promise<string | Blob>
}

/**
 * Fills in file values: each file is base64-encoded off the main thread into a Blob (`valueBase64`, which the
 * adapters splice into the body without it ever becoming a main-thread string) and its bytes are kept as
 * `value` for dialects that send raw bytes.
 */
export async function prepareRecords(
  pending: PendingRecord[],
  options: PrepareOptions = {},
): Promise<ProduceRecord[]> {
  const { signal, onProgress, encodeFile = encodeFileToBase64Blob } = options
  const total = pending.reduce((n, p) => n + (p.file?.size ?? 0), 0)
  let done = 0
  const out: ProduceRecord[] = []
  const hasFiles = pending.some((p) => p.file)
  if (hasFiles) performance.mark(ENCODE_START_MARK)
  for (const { record, file } of pending) {
    if (!file) {
      out.push(record)
      continue
    }
    onProgress?.(done, total)
    const valueBase64 = await encodeFile(file, {
      signal,
      onProgress: (loaded) => onProgress?.(done + loaded, total),
    })
    const value = new Uint8Array(await file.arrayBuffer())
    signal?.throwIfAborted()
    done += file.size
    onProgress?.(done, total)
    out.push({ ...record, value, valueBase64 })
  }
  if (hasFiles) performance.mark(ENCODE_DONE_MARK)
  return out
}
