import { describe, expect, it } from 'vitest'
import { lineDiff, splitLines } from './line-diff.ts'

const shape = (d: ReturnType<typeof lineDiff>) =>
  d.rows.map((r) => `${r.op === 'same' ? ' ' : r.op === 'added' ? '+' : '-'}${r.text}`)

describe('splitLines', () => {
  it('splits on every line ending and ignores one final newline', () => {
    expect(splitLines('a\r\nb\rc\nd\n')).toEqual(['a', 'b', 'c', 'd'])
    expect(splitLines('')).toEqual([])
    expect(splitLines('\n')).toEqual([''])
  })
})

describe('lineDiff', () => {
  it('finds nothing between equal texts', () => {
    const d = lineDiff('a\nb', 'a\nb\n')
    expect(d).toMatchObject({ added: 0, removed: 0, exact: true })
    expect(shape(d)).toEqual([' a', ' b'])
  })

  it('shows an added field between common lines, with both line numbers', () => {
    const d = lineDiff('{\n  "a": 1\n}', '{\n  "a": 1,\n  "b": 2\n}')
    expect(shape(d)).toEqual([' {', '-  "a": 1', '+  "a": 1,', '+  "b": 2', ' }'])
    expect(d.rows.at(-1)).toMatchObject({ oldLine: 3, newLine: 4 })
    expect(d).toMatchObject({ added: 2, removed: 1 })
  })

  it('aligns on the longest common subsequence', () => {
    expect(shape(lineDiff('a\nb\nc\nd', 'a\nc\nd\ne'))).toEqual([' a', '-b', ' c', ' d', '+e'])
    expect(shape(lineDiff('x\ny', ''))).toEqual(['-x', '-y'])
    expect(shape(lineDiff('', 'x'))).toEqual(['+x'])
  })

  it('stays bounded: a middle too large to align is removed-then-added, and says so', () => {
    const d = lineDiff('h\na\nb\nt', 'h\nc\nd\nt', 4)
    expect(shape(d)).toEqual([' h', '-a', '-b', '+c', '+d', ' t'])
    expect(d.exact).toBe(false)
  })

  it('diffs 3,000-line texts quickly', () => {
    const old = Array.from({ length: 3000 }, (_, i) => `line ${i}`).join('\n')
    const changed = old.replace('line 1500', 'line 1500 changed').replace('line 10\n', '')
    const started = performance.now()
    const d = lineDiff(old, changed)
    expect(performance.now() - started).toBeLessThan(2000)
    expect(d).toMatchObject({ added: 1, removed: 2, exact: true })
  })
})
