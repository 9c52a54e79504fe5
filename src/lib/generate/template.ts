/**
 * The template language of the Generate page: literal text with `{{ fn arg… [as name] }}` placeholders.
 * Arguments are bare words, numbers or "double-quoted strings"; `as name` keeps the value so a later
 * placeholder of the same record (`{{ref name}}`) repeats it. Parsing is pure and bounded.
 */

export const MAX_TEMPLATE_CHARS = 64 * 1024
export const MAX_PLACEHOLDERS = 2000
const MAX_ARGS = 1000

export interface Placeholder {
  fn: string
  args: string[]
  /** Keeps the value for `{{ref name}}`. */
  as?: string
  /** 0-based offset of `{{` in the template. */
  at: number
}

export type TemplatePart = string | Placeholder

export class TemplateError extends Error {
  /** 0-based character offset in the template. */
  readonly offset: number
  readonly line: number
  readonly column: number
  constructor(message: string, offset: number, line: number, column: number) {
    super(message)
    this.name = 'TemplateError'
    this.offset = offset
    this.line = line
    this.column = column
  }
}

function positionOf(text: string, offset: number) {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  return { line, column: offset - lineStart + 1 }
}

export function templateError(text: string, offset: number, what: string): TemplateError {
  const { line, column } = positionOf(text, offset)
  return new TemplateError(`${what} (line ${line}, column ${column})`, offset, line, column)
}

const WORD = /^[A-Za-z_][\w.-]*$/

function tokenize(text: string, inner: string, base: number): string[] {
  const out: string[] = []
  let i = 0
  while (i < inner.length) {
    const c = inner[i]
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++
      continue
    }
    if (out.length >= MAX_ARGS) throw templateError(text, base + i, `More than ${MAX_ARGS} arguments`)
    if (c === '"') {
      let s = ''
      let j = i + 1
      for (; j < inner.length && inner[j] !== '"'; j++) {
        if (inner[j] === '\\' && j + 1 < inner.length) j++
        s += inner[j]
      }
      if (j >= inner.length) throw templateError(text, base + i, 'Unclosed string "…" in a placeholder')
      out.push(s)
      i = j + 1
    } else {
      let j = i
      while (j < inner.length && !/\s/.test(inner[j])) j++
      out.push(inner.slice(i, j))
      i = j
    }
  }
  return out
}

/** Splits a template into literal text and placeholders; throws TemplateError with the position of a mistake. */
export function parseTemplate(text: string, knownFns: ReadonlySet<string>): TemplatePart[] {
  if (text.length > MAX_TEMPLATE_CHARS)
    throw new TemplateError(
      `The template has ${text.length} characters; at most ${MAX_TEMPLATE_CHARS} are allowed`,
      MAX_TEMPLATE_CHARS,
      0,
      0,
    )
  const parts: TemplatePart[] = []
  let i = 0
  let count = 0
  while (i < text.length) {
    const open = text.indexOf('{{', i)
    const stray = text.indexOf('}}', i)
    if (stray !== -1 && (open === -1 || stray < open))
      throw templateError(text, stray, '"}}" without a matching "{{"')
    if (open === -1) {
      parts.push(text.slice(i))
      break
    }
    if (open > i) parts.push(text.slice(i, open))
    const close = text.indexOf('}}', open + 2)
    if (close === -1) throw templateError(text, open, 'Placeholder "{{" is never closed with "}}"')
    const inner = text.slice(open + 2, close)
    const nested = inner.indexOf('{{')
    if (nested !== -1) throw templateError(text, open + 2 + nested, '"{{" inside a placeholder')
    if (++count > MAX_PLACEHOLDERS)
      throw templateError(text, open, `More than ${MAX_PLACEHOLDERS} placeholders`)
    const tokens = tokenize(text, inner, open + 2)
    if (tokens.length === 0) throw templateError(text, open, 'Empty placeholder {{ }}')
    const [fn, ...rest] = tokens
    const at = open
    let as: string | undefined
    if (rest.length >= 2 && rest[rest.length - 2] === 'as') {
      as = rest[rest.length - 1]
      if (!WORD.test(as)) throw templateError(text, open, `"${as}" is not a valid name after "as"`)
      rest.length -= 2
    }
    if (!knownFns.has(fn)) throw templateError(text, open, `Unknown placeholder "${fn.slice(0, 40)}"`)
    parts.push(as ? { fn, args: rest, as, at } : { fn, args: rest, at })
    i = close + 2
  }
  return parts
}
