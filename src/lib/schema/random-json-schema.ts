/**
 * Random values that fit a JSON Schema: built to fit where the keywords say how (type, properties/required,
 * additionalProperties, enum/const, bounds and multipleOf, lengths, common formats, items and counts, simple
 * oneOf/anyOf/allOf, $ref to the schema itself or a reference). What cannot be met by construction (pattern,
 * not, if/then, dependencies…) is left to chance: every value is checked with the codec's validator and tried
 * again a bounded number of times, then the run fails with the schema path that could not be met.
 */
import { RandomSchemaError } from './random-from-schema.ts'
import {
  randomDouble,
  randomEpochMs,
  randomStringFor,
  randomUuid,
  randomWord,
  type Rng,
} from './random-values.ts'
import type { ValueError } from './types.ts'

type Json = Record<string, unknown>

const MAX_DEPTH = 6
const MAX_TRIES = 25
const NODE_BUDGET = 150
const HARD_DEPTH = 64

interface Ctx {
  rng: Rng
  docs: ReadonlyMap<string, unknown>
  notes: { path: string; what: string }[]
  nodes: number
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
const esc = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1')

function define(out: Json, key: string, value: unknown) {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
}

/**
 * A value for `schema` (the parsed root, its `$id` set), `docs` the referenced schemas by absolute URI. Throws
 * RandomSchemaError naming the schema path when no value could be made to fit.
 */
export function randomJsonSchema(
  schema: unknown,
  docs: ReadonlyMap<string, unknown>,
  rng: Rng,
  validate: (value: unknown) => ValueError[],
): unknown {
  const base = isObj(schema) && typeof schema.$id === 'string' ? schema.$id : 'urn:schema'
  let errors: ValueError[] = []
  let notes: Ctx['notes'] = []
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const ctx: Ctx = { rng, docs, notes: [], nodes: 0 }
    const value = gen(schema, ctx, base, '', 0, '')
    errors = validate(value)
    if (errors.length === 0) return value
    notes = ctx.notes
  }
  const e = errors[0]
  const why = `${e.instancePath || '(root)'}: ${e.message}`
  if (notes.length > 0)
    throw new RandomSchemaError(
      `Cannot generate a value for ${notes[0].path || '(the root)'}: ${notes[0].what} is not supported (none of ${MAX_TRIES} tries fit; ${why}).`,
    )
  throw new RandomSchemaError(
    `Cannot generate a value that fits the schema: ${why} (none of ${MAX_TRIES} tries fit).`,
  )
}

function resolve(ref: string, base: string, ctx: Ctx, path: string): { schema: unknown; base: string } {
  let url: URL
  try {
    url = new URL(ref, base)
  } catch {
    throw new RandomSchemaError(`Cannot generate a value for ${path}: the $ref "${ref}" is not a valid URI.`)
  }
  const fragment = decodeURIComponent(url.hash.slice(1))
  url.hash = ''
  const docBase = url.href
  const doc = ctx.docs.get(docBase)
  if (doc === undefined)
    throw new RandomSchemaError(
      `Cannot generate a value for ${path}: the $ref "${ref}" names a schema that is not among its references.`,
    )
  if (fragment !== '' && !fragment.startsWith('/'))
    throw new RandomSchemaError(
      `Cannot generate a value for ${path}: the $ref "${ref}" uses an anchor, which is not supported.`,
    )
  let node: unknown = doc
  for (const raw of fragment.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    node = isObj(node) || Array.isArray(node) ? (node as Json)[key] : undefined
    if (node === undefined)
      throw new RandomSchemaError(`Cannot generate a value for ${path}: the $ref "${ref}" points at nothing.`)
  }
  return { schema: node, base: docBase }
}

