/** The `.proto` tokenizer and a small token cursor for proto-schema.ts. */

export class ProtoSchemaError extends Error {}

export interface Token {
  kind: 'ident' | 'number' | 'string' | 'symbol'
  text: string
  line: number
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  let line = 1
  const fail = (what: string): never => {
    throw new ProtoSchemaError(`line ${line}: ${what}`)
  }
  while (i < text.length) {
    const c = text[i]
    if (c === '\n') {
      line++
      i++
    } else if (/\s/.test(c)) {
      i++
    } else if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i++
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2)
      if (end < 0) fail('unterminated /* comment')
      for (let j = i; j < end; j++) if (text[j] === '\n') line++
      i = end + 2
    } else if (c === '"' || c === "'") {
      let j = i + 1
      let value = ''
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\n') fail('newline inside a string literal')
        if (text[j] === '\\') j++
        value += text[j] ?? ''
        j++
      }
      if (j >= text.length) fail('unterminated string literal')
      tokens.push({ kind: 'string', text: value, line })
      i = j + 1
    } else if (/[A-Za-z_.]/.test(c) && !(c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^\.?[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(text.slice(i, i + 4096))
      if (m === null) fail(`unexpected '${c}'`)
      tokens.push({ kind: 'ident', text: m![0], line })
      i += m![0].length
    } else if (/[0-9-+.]/.test(c)) {
      const m = /^[-+]?(0[xX][0-9a-fA-F]+|[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?|inf|nan)/.exec(
        text.slice(i, i + 256),
      )
      if (m === null || m[0] === '' || m[0] === '-' || m[0] === '+') fail(`unexpected '${c}'`)
      tokens.push({ kind: 'number', text: m![0], line })
      i += m![0].length
    } else if ('{}[]()<>;=,:'.includes(c)) {
      tokens.push({ kind: 'symbol', text: c, line })
      i++
    } else {
      fail(`unexpected character '${c}'`)
    }
  }
  return tokens
}

export class Parser {
  private pos = 0
  private readonly tokens: Token[]

  constructor(tokens: Token[]) {
    this.tokens = tokens
  }

  get done(): boolean {
    return this.pos >= this.tokens.length
  }

  peek(): Token | undefined {
    return this.tokens[this.pos]
  }

  fail(what: string): never {
    const t = this.tokens[Math.min(this.pos, this.tokens.length - 1)]
    throw new ProtoSchemaError(
      `line ${t?.line ?? 1}: ${what}${this.done ? ' (at end of schema)' : `, found '${t.text}'`}`,
    )
  }

  next(): Token {
    const t = this.tokens[this.pos]
    if (t === undefined) return this.fail('unexpected end of schema')
    this.pos++
    return t
  }

  is(text: string): boolean {
    const t = this.tokens[this.pos]
    return t !== undefined && (t.kind === 'symbol' || t.kind === 'ident') && t.text === text
  }

  expect(text: string): void {
    if (!this.is(text)) this.fail(`expected '${text}'`)
    this.pos++
  }

  ident(what: string): string {
    const t = this.peek()
    if (t?.kind !== 'ident') this.fail(`expected ${what}`)
    this.pos++
    return t!.text
  }

  integer(what: string): number {
    const t = this.next()
    const n = t.kind === 'number' ? Number(t.text) : NaN
    if (!Number.isInteger(n)) this.fail(`expected ${what} (an integer)`)
    return n
  }

  /** Skips to the end of the statement: a `;`, or a balanced `{…}` block (options with aggregate values). */
  skipStatement(): void {
    let depth = 0
    while (!this.done) {
      const t = this.next()
      if (t.kind !== 'symbol') continue
      if (t.text === '{') depth++
      else if (t.text === '}') {
        depth--
        if (depth === 0) return
        if (depth < 0) this.fail("unbalanced '}'")
      } else if (t.text === ';' && depth === 0) return
    }
    this.fail('unterminated statement')
  }

  /** `[ … ]` field options, skipped with bracket balance. */
  skipFieldOptions(): void {
    if (!this.is('[')) return
    let depth = 0
    do {
      const t = this.next()
      if (t.kind === 'symbol' && (t.text === '[' || t.text === '{')) depth++
      if (t.kind === 'symbol' && (t.text === ']' || t.text === '}')) depth--
    } while (depth > 0)
  }
}
