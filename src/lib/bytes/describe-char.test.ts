import { describe, expect, it } from 'vitest'
import { codePointLabel, describeCharAt, isInvisibleCodePoint } from './describe-char.ts'

describe('describeCharAt', () => {
  it('quotes visible characters, including astral ones', () => {
    expect(describeCharAt('a!b', 1)).toBe("'!'")
    expect(describeCharAt('x😀', 1)).toBe("'😀'")
    expect(describeCharAt('é', 0)).toBe("'é'")
  })

  it('names invisible and confusable characters by code point', () => {
    const cases: Array<[string, string]> = [
      [' ', 'U+0020'],
      ['\t', 'U+0009'],
      ['\u00a0', 'U+00A0'],
      ['\u200b', 'U+200B'],
      ['\u202e', 'U+202E'],
      ['\ufeff', 'U+FEFF'],
      ['\ud800', 'U+D800'],
      ['\u0085', 'U+0085'],
    ]
    for (const [text, label] of cases) expect(describeCharAt(text, 0)).toBe(label)
  })

  it('pads code point labels to four digits', () => {
    expect(codePointLabel(0x1f600)).toBe('U+1F600')
    expect(codePointLabel(0x7)).toBe('U+0007')
    expect(isInvisibleCodePoint(0x41)).toBe(false)
  })
})
