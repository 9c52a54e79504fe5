/**
 * The scan's filter, pure and stateful: the Quick match and the Filter expression (both when both are given),
 * applied to a batch of records. Runs in the scan worker (scan-worker.ts), or inline where workers are missing.
 */
import { compileFilter, type CelProblem, type EvalFailure } from './cel-filter.ts'
import { quickMatcher, type QuickMatch } from './quick-match.ts'
import { decodeScanRecord, recordSize, type MatchedRecord, type ScanRecord } from './scan-record.ts'

export interface FilterSpec {
  quick?: QuickMatch
  /** CEL; empty = no expression. */
  expression?: string
}

export interface BatchResult {
  matches: MatchedRecord[]
  /** Records looked at. */
  scanned: number
  /** Bytes of keys, values and headers looked at. */
  bytes: number
  /** Records on which the expression failed to evaluate (counted as non-matches), in this batch. */
  evalErrors: number
  /** With evalErrors: the first failure this filter has seen. */
  firstEvalError?: EvalFailure
}

export type BuiltFilter =
  | { ok: true; run: (batch: ScanRecord[], maxMatches: number) => BatchResult }
  | { ok: false; problem: CelProblem }

export function buildFilter(spec: FilterSpec): BuiltFilter {
  const quick = spec.quick ? quickMatcher(spec.quick) : null
  const expression = spec.expression?.trim() ?? ''
  const compiled = expression === '' ? null : compileFilter(expression)
  if (compiled && !compiled.ok) return { ok: false, problem: compiled.problem }
  const cel = compiled?.ok ? compiled : null
  return {
    ok: true,
    run: (batch, maxMatches) => {
      const before = cel?.errors() ?? 0
      const matches: MatchedRecord[] = []
      let bytes = 0
      let scanned = 0
      for (const raw of batch) {
        const r = decodeScanRecord(raw)
        const size = recordSize(r)
        bytes += size
        scanned++
        if ((quick === null || quick(r)) && (cel === null || cel.test(r, size))) {
          matches.push(r)
          // The limit is reached inside a batch: the rest of it is not scanned, so progress stays exact.
          if (matches.length >= maxMatches) break
        }
      }
      const evalErrors = (cel?.errors() ?? 0) - before
      const first = evalErrors > 0 ? cel?.firstError() : null
      return { matches, scanned, bytes, evalErrors, ...(first ? { firstEvalError: first } : {}) }
    },
  }
}
