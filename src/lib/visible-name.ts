/**
 * Names from an endpoint (topics, groups, record header names) shown with nothing hidden: bidi overrides and
 * isolates, zero-width, control and other invisible characters, and unpaired surrogates become labelled pieces
 * (as in the message text view), so a name can neither reorder the text around it nor pass for another name.
 * Long names are cut: a hostile endpoint can send a name of megabytes.
 */
import { codePointLabel, isInvisibleCodePoint } from './bytes/describe-char.ts'
import { specialLabel, specialTitle } from './decode/text-view.ts'

export type NamePiece =
  | { kind: 'text'; text: string }
  /** One invisible or reordering character: `label` is shown (U+202E, NUL), `title` names it. */
  | { kind: 'special'; text: string; label: string; title: string }

export interface VisibleName {
  pieces: NamePiece[]
  /** A plain-text form for attributes and accessible names: specials as `[U+202E]`, cut with "…". */
  text: string
  specials: number
  /** UTF-16 code units left out at the end (0 when the whole name is shown). */
  omitted: number
}

export const DEFAULT_NAME_CHARS = 300

function isNameSpecial(cp: number): boolean {
  return cp !== 0x20 && isInvisibleCodePoint(cp)
}

function nameTitle(cp: number): string {
  if (cp >= 0xd800 && cp <= 0xdfff)
    return `${codePointLabel(cp)} unpaired UTF-16 surrogate (not valid Unicode)`
  if (cp === 0x200e || cp === 0x200f || cp === 0x61c)
    return `${codePointLabel(cp)} bidirectional mark (can reorder text)`
  if (
    cp < 0x20 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    (cp >= 0x200b && cp <= 0x200d) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff
  )
    return specialTitle(cp)
  return `${codePointLabel(cp)} invisible or space-like character`
}

/** Splits `name` into plain runs and labelled special characters; at most `maxChars` code units are looked at. */
export function visibleName(name: string, maxChars = DEFAULT_NAME_CHARS): VisibleName {
  const limit = Math.min(name.length, Math.max(0, Math.floor(maxChars)))
  const pieces: NamePiece[] = []
  let text = ''
  let specials = 0
  let runStart = 0
  let i = 0
  while (i < limit) {
    const cp = name.codePointAt(i) ?? 0
    const width = cp > 0xffff ? 2 : 1
    if (i + width > limit) break // never split a surrogate pair at the cut
    if (isNameSpecial(cp)) {
      if (i > runStart) {
        const run = name.slice(runStart, i)
        pieces.push({ kind: 'text', text: run })
        text += run
      }
      const label = specialLabel(cp)
      pieces.push({ kind: 'special', text: name.slice(i, i + width), label, title: nameTitle(cp) })
      text += `[${label}]`
      specials++
      runStart = i + width
    }
    i += width
  }
  if (i > runStart) {
    const run = name.slice(runStart, i)
    pieces.push({ kind: 'text', text: run })
    text += run
  }
  const omitted = name.length - i
  return { pieces, text: omitted > 0 ? `${text}…` : text, specials, omitted }
}

/** The plain-text form of `name` for attributes, titles and messages. */
export function visibleNameText(name: string, maxChars = DEFAULT_NAME_CHARS): string {
  return visibleName(name, maxChars).text
}
