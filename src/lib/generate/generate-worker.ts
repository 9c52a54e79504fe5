/// <reference lib="webworker" />
// Generates records off the main thread: the page asks for ranges and gets their bytes back, transferred.
import { faker } from '@faker-js/faker/locale/en'
import { bytesToBase64 } from '../bytes/base64.ts'
import { transferables, type GenerateRequest, type GenerateResponse } from './generate-protocol.ts'
import { createGenerator, GenerateSpecError, type GeneratedRecord } from './generator.ts'

type Records = (from: number, count: number) => GeneratedRecord[]

// A schema run loads its codec first: requests wait for it, in the order they came.
let ready: Promise<Records> = Promise.reject(new Error('The generator was not initialised'))
ready.catch(() => {})

const post = (m: GenerateResponse, transfer: Transferable[] = []) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer)

async function init(spec: Extract<GenerateRequest, { type: 'init' }>['spec']): Promise<Records> {
  if (!spec.valueSchema) return createGenerator(spec, faker)
  // Loaded only for a schema run: the codecs stay out of template runs.
  const { loadSchemaValues } = await import('./schema-values.ts')
  return createGenerator(spec, faker, await loadSchemaValues(spec.valueSchema))
}

self.onmessage = (event: MessageEvent<GenerateRequest>) => {
  const m = event.data
  if (m.type === 'init') {
    ready = init(m.spec)
    ready.catch(() => {})
    return
  }
  void ready
    .then((records) => {
      const out = records(m.from, m.count)
      for (const r of out) r.valueBase64 = bytesToBase64(r.value)
      post({ type: 'records', id: m.id, records: out }, transferables(out))
    })
    .catch((e: unknown) => {
      const field = e instanceof GenerateSpecError ? e.field : null
      post({ type: 'error', id: m.id, field, message: (e as Error).message })
    })
}
