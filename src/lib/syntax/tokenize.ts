/**
 * A tiny tokenizer for schema texts (Avro and JSON Schema as JSON, Protobuf as `.proto`), for colouring only: every
 * character of the input lands in exactly one token, so joining the tokens gives the text back. Linear, no regexes
 * that backtrack; text that is not valid JSON or proto still tokenizes (as plain text where nothing fits).
 */
export type TokenKind = 'key' | 'string' | 'number' | 'keyword' | 'comment' | 'punctuation' | 'plain'

export interface Token {
  kind: TokenKind
  text: string
}

export type SyntaxLanguage = 'json' | 'proto'

const PROTO_KEYWORDS = new Set([
  'syntax',
  'edition',
  'package',
  'import',
  'public',
  'weak',
  'option',
  'message',
  'enum',
  'service',
  'rpc',
  'returns',
  'stream',
  'oneof',
  'map',
  'repeated',
  'optional',
  'required',
  'reserved',
  'extensions',
  'extend',
  'to',
  'max',
  'true',
  'false',
  'double',
  'float',
  'int32',
  'int64',
  'uint32',
  'uint64',
  'sint32',
  'sint64',
  'fixed32',
  'fixed64',
  'sfixed32',
  'sfixed64',
  'bool',
  'string',
  'bytes',
  'group',
])
const JSON_KEYWORDS = new Set(['true', 'false', 'null'])
const PUNCTUATION = new Set([...'{}[]()<>;,:=.'])

function isDigit(c: string) {
  return c >= '0' && c <= '9'
}

function isWordChar(c: string) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c === '_'
}

export function tokenize(text: string, language: SyntaxLanguage): Token[] {
  const tokens: Token[] = []
  const push = (kind: TokenKind, t: string) => {
    const last = tokens[tokens.length - 1]
    if (last && last.kind === kind && kind === 'plain') last.text += t
    else tokens.push({ kind, text: t })
  }
  const keywords = language === 'json' ? JSON_KEYWORDS : PROTO_KEYWORDS
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === '"' || (c === "'" && language === 'proto')) {
      let j = i + 1
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1
      j = Math.min(j + 1, text.length)
      const str = text.slice(i, j)
      // A JSON string followed by a colon is an object key.
      let k = j
      while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++
      push(language === 'json' && text[k] === ':' ? 'key' : 'string', str)
      i = j
    } else if (language === 'proto' && c === '/' && text[i + 1] === '/') {
      let j = text.indexOf('\n', i)
      if (j < 0) j = text.length
      push('comment', text.slice(i, j))
      i = j
    } else if (language === 'proto' && c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2)
      const j = end < 0 ? text.length : end + 2
      push('comment', text.slice(i, j))
      i = j
    } else if (isDigit(c) || (c === '-' && isDigit(text[i + 1] ?? ''))) {
      let j = i + 1
      while (
        j < text.length &&
        (isWordChar(text[j]) || text[j] === '.' || text[j] === '+' || text[j] === '-')
      ) {
        // '-' and '+' only right after an exponent marker.
        if ((text[j] === '-' || text[j] === '+') && !/[eE]/.test(text[j - 1])) break
        j++
      }
      push('number', text.slice(i, j))
      i = j
    } else if (isWordChar(c)) {
      let j = i + 1
      while (j < text.length && isWordChar(text[j])) j++
      const word = text.slice(i, j)
      push(keywords.has(word) ? 'keyword' : 'plain', word)
      i = j
    } else if (PUNCTUATION.has(c)) {
      push('punctuation', c)
      i++
    } else {
      push('plain', c)
      i++
    }
  }
  return tokens
}