/** allOf's parts folded into one schema (the simple cases: properties, required, bounds, types). */
function merge(a: Json, b: Json): Json {
  const out: Json = { ...a }
  for (const [k, v] of Object.entries(b)) {
    const old = out[k]
    if (old === undefined) out[k] = v
    else if (k === 'properties' && isObj(old) && isObj(v)) {
      const props: Json = { ...old }
      for (const [p, ps] of Object.entries(v)) props[p] = p in props ? { allOf: [props[p], ps] } : ps
      out[k] = props
    } else if (k === 'required' && Array.isArray(old) && Array.isArray(v))
      out[k] = [...new Set([...old, ...v])]
    else if (typeof old === 'number' && typeof v === 'number' && /^(min|exclusiveMin)/.test(k))
      out[k] = Math.max(old, v)
    else if (typeof old === 'number' && typeof v === 'number' && /^(max|exclusiveMax)/.test(k))
      out[k] = Math.min(old, v)
    else if (k === 'type') {
      const x = Array.isArray(old) ? old : [old]
      const y = Array.isArray(v) ? v : [v]
      const both = x.filter((t) => y.includes(t) || (t === 'integer' && y.includes('number')))
      out[k] = both.length ? both : y
    } else out[k] = v
  }
  return out
}

function gen(schema: unknown, ctx: Ctx, base: string, path: string, depth: number, name: string): unknown {
  if (depth > HARD_DEPTH)
    throw new RandomSchemaError(
      `Cannot generate a value for ${path}: the schema requires itself without end.`,
    )
  ctx.nodes++
  if (schema === true || (isObj(schema) && Object.keys(schema).length === 0)) return anyValue(ctx, name)
  if (!isObj(schema))
    throw new RandomSchemaError(
      `Cannot generate a value for ${path || '(the root)'}: the schema allows no value.`,
    )
  let s = schema
  if (typeof s.$id === 'string' && depth > 0) {
    try {
      base = new URL(s.$id, base).href
    } catch {
      // an $id that is no URI changes nothing here; the validator reports it
    }
  }
  if (typeof s.$ref === 'string') {
    const target = resolve(s.$ref, base, ctx, path)
    const { $ref: _, ...rest } = s
    if (
      Object.keys(rest).filter((k) => !/^(\$id|\$schema|title|description|\$comment)$/.test(k)).length === 0
    )
      return gen(target.schema, ctx, target.base, path, depth + 1, name)
    if (!isObj(target.schema)) return gen(target.schema, ctx, target.base, path, depth + 1, name)
    s = merge(target.schema, rest)
    base = target.base
  }
  if (Array.isArray(s.allOf)) {
    let merged: Json = {}
    s.allOf.forEach((part, i) => {
      // A part's own $refs resolve against this schema's base (the simple case: parts from one document).
      const p =
        isObj(part) && typeof part.$ref === 'string'
          ? resolve(part.$ref, base, ctx, `${path}/allOf/${i}`).schema
          : part
      if (p === false)
        throw new RandomSchemaError(`Cannot generate a value for ${path}/allOf/${i}: it allows no value.`)
      if (isObj(p)) merged = merge(merged, p)
    })
    const { allOf: _, ...rest } = s
    s = merge(merged, rest)
  }
  if ('const' in s) return s.const
  if (Array.isArray(s.enum)) {
    if (s.enum.length === 0)
      throw new RandomSchemaError(`Cannot generate a value for ${path}: its enum is empty.`)
    return ctx.rng.pick(s.enum)
  }
  if (s.not !== undefined) ctx.notes.push({ path: `${path}/not`, what: 'not' })
  for (const k of [
    'if',
    'dependentRequired',
    'dependentSchemas',
    'dependencies',
    'contains',
    'patternProperties',
  ])
    if (s[k] !== undefined) ctx.notes.push({ path: `${path}/${k}`, what: k })
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = s[key]
    if (Array.isArray(list) && list.length > 0) {
      const limit = depth >= MAX_DEPTH || ctx.nodes > NODE_BUDGET
      const nul = list.findIndex((b) => isObj(b) && b.type === 'null')
      const i = limit && nul >= 0 ? nul : ctx.rng.int(0, list.length - 1)
      const { [key]: _, ...rest } = s
      const branch = list[i]
      const b = isObj(branch) ? merge(rest, branch) : branch
      return gen(b, ctx, base, `${path}/${key}/${i}`, depth + 1, name)
    }
  }
  return typed(s, ctx, base, path, depth, name)
}

function anyValue(ctx: Ctx, name: string): unknown {
  return ctx.rng.bool() ? randomStringFor(ctx.rng, name) : ctx.rng.int(0, 1000)
}

