import type { GenerateRequest, GenerateResponse } from './generate-protocol.ts'
import type { SchemaValues } from './schema-values.ts'
import {
  checkSpec,
  createGenerator,
  GenerateSpecError,
  loadFaker,
  type GeneratedRecord,
  type GenerateSpec,
} from './generator.ts'

/** Where a run gets its records: a range in, their bytes out. */
export interface RecordSource {
  records(from: number, count: number): Promise<GeneratedRecord[]>
  close(): void
}

function createWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null
  try {
    // Written literally so Vite bundles the worker (and the fake-data library) as a separate module.
    return new Worker(new URL('./generate-worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return null // e.g. blocked by a Content-Security-Policy
  }
}

/** Generation on this thread (tests, previews, browsers that refuse the worker). */
export async function mainThreadSource(
  spec: GenerateSpec,
): Promise<RecordSource & { schemaValues?: SchemaValues }> {
  checkSpec(spec)
  const schemaValues = spec.valueSchema
    ? await (await import('./schema-values.ts')).loadSchemaValues(spec.valueSchema)
    : undefined
  const records = createGenerator(spec, await loadFaker(), schemaValues)
  return { records: async (from, count) => records(from, count), close: () => {}, schemaValues }
}

/**
 * A source that generates in a Web Worker (on this thread when workers are unavailable). The spec is checked on
 * this thread first, so a template mistake is reported before any worker starts.
 */
export async function workerSource(spec: GenerateSpec): Promise<RecordSource> {
  checkSpec(spec) // the main thread never loads the fake-data library for a run
  const worker = createWorker()
  if (!worker) return mainThreadSource(spec)
  let nextId = 1
  const waiting = new Map<number, { resolve(r: GeneratedRecord[]): void; reject(e: Error): void }>()
  const failAll = (e: Error) => {
    for (const w of waiting.values()) w.reject(e)
    waiting.clear()
  }
  worker.onmessage = (event: MessageEvent<GenerateResponse>) => {
    const m = event.data
    const w = waiting.get(m.id)
    if (!w) return
    waiting.delete(m.id)
    if (m.type === 'records') w.resolve(m.records)
    else
      w.reject(
        m.field
          ? new GenerateSpecError(m.field, new Error(m.message.replace(`${m.field}: `, '')))
          : new Error(m.message),
      )
  }
  worker.onerror = (event) => {
    event.preventDefault()
    failAll(new Error(`The generator worker failed: ${event.message || 'it could not be loaded'}`))
  }
  worker.postMessage({ type: 'init', spec } satisfies GenerateRequest)
  return {
    records: (from, count) =>
      new Promise((resolve, reject) => {
        const id = nextId++
        waiting.set(id, { resolve, reject })
        worker.postMessage({ type: 'records', id, from, count } satisfies GenerateRequest)
      }),
    close: () => {
      worker.terminate()
      failAll(new Error('The generator was closed'))
    },
  }
}
