import { describe, expect, it } from 'vitest'
import { createGenerator, GenerateSpecError, loadFaker, type GenerateSpec } from './generator.ts'
import { TemplateError } from './template.ts'

const faker = await loadFaker()
const text = (b: Uint8Array | null) => (b === null ? null : new TextDecoder().decode(b))

const ORDER: GenerateSpec = {
  keyTemplate: '{{ref id}}',
  valueTemplate:
    '{"id":"{{uuid as id}}","n":{{seq}},"name":"{{name}}","email":"{{email}}","qty":{{int 1 5}},"at":"{{date}}","status":"{{pick new paid "on hold"}}"}',
  valueFormat: 'json',
  headers: [{ name: 'source', template: 'gen-{{seq 100}}' }],
  seed: 42,
}

function run(spec: GenerateSpec, n: number) {
  return createGenerator(spec, faker)(0, n)
}

describe('createGenerator', () => {
  it('gives byte-identical records for the same seed, and others for another seed', () => {
    const a = run(ORDER, 50)
    const b = run(ORDER, 50)
    expect(b).toEqual(a)
    const c = run({ ...ORDER, seed: 43 }, 50)
    expect(text(c[0].value)).not.toBe(text(a[0].value))
  })

  it('record i depends only on the seed and i (a retry or a preview gives the same bytes)', () => {
    const records = createGenerator(ORDER, faker)
    const all = records(0, 200)
    records(0, 1)
    expect(records(70, 1)).toEqual([all[70]])
    expect(records(60, 10)).toEqual(all.slice(60, 70))
    expect(records(199, 1)).toEqual([all[199]])
  })

  it('fills placeholders, numbers the records and repeats a kept field in the key', () => {
    const [first, second] = run(ORDER, 2)
    const v = JSON.parse(text(first.value)!)
    expect(v.n).toBe(1)
    expect(JSON.parse(text(second.value)!).n).toBe(2)
    expect(v.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(text(first.key)).toBe(v.id)
    expect(v.qty).toBeGreaterThanOrEqual(1)
    expect(v.qty).toBeLessThanOrEqual(5)
    expect(['new', 'paid', 'on hold']).toContain(v.status)
    expect(v.email).toContain('@')
    expect(v.at.startsWith('2025-')).toBe(true)
    expect(first.headers).toEqual([{ name: 'source', value: new TextEncoder().encode('gen-100') }])
  })

  it('random strings have the asked length and alphabet', () => {
    const [r] = run({ ...ORDER, valueTemplate: '{{alnum 901}}|{{hex 15}}', valueFormat: 'text' }, 1)
    const [a, h] = text(r.value)!.split('|')
    expect(a).toMatch(/^[A-Za-z0-9]{901}$/)
    expect(h).toMatch(/^[0-9a-f]{15}$/)
    expect(new Set(a).size).toBeGreaterThan(50)
  })

  it('random characters are spread evenly over the alphabet (none favoured by the draws)', () => {
    const [r] = run(
      { ...ORDER, valueTemplate: '{{alnum 4096}}{{alnum 4096}}{{alnum 4096}}', valueFormat: 'text' },
      1,
    )
    const counts = new Map<string, number>()
    for (const c of text(r.value)!) counts.set(c, (counts.get(c) ?? 0) + 1)
    expect(counts.size).toBe(62)
    // 12,288 characters over 62: about 198 each; a skewed mapping (e.g. modulo bias on 6 bits) shows far outside.
    for (const n of counts.values()) expect(n).toBeGreaterThan(120)
    for (const n of counts.values()) expect(n).toBeLessThan(290)
  })

  it('escapes strings inside JSON', () => {
    const [r] = run({ ...ORDER, valueTemplate: '{"s":"{{pick "a\\"b"}}"}' }, 1)
    expect(JSON.parse(text(r.value)!)).toEqual({ s: 'a"b' })
    // A control character and a surrogate pair (the fast path skips only strings that need no escaping).
    const [t] = run({ ...ORDER, valueTemplate: '{"s":"{{pick "a\tb😀"}}"}' }, 1)
    expect(JSON.parse(text(t.value)!)).toEqual({ s: 'a\tb😀' })
  })

  it('an empty key template gives records without a key', () => {
    const [r] = run({ ...ORDER, keyTemplate: '' }, 1)
    expect(r.key).toBeNull()
  })

  it('reports template mistakes with their line and column', () => {
    const bad = (valueTemplate: string) => () => run({ ...ORDER, valueTemplate, valueFormat: 'text' }, 1)
    expect(bad('ok\n  {{nope}}')).toThrow(/Value template: Unknown placeholder "nope" \(line 2, column 3\)/)
    expect(bad('{{name')).toThrow(/never closed.*line 1, column 1/)
    expect(bad('x }}')).toThrow(/without a matching.*column 3/)
    expect(bad('{{int 5 1}}')).toThrow(/min 5 is above max 1/)
    expect(bad('{{int a}}')).toThrow(/"a" is not a number/)
    try {
      bad('ab{{ }}')()
    } catch (e) {
      expect(e).toBeInstanceOf(GenerateSpecError)
      const cause = (e as GenerateSpecError).cause as TemplateError
      expect([cause.line, cause.column, cause.offset]).toEqual([1, 3, 2])
    }
  })

  it('says when a JSON record does not parse, and bounds size and seed', () => {
    expect(() => run({ ...ORDER, valueTemplate: '{"n": {{name}} }' }, 1)).toThrow(
      /record 1 is not valid JSON/,
    )
    expect(() =>
      run({ ...ORDER, valueTemplate: '{{hex 4096}}'.repeat(300), valueFormat: 'text' }, 1),
    ).toThrow(/at most 1048576/)
    expect(() => run({ ...ORDER, seed: -1 }, 1)).toThrow(/Seed/)
    expect(() => run({ ...ORDER, valueTemplate: 'x'.repeat(70_000) }, 1)).toThrow(/at most 65536/)
  })
})