function typeOf(s: Json, limit: boolean, rng: Rng): string {
  let types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : []
  if (types.length === 0) {
    if (isObj(s.properties) || s.required || s.additionalProperties !== undefined) return 'object'
    if (s.items !== undefined || s.prefixItems !== undefined || s.minItems !== undefined) return 'array'
    if (s.minLength !== undefined || s.maxLength !== undefined || s.format || s.pattern) return 'string'
    if (s.minimum !== undefined || s.maximum !== undefined || s.multipleOf !== undefined) return 'number'
    return 'string'
  }
  if (limit) {
    const flat = types.filter((t) => t !== 'object' && t !== 'array')
    if (flat.length) types = flat
  } else if (types.length > 1 && types.includes('null') && rng.bool(0.8))
    types = types.filter((t) => t !== 'null')
  return rng.pick(types)
}

function typed(s: Json, ctx: Ctx, base: string, path: string, depth: number, name: string): unknown {
  const rng = ctx.rng
  const limit = depth >= MAX_DEPTH || ctx.nodes > NODE_BUDGET
  switch (typeOf(s, limit, rng)) {
    case 'null':
      return null
    case 'boolean':
      return rng.bool()
    case 'integer':
      return number(s, rng, path, true)
    case 'number':
      return number(s, rng, path, false)
    case 'string':
      return string(s, ctx, path, name)
    case 'array':
      return array(s, ctx, base, path, depth, limit)
    case 'object':
      return object(s, ctx, base, path, depth, limit)
    default:
      throw new RandomSchemaError(
        `Cannot generate a value for ${path}/type: "${String(s.type)}" is no JSON type.`,
      )
  }
}

function number(s: Json, rng: Rng, path: string, integer: boolean): number {
  let lo = num(s.minimum)
  let hi = num(s.maximum)
  let loEx = s.exclusiveMinimum === true
  let hiEx = s.exclusiveMaximum === true
  const exLo = num(s.exclusiveMinimum)
  const exHi = num(s.exclusiveMaximum)
  if (exLo !== undefined && (lo === undefined || exLo >= lo)) [lo, loEx] = [exLo, true]
  if (exHi !== undefined && (hi === undefined || exHi <= hi)) [hi, hiEx] = [exHi, true]
  if (lo === undefined) lo = hi === undefined ? 0 : Math.min(0, hi - 1000)
  if (hi === undefined) hi = Math.max(lo + 1000, 1000)
  const m = num(s.multipleOf)
  if (integer || m !== undefined) {
    const step = m ?? 1
    const unit = integer && m !== undefined && !Number.isInteger(m) ? 1 : step
    const kLo = Math.ceil((loEx ? lo + (integer ? 1 : unit * 1e-9) : lo) / unit)
    const kHi = Math.floor((hiEx ? hi - (integer ? 1 : unit * 1e-9) : hi) / unit)
    if (!(kLo <= kHi) || !Number.isSafeInteger(kLo) || !Number.isSafeInteger(kHi))
      throw new RandomSchemaError(
        `Cannot generate a value for ${path}: no ${integer ? 'integer' : 'number'} fits its bounds${m ? ' and multipleOf' : ''}.`,
      )
    const k = rng.int(kLo, Math.min(kHi, kLo + 1_000_000))
    const decimals = (String(unit).split('.')[1] ?? '').length
    return Number((k * unit).toFixed(Math.min(decimals, 20))) + 0
  }
  let v = randomDouble(rng, lo, hi)
  if (v < lo || (loEx && v === lo)) v = loEx ? lo + (hi - lo) / 2 : lo
  if (v > hi || (hiEx && v === hi)) v = hiEx ? lo + (hi - lo) / 2 : hi
  return v + 0
}

const FORMATS: Record<string, (rng: Rng, name: string) => string> = {
  'date-time': (rng) => new Date(randomEpochMs(rng)).toISOString(),
  date: (rng) => new Date(randomEpochMs(rng)).toISOString().slice(0, 10),
  time: (rng) => `${new Date(randomEpochMs(rng)).toISOString().slice(11, 19)}Z`,
  email: (rng) => randomStringFor(rng, 'email'),
  'idn-email': (rng) => randomStringFor(rng, 'email'),
  uuid: (rng) => randomUuid(rng),
  uri: (rng) => `https://example.com/${randomWord(rng)}`,
  'uri-reference': (rng) => `/${randomWord(rng)}`,
  iri: (rng) => `https://example.com/${randomWord(rng)}`,
  url: (rng) => `https://example.com/${randomWord(rng)}`,
  hostname: (rng) => `${randomWord(rng)}.example.com`,
  ipv4: (rng) => [0, 0, 0, 0].map(() => rng.int(1, 254)).join('.'),
  ipv6: (rng) => `2001:db8::${rng.int(1, 0xffff).toString(16)}`,
}

