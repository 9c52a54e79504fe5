import { parse, stringify } from 'lossless-json'
import { inspectJson, lineColumnAt } from './json-text.ts'
import type { JsonError } from './json-text.ts'

/**
 * lossless-json parses recursively; browsers overflow somewhere between a few thousand and tens of
 * thousands of levels. We refuse deeper input up front with a clear error instead of a stack overflow.
 * (Display does not need this: `prettyJson` is iterative and has no depth limit.)
 */
export const MAX_PARSE_DEPTH = 1000

export class JsonParseError extends SyntaxError {
  readonly line: number
  readonly column: number
  readonly position: number
  constructor(error: JsonError) {
    super(error.message)
    this.name = 'JsonParseError'
    this.line = error.line
    this.column = error.column
    this.position = error.position
  }
}

/**
 * Parses JSON keeping every number exactly as written: numbers become lossless-json `LosslessNumber`s
 * (`.toString()` gives the original digits, `1.10` stays `1.10`). Throws `JsonParseError` (with line/column)
 * for invalid JSON or nesting deeper than `MAX_PARSE_DEPTH`. Conflicting duplicate keys are an error
 * rather than silently keeping one of them (lossless-json default); `__proto__` keys stay plain data.
 */
export function parseJsonLossless(text: string): unknown {
  const inspected = inspectJson(text)
  if (!inspected.ok) throw new JsonParseError(inspected.error)
  if (inspected.summary.maxDepth > MAX_PARSE_DEPTH) {
    throw new JsonParseError({
      message: `JSON is nested ${inspected.summary.maxDepth} levels deep; at most ${MAX_PARSE_DEPTH} levels can be parsed`,
      line: 1,
      column: 1,
      position: 0,
    })
  }
  try {
    return parse(text)
  } catch (error) {
    // Only duplicate keys get here (syntax was validated above); lossless-json reports "at position N".
    const message = error instanceof Error ? error.message : String(error)
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? 0)
    const { line, column } = lineColumnAt(text, position)
    throw new JsonParseError({
      message: `${message} (line ${line}, column ${column})`,
      line,
      column,
      position,
    })
  }
}

/**
 * Serialises values from `parseJsonLossless` (LosslessNumber, bigint, plain numbers) without losing digits.
 * `indent` as in JSON.stringify; compact by default.
 */
export function stringifyJsonLossless(value: unknown, indent?: number | string): string {
  const text = stringify(value, null, indent)
  if (text === undefined) throw new TypeError('Value cannot be represented as JSON')
  return text
}
