/// <reference lib="webworker" />
// Generates records off the main thread: the page asks for ranges and gets their bytes back, transferred.
import { faker } from '@faker-js/faker/locale/en'
import { bytesToBase64 } from '../bytes/base64.ts'
import { transferables, type GenerateRequest, type GenerateResponse } from './generate-protocol.ts'
import { createGenerator, GenerateSpecError, type GeneratedRecord } from './generator.ts'

let records: ((from: number, count: number) => GeneratedRecord[]) | null = null
let initError: Error | null = null

const post = (m: GenerateResponse, transfer: Transferable[] = []) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer)

self.onmessage = (event: MessageEvent<GenerateRequest>) => {
  const m = event.data
  if (m.type === 'init') {
    try {
      records = createGenerator(m.spec, faker)
      initError = null
    } catch (e) {
      initError = e as Error
    }
    return
  }
  try {
    if (initError) throw initError
    if (!records) throw new Error('The generator was not initialised')
    const out = records(m.from, m.count)
    for (const r of out) r.valueBase64 = bytesToBase64(r.value)
    post({ type: 'records', id: m.id, records: out }, transferables(out))
  } catch (e) {
    const field = e instanceof GenerateSpecError ? e.field : null
    post({ type: 'error', id: m.id, field, message: (e as Error).message })
  }
}
