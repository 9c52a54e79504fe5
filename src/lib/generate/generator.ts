import type { Faker } from '@faker-js/faker'
import { compilePlaceholder, PLACEHOLDER_NAMES, type Produce, type RecordContext } from './placeholders.ts'
import type { SchemaSource } from './schema-source.ts'
import type { SchemaValues } from './schema-values.ts'
import { parseTemplate, TemplateError } from './template.ts'

export const MAX_HEADERS = 32
export const MAX_RECORD_BYTES = 1024 * 1024
export const MAX_COUNT = 10_000_000

export type ValueFormat = 'json' | 'text'

/** What a run generates: everything here is plain data, so it can go to a worker and into a preset. */
export interface GenerateSpec {
  /** '' = records without a key. */
  keyTemplate: string
  valueTemplate: string
  valueFormat: ValueFormat
  headers: { name: string; template: string }[]
  /** 32-bit unsigned integer: the same seed gives the same records. */
  seed: number
  /** "From schema": values generated from this registry schema (the value template is then unused). */
  valueSchema?: SchemaSource
}

export interface GeneratedRecord {
  key: Uint8Array | null
  value: Uint8Array
  /** The value's base64, made in the worker so the main thread only splices it into the request body. */
  valueBase64?: string
  headers: { name: string; value: Uint8Array }[]
}

/** A template mistake, with the field it is in ("Value template", "Header traceId"…). */
export class GenerateSpecError extends Error {
  readonly field: string
  override readonly cause: TemplateError | Error
  constructor(field: string, cause: TemplateError | Error) {
    super(`${field}: ${cause.message}`)
    this.name = 'GenerateSpecError'
    this.field = field
    this.cause = cause
  }
}

type Compiled = (ctx: RecordContext) => string

// What JSON.stringify escapes in a string: quote, backslash, control characters, lone surrogates.
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON must escape
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/

/** A string's JSON text without its quotes; most fake values need no escaping, so skip the copy then. */
const jsonEscape = (v: string) => (NEEDS_ESCAPE.test(v) ? JSON.stringify(v).slice(1, -1) : v)

function compile(field: string, text: string, json: boolean): Compiled {
  try {
    const parts = parseTemplate(text, PLACEHOLDER_NAMES)
    const steps: (string | { produce: Produce; as?: string })[] = parts.map((p) =>
      typeof p === 'string' ? p : { produce: compilePlaceholder(text, p), as: p.as },
    )
    return (ctx) => {
      let out = ''
      for (const s of steps) {
        if (typeof s === 'string') out += s
        else {
          const v = s.produce(ctx)
          if (s.as) ctx.named.set(s.as, v)
          // In JSON, a string goes inside the template's own quotes: escape it, never add quotes.
          out += json && typeof v === 'string' ? jsonEscape(v) : String(v)
        }
      }
      return out
    }
  } catch (e) {
    throw new GenerateSpecError(field, e as Error)
  }
}

export function validateSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new GenerateSpecError('Seed', new Error('must be a whole number from 0 to 4294967295'))
}

function compileSpec(spec: GenerateSpec) {
  validateSeed(spec.seed)
  if (spec.headers.length > MAX_HEADERS)
    throw new GenerateSpecError('Headers', new Error(`at most ${MAX_HEADERS} headers`))
  const json = spec.valueFormat === 'json' && !spec.valueSchema
  const value = spec.valueSchema ? null : compile('Value template', spec.valueTemplate, json)
  const key = spec.keyTemplate === '' ? null : compile('Key template', spec.keyTemplate, false)
  const headers = spec.headers.map((h, i) => {
    if (h.name.trim() === '') throw new GenerateSpecError(`Header ${i + 1}`, new Error('has no name'))
    return { name: h.name, produce: compile(`Header ${h.name}`, h.template, false) }
  })
  return { json, value, key, headers }
}

/** Throws GenerateSpecError for a template mistake, without loading the fake-data library. */
export function checkSpec(spec: GenerateSpec): void {
  compileSpec(spec)
}

/**
 * Compiles a spec into `records(from, count)`. Record i depends only on (seed, i), so a preview, a retried batch
 * and a run started tomorrow give the same bytes. Throws GenerateSpecError for a
 * template mistake (with its line and column) and for a record that is not JSON or is too large. A spec with a
 * `valueSchema` needs its loaded `schemaValues` (schema-values.ts).
 */
export function createGenerator(
  spec: GenerateSpec,
  faker: Faker,
  schemaValues?: Pick<SchemaValues, 'value'>,
) {
  const { json, value, key, headers } = compileSpec(spec)
  const utf8 = new TextEncoder()
  if (spec.valueSchema && !schemaValues)
    throw new GenerateSpecError('Value schema', new Error('the schema was not loaded'))

  if (spec.headers.length > MAX_HEADERS)
    throw new GenerateSpecError('Headers', new Error(`at most ${MAX_HEADERS} headers`))
  function one(index: number): GeneratedRecord {
    const ctx: RecordContext = { faker, index, named: new Map() }
    if (!value) return finish(index, schemaValues!.value(spec.seed, index, ctx.named), ctx)
    const valueText = value(ctx)
    if (json) {
      try {
        JSON.parse(valueText)
      } catch (e) {
        throw new GenerateSpecError(
          'Value template',
          new Error(
            `record ${index + 1} is not valid JSON (${(e as Error).message}); put string placeholders inside quotes, "{{name}}"`,
          ),
        )
      }
    }
    return finish(index, utf8.encode(valueText), ctx)
  }

  function finish(index: number, valueBytes: Uint8Array, ctx: RecordContext): GeneratedRecord {
    const out: GeneratedRecord = {
      value: valueBytes,
      key: key ? utf8.encode(key(ctx)) : null,
      headers: headers.map((h) => ({ name: h.name, value: utf8.encode(h.produce(ctx)) })),
    }
    const size =
      out.value.length +
      (out.key?.length ?? 0) +
      out.headers.reduce((n, h) => n + h.name.length + h.value.length, 0)
    if (size > MAX_RECORD_BYTES)
      throw new GenerateSpecError(
        value ? 'Value template' : 'Value schema',
        new Error(`record ${index + 1} has ${size} bytes; at most ${MAX_RECORD_BYTES} are allowed`),
      )
    return out
  }

  /** Moves the faker past record i without keeping it; a schema value uses no faker, so it is not made. */
  function advance(index: number) {
    if (value) return void one(index)
    const ctx: RecordContext = { faker, index, named: new Map() }
    key?.(ctx)
    for (const h of headers) h.produce(ctx)
  }

  /**
   * Records [from, from + count). Seeding costs more than a record, so the faker is seeded once per block of
   * SEED_BLOCK records and a block is always generated from its start: any range gives the same bytes.
   */
  return function records(from: number, count: number): GeneratedRecord[] {
    const out: GeneratedRecord[] = []
    let i = from - (from % SEED_BLOCK)
    for (; i < from + count; i++) {
      if (i % SEED_BLOCK === 0) faker.seed([spec.seed, i / SEED_BLOCK])
      if (i >= from) out.push(one(i))
      else advance(i)
    }
    return out
  }
}

const SEED_BLOCK = 64

export const loadFaker = (): Promise<Faker> => import('@faker-js/faker/locale/en').then((m) => m.faker)
