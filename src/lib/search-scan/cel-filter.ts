/**
 * Filter expressions in CEL (Common Expression Language), through @marcbachmann/cel-js: a tree-walking
 * interpreter, no eval or new Function, so it runs under the app's Content-Security-Policy and in a worker.
 * A record matches when the expression is true; an evaluation error on one record (a missing field, a wrong
 * type) is a non-match for that record, counted so the page can say how many.
 */
import { Environment } from '@marcbachmann/cel-js'
import { celContext, type ContextNeeds } from './cel-context.ts'
import type { MatchedRecord } from './scan-record.ts'

/** A record on which the expression failed to evaluate, and the library's reason. */
export interface EvalFailure {
  partition: number
  offset: string
  message: string
}

export const CEL_VARIABLES = ['key', 'value', 'headers', 'partition', 'offset', 'timestamp', 'size'] as const

/** Examples shown in the help; each is checked by the unit tests. */
export const CEL_EXAMPLES: readonly { expression: string; meaning: string }[] = [
  { expression: 'value.orderId == 1234', meaning: 'a JSON value field equals a number' },
  { expression: 'key.startsWith("order-")', meaning: 'the key (text) starts with "order-"' },
  { expression: 'headers["type"] == "created"', meaning: 'a header has this value' },
  { expression: '"trace-id" in headers', meaning: 'a header is present' },
  { expression: 'value.customer.name.contains("Ann")', meaning: 'a nested field contains text' },
  { expression: 'value.items.exists(i, i.qty > 10)', meaning: 'any element of a list matches' },
  { expression: 'partition == 0 && offset >= 1000', meaning: 'metadata: partition and offset' },
  { expression: 'timestamp >= 1767225600000', meaning: 'produced at or after a time (ms since the epoch)' },
  { expression: 'size > 1024 && value.matches("^ERR")', meaning: 'larger than 1 KB, text starting with ERR' },
]

export interface CelProblem {
  message: string
  /** 0-based character index in the expression where the problem is, when known. */
  position?: number
  line?: number
  column?: number
}

export type CompiledFilter =
  | {
      ok: true
      test: (r: MatchedRecord, size: number) => boolean
      errors: () => number
      /** Where and why the expression first failed to evaluate (say, a missing field), or null. */
      firstError: () => EvalFailure | null
    }
  | { ok: false; problem: CelProblem }

const MAX_EXPRESSION = 10_000

function makeEnvironment() {
  return new Environment({
    unlistedVariablesAreDyn: false,
    enableOptionalTypes: true,
    homogeneousAggregateLiterals: false,
    limits: {
      maxAstNodes: 5000,
      maxDepth: 100,
      maxListElements: 1000,
      maxMapEntries: 1000,
      maxCallArguments: 32,
    },
  })
    .registerVariable('key', 'dyn')
    .registerVariable('value', 'dyn')
    .registerVariable('headers', 'map<string, string>')
    .registerVariable('partition', 'int')
    .registerVariable('offset', 'int')
    .registerVariable('timestamp', 'int')
    .registerVariable('size', 'int')
}

function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1
  let column = 1
  for (let i = 0; i < position && i < text.length; i++) {
    if (text[i] === '\n') {
      line++
      column = 1
    } else column++
  }
  return { line, column }
}

function problemOf(expression: string, e: unknown): CelProblem {
  const err = e as { summary?: unknown; message?: unknown; range?: { start?: unknown } }
  const message = typeof err.summary === 'string' ? err.summary : String(err.message ?? e)
  const start = err.range?.start
  if (typeof start !== 'number') return { message }
  return { message, position: start, ...lineColumn(expression, start) }
}

/** Which variables the expression names (by identifier), so a record is only decoded as far as needed. */
export function contextNeeds(expression: string): ContextNeeds {
  return {
    key: /\bkey\b/.test(expression),
    value: /\bvalue\b/.test(expression),
    headers: /\bheaders\b/.test(expression),
  }
}

export function compileFilter(expression: string): CompiledFilter {
  if (expression.length > MAX_EXPRESSION)
    return { ok: false, problem: { message: `The expression is longer than ${MAX_EXPRESSION} characters.` } }
  let evaluate: (ctx: unknown) => unknown
  try {
    const env = makeEnvironment()
    const parsed = env.parse(expression)
    const checked = parsed.check()
    if (!checked.valid) return { ok: false, problem: problemOf(expression, checked.error) }
    if (checked.type !== 'bool' && checked.type !== 'dyn')
      return {
        ok: false,
        problem: {
          message: `The expression gives a ${checked.type}, not true or false.`,
          position: 0,
          line: 1,
          column: 1,
        },
      }
    evaluate = parsed as unknown as (ctx: unknown) => unknown
  } catch (e) {
    return { ok: false, problem: problemOf(expression, e) }
  }
  const needs = contextNeeds(expression)
  let errors = 0
  let first: EvalFailure | null = null
  return {
    ok: true,
    test: (r, size) => {
      try {
        return evaluate(celContext(r, size, needs)) === true
      } catch (e) {
        errors++
        first ??= {
          partition: r.partition,
          offset: r.offset,
          // The library appends a code frame of the expression; the page shows the expression already.
          message: (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 300),
        }
        return false
      }
    },
    errors: () => errors,
    firstError: () => first,
  }
}
