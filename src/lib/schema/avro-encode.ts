/**
 * JSON value → Avro binary, validating as it goes. Accepts what the decoder gives (so decode∘encode is the
 * identity) and the usual hand-written forms: longs as numbers, bigint or digit strings; unions wrapped
 * ({"string": "x"}) or bare (first branch that fits); logical types raw or readable; bytes and fixed as hex.
 * Record field defaults (Avro JSON encoding) fill missing fields.
 */
import { isLosslessNumber } from 'lossless-json'
import { ByteWriter, pointer } from './byte-io.ts'
import { rawFromReadable, twosComplement } from './avro-logical.ts'
import { branchName, type AvroType } from './avro-schema.ts'
import { floatOf, hexOf, integerOf, isPlainObject } from './json-out.ts'

export class AvroEncodeError extends Error {
  readonly instancePath: string
  constructor(path: (string | number)[], message: string) {
    super(message)
    this.name = 'AvroEncodeError'
    this.instancePath = pointer(path)
  }
}

const INT32 = [-(2n ** 31n), 2n ** 31n - 1n] as const
const INT64 = [-(2n ** 63n), 2n ** 63n - 1n] as const
const MAX_DEPTH = 500

export function encodeAvro(type: AvroType, value: unknown): Uint8Array {
  const w = new ByteWriter()
  write(type, value, w, [], false)
  return w.result()
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (isLosslessNumber(value) || typeof value === 'number' || typeof value === 'bigint')
    return `the number ${String(value)}`
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : String(value)
}

/** `isDefault`: the value is a schema default, in Avro's JSON encoding (bytes as ISO-8859-1, union = first branch). */
function write(
  type: AvroType,
  value: unknown,
  w: ByteWriter,
  path: (string | number)[],
  isDefault: boolean,
): void {
  if (path.length > MAX_DEPTH)
    throw new AvroEncodeError(path, `The value nests deeper than ${MAX_DEPTH} levels.`)
  const fail = (expected: string): never => {
    throw new AvroEncodeError(path, `Expected ${expected}, got ${describe(value)}.`)
  }
  let v = value
  // A uuid string is already its own readable form.
  if ('logical' in type && type.logical && !(type.logical.name === 'uuid' && type.kind === 'string')) {
    const raw = rawFromReadable(type.logical, v)
    if (raw instanceof Error) throw new AvroEncodeError(path, raw.message)
    if (raw !== undefined) v = raw
    if (type.logical.name === 'decimal' && typeof v === 'bigint') {
      const bytes = twosComplement(v, type.kind === 'fixed' ? type.size : undefined)
      if (!bytes)
        throw new AvroEncodeError(
          path,
          `The decimal does not fit ${type.kind === 'fixed' ? type.size : ''} bytes.`,
        )
      if (type.kind === 'bytes') w.zigzag(bytes.length)
      w.bytes(bytes)
      return
    }
    if (type.logical.name === 'uuid' && type.kind === 'fixed' && typeof v === 'string') {
      const bytes = hexOf(v)
      if (!bytes || bytes.length !== 16) fail('a UUID')
      w.bytes(bytes!)
      return
    }
    if (type.logical.name === 'duration' && isPlainObject(v)) {
      for (const k of ['months', 'days', 'milliseconds']) {
        const n = integerOf(v[k])
        if (n === null || n < 0n || n > 0xffffffffn) {
          throw new AvroEncodeError([...path, k], `Expected an unsigned 32-bit integer for ${k}.`)
        }
        w.uint32le(Number(n))
      }
      return
    }
  }
  switch (type.kind) {
    case 'null':
      return v === null ? undefined : fail('null')
    case 'boolean':
      return typeof v === 'boolean' ? w.byte(v ? 1 : 0) : fail('true or false')
    case 'int':
    case 'long': {
      const n = integerOf(v)
      const [min, max] = type.kind === 'int' ? INT32 : INT64
      if (n === null || n < min || n > max)
        fail(`an integer within ${type.kind === 'int' ? '32' : '64'} bits`)
      return w.zigzag(n!)
    }
    case 'float':
    case 'double': {
      const n = floatOf(v)
      if (n === null) fail('a number')
      return type.kind === 'float' ? w.float32(n!) : w.float64(n!)
    }
    case 'bytes':
    case 'fixed': {
      const bytes = isDefault && typeof v === 'string' ? latin1(v) : hexOf(v)
      if (!bytes) return fail('bytes as a hex string (e.g. "00ff")')
      if (type.kind === 'fixed' && bytes.length !== type.size) {
        throw new AvroEncodeError(
          path,
          `Fixed ${type.name} takes exactly ${type.size} bytes, got ${bytes.length}.`,
        )
      }
      if (type.kind === 'bytes') w.zigzag(bytes.length)
      return w.bytes(bytes)
    }
    case 'string': {
      if (typeof v !== 'string') return fail('a string')
      const bytes = w.utf8(v)
      w.zigzag(bytes.length)
      return w.bytes(bytes)
    }
    case 'enum': {
      const i = typeof v === 'string' ? type.symbols.indexOf(v) : -1
      if (i < 0)
        fail(`one of ${type.symbols.slice(0, 10).join(', ')}${type.symbols.length > 10 ? ', …' : ''}`)
      return w.zigzag(i)
    }
    case 'array': {
      if (!Array.isArray(v)) return fail('an array')
      if (v.length > 0) {
        w.zigzag(v.length)
        v.forEach((item, i) => write(type.items, item, w, [...path, i], isDefault))
      }
      return w.byte(0)
    }
    case 'map': {
      if (!isPlainObject(v)) return fail('an object (map)')
      const keys = Object.keys(v)
      if (keys.length > 0) {
        w.zigzag(keys.length)
        for (const k of keys) {
          const kb = w.utf8(k)
          w.zigzag(kb.length)
          w.bytes(kb)
          write(type.values, v[k], w, [...path, k], isDefault)
        }
      }
      return w.byte(0)
    }
    case 'record': {
      if (!isPlainObject(v)) return fail(`an object (record ${type.name})`)
      const known = new Set(type.fields.map((f) => f.name))
      const extra = Object.keys(v).find((k) => !known.has(k))
      if (extra !== undefined)
        throw new AvroEncodeError([...path, extra], `Record ${type.name} has no field "${extra}".`)
      for (const f of type.fields) {
        if (Object.hasOwn(v, f.name)) write(f.type, v[f.name], w, [...path, f.name], isDefault)
        else if (f.hasDefault) write(f.type, f.default, w, [...path, f.name], true)
        else
          throw new AvroEncodeError([...path, f.name], `The field "${f.name}" is missing and has no default.`)
      }
      return
    }
    case 'union':
      return writeUnion(type.branches, v, w, path, isDefault)
  }
}

