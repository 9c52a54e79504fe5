/** `U+00A0` style code point label. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * True for characters a user cannot see or tell apart in an error message: controls, spaces other than
 * the plain one, zero-width and bidi-control characters, BOM and lone surrogates.
 */
export function isInvisibleCodePoint(cp: number): boolean {
  return (
    cp <= 0x20 ||
    (cp >= 0x7f && cp <= 0xa0) ||
    cp === 0xad ||
    cp === 0x34f ||
    cp === 0x61c ||
    cp === 0x180e ||
    (cp >= 0x2000 && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202f) ||
    (cp >= 0x205f && cp <= 0x206f) ||
    cp === 0x3000 ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    cp === 0xfeff ||
    (cp >= 0xfff9 && cp <= 0xfffb)
  )
}

/** Names the character at `i` for messages: `'!'`, `'😀'`, or `U+00A0` when it would be invisible. */
export function describeCharAt(text: string, i: number): string {
  const cp = text.codePointAt(i) ?? 0
  return isInvisibleCodePoint(cp) ? codePointLabel(cp) : `'${String.fromCodePoint(cp)}'`
}
