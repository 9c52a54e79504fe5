/**
 * One-line previews for message list rows. They only ever look at the first few bytes, so a 10 MB value
 * costs the same as a 10-byte one.
 */

import { byteToHex } from '../bytes/hex.ts'

export const DEFAULT_PREVIEW_CHARS = 120

const decoder = new TextDecoder() // non-fatal: invalid bytes show as U+FFFD, fine for a preview

/**
 * Decodes the start of `bytes` as UTF-8 into a single line of at most `maxChars` code points, plus '…'
 * when there is more. Runs of whitespace (including line breaks and tabs) become one space; other control
 * characters become their visible Control Pictures symbol (NUL → ␀, ESC → ␛, DEL → ␡); C1 controls, bidi
 * overrides and similar invisible format characters become U+FFFD so they cannot reorder or hide the row.
 */
export function previewText(bytes: Uint8Array, maxChars = DEFAULT_PREVIEW_CHARS): string {
  const limit = Math.max(0, Math.floor(maxChars))
  // 4 bytes per code point at most; one spare byte tells us whether more follows.
  const headLength = Math.min(bytes.length, limit * 4 + 1)
  const head = bytes.subarray(0, headLength)
  const truncatedBytes = headLength < bytes.length
  // stream: true holds back a multi-byte character cut at the end instead of turning it into U+FFFD.
  const text = decoder.decode(head, { stream: truncatedBytes })
  if (truncatedBytes) decoder.decode() // reset the shared decoder's pending state

  let out = ''
  let count = 0
  let inSpace = false
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if (isCollapsibleSpace(cp)) {
      if (inSpace) continue
      inSpace = true
      if (count === limit) return `${out}…`
      out += ' '
      count++
      continue
    }
    inSpace = false
    if (count === limit) return `${out}…`
    out += visible(cp, ch)
    count++
  }
  return truncatedBytes ? `${out}…` : out
}

/** Hex preview for binary values: "0a 05 68 65 6c …". */
export function previewHex(bytes: Uint8Array, maxBytes = 32): string {
  const n = Math.min(bytes.length, Math.max(0, Math.floor(maxBytes)))
  const parts: string[] = new Array(n)
  for (let i = 0; i < n; i++) parts[i] = byteToHex(bytes[i])
  return parts.join(' ') + (n < bytes.length ? ' …' : '')
}

function isCollapsibleSpace(cp: number): boolean {
  return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === 0x2028 || cp === 0x2029
}

function visible(cp: number, ch: string): string {
  if (cp < 0x20) return String.fromCharCode(0x2400 + cp)
  if (cp === 0x7f) return '\u2421'
  if (
    (cp >= 0x80 && cp <= 0x9f) ||
    cp === 0x061c ||
    cp === 0x200e ||
    cp === 0x200f ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff
  ) {
    return '\ufffd'
  }
  return ch
}