function writeUnion(
  branches: AvroType[],
  v: unknown,
  w: ByteWriter,
  path: (string | number)[],
  isDefault: boolean,
) {
  if (isDefault) {
    // A union's default is a value of its first branch, unwrapped.
    w.zigzag(0)
    return write(branches[0], v, w, path, true)
  }
  if (v === null) {
    const i = branches.findIndex((b) => b.kind === 'null')
    if (i >= 0) return w.zigzag(i)
  }
  if (isPlainObject(v)) {
    const keys = Object.keys(v)
    if (keys.length === 1) {
      const i = branches.findIndex((b) => branchName(b) === keys[0] || branchName(b).endsWith(`.${keys[0]}`))
      if (i >= 0) {
        w.zigzag(i)
        return write(branches[i], v[keys[0]], w, [...path, keys[0]], false)
      }
    }
  }
  // A bare value: the first branch it fits, so {"name": "x"} works for ["null", "string"] as it does in avsc.
  let first: AvroEncodeError | null = null
  for (let i = 0; i < branches.length; i++) {
    const trial = new ByteWriter()
    try {
      write(branches[i], v, trial, path, false)
    } catch (error) {
      if (!(error instanceof AvroEncodeError)) throw error
      first ??= error
      continue
    }
    w.zigzag(i)
    return w.bytes(trial.result())
  }
  throw new AvroEncodeError(
    path,
    `The value (${describe(v)}) fits no branch of the union (${branches.map(branchName).join(', ')}); write it as {"<branch>": value}.` +
      (first && branches.length === 2 && branches.some((b) => b.kind === 'null') ? ` ${first.message}` : ''),
  )
}

function latin1(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c > 0xff) return null
    out[i] = c
  }
  return out
}
