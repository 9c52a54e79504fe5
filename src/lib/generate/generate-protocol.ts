import type { GeneratedRecord, GenerateSpec } from './generator.ts'

/** Messages to the generator worker. */
export type GenerateRequest =
  { type: 'init'; spec: GenerateSpec } | { type: 'records'; id: number; from: number; count: number }

/** Messages from the generator worker. */
export type GenerateResponse =
  | { type: 'records'; id: number; records: GeneratedRecord[] }
  | { type: 'error'; id: number; field: string | null; message: string }

/** The buffers of a batch, so posting it moves them instead of copying. */
export function transferables(records: GeneratedRecord[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = []
  for (const r of records) {
    out.push(r.value.buffer as ArrayBuffer)
    if (r.key) out.push(r.key.buffer as ArrayBuffer)
    for (const h of r.headers) out.push(h.value.buffer as ArrayBuffer)
  }
  return out
}
