/** Messages between the page and the scan worker, and the worker's handler (pure, tested without a worker). */
import type { CelProblem } from './cel-filter.ts'
import { buildFilter, type BatchResult, type FilterSpec } from './scan-filter.ts'
import { unpackScanRecords, type PackedScanRecords, type ScanRecord } from './scan-record.ts'

export type ScanWorkerRequest =
  | { type: 'init'; spec: FilterSpec }
  /** `packed` when the page packs (base64 text), `records` otherwise. */
  | { type: 'batch'; id: number; records?: ScanRecord[]; packed?: PackedScanRecords; maxMatches: number }

export type ScanWorkerResponse =
  | { type: 'ready' }
  | { type: 'invalid'; problem: CelProblem }
  | ({ type: 'result'; id: number } & BatchResult)
  | { type: 'failed'; id?: number; message: string }

export function createScanHandler(post: (response: ScanWorkerResponse) => void) {
  let run: ((batch: ScanRecord[], max: number) => BatchResult) | null = null
  return (msg: ScanWorkerRequest) => {
    try {
      if (msg.type === 'init') {
        const built = buildFilter(msg.spec)
        if (built.ok) {
          run = built.run
          post({ type: 'ready' })
        } else post({ type: 'invalid', problem: built.problem })
      } else if (!run) post({ type: 'failed', id: msg.id, message: 'The filter was not set up.' })
      else {
        const records = msg.packed ? unpackScanRecords(msg.packed) : (msg.records ?? [])
        post({ type: 'result', id: msg.id, ...run(records, msg.maxMatches) })
      }
    } catch (e) {
      post({ type: 'failed', id: msg.type === 'batch' ? msg.id : undefined, message: String(e) })
    }
  }
}