function string(s: Json, ctx: Ctx, path: string, name: string): string {
  const rng = ctx.rng
  if (typeof s.pattern === 'string') {
    const examples = Array.isArray(s.examples) ? s.examples.filter((e) => typeof e === 'string') : []
    if (examples.length) return rng.pick(examples)
    ctx.notes.push({ path: `${path}/pattern`, what: 'pattern' })
  }
  const format = typeof s.format === 'string' ? FORMATS[s.format] : undefined
  let v = format ? format(rng, name) : randomStringFor(rng, name)
  const min = Math.min(num(s.minLength) ?? 0, 1000)
  const max = num(s.maxLength)
  while (v.length < min) v += randomWord(rng)
  if (max !== undefined && v.length > max) v = v.slice(0, Math.max(0, max))
  return v
}

function array(s: Json, ctx: Ctx, base: string, path: string, depth: number, limit: boolean): unknown[] {
  const rng = ctx.rng
  // 2020-12 tuples are prefixItems + items; earlier drafts', items (an array) + additionalItems.
  const modern = Array.isArray(s.prefixItems)
  const tuple = modern ? (s.prefixItems as unknown[]) : Array.isArray(s.items) ? s.items : []
  const tupleKey = modern ? 'prefixItems' : 'items'
  const restKey = !modern && Array.isArray(s.items) ? 'additionalItems' : 'items'
  const rest = s[restKey]
  const min = Math.min(num(s.minItems) ?? 0, 100)
  let max = Math.min(num(s.maxItems) ?? min + 3, min + 5)
  if (rest === false) max = Math.min(max, tuple.length)
  if (min > max)
    throw new RandomSchemaError(`Cannot generate a value for ${path}: minItems is above what fits.`)
  const n = limit ? min : rng.int(min, max)
  const out: unknown[] = []
  const seen = new Set<string>()
  for (let i = 0; i < n; i++) {
    const [item, at] =
      i < tuple.length ? [tuple[i], `${path}/${tupleKey}/${i}`] : [rest ?? true, `${path}/${restKey}`]
    const v = gen(item, ctx, base, at, depth + 1, '')
    if (s.uniqueItems === true) {
      const key = JSON.stringify(v)
      if (seen.has(key)) continue
      seen.add(key)
    }
    out.push(v)
  }
  return out
}

function object(s: Json, ctx: Ctx, base: string, path: string, depth: number, limit: boolean): Json {
  const rng = ctx.rng
  const props = isObj(s.properties) ? s.properties : {}
  const required = new Set(Array.isArray(s.required) ? s.required.filter((r) => typeof r === 'string') : [])
  const extra = s.additionalProperties
  const out: Json = {}
  for (const key of Object.keys(props)) {
    if (!required.has(key) && (limit || !rng.bool(0.8))) continue
    define(out, key, gen(props[key], ctx, base, `${path}/properties/${esc(key)}`, depth + 1, key))
  }
  const extraSchema = extra === undefined || extra === false ? true : extra
  for (const key of required) {
    if (key in props) continue
    define(out, key, gen(extraSchema, ctx, base, `${path}/additionalProperties`, depth + 1, key))
  }
  const maxProps = num(s.maxProperties) ?? Infinity
  let wanted = Math.min(num(s.minProperties) ?? 0, 100)
  if (isObj(extra) && Object.keys(props).length === 0 && !limit) wanted = Math.max(wanted, rng.int(0, 3))
  wanted = Math.min(wanted, maxProps)
  for (let i = 0; Object.keys(out).length < wanted && i < 200; i++) {
    if (extra === false) break
    const key = `${randomWord(rng)}${i}`
    if (key in props || key in out) continue
    define(out, key, gen(extraSchema, ctx, base, `${path}/additionalProperties`, depth + 1, key))
  }
  return out
}
