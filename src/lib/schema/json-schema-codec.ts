/**
 * The JSON Schema codec (loaded lazily through codec-loader.ts). The payload is JSON text: decoding keeps it
 * as it is (lossless by construction) and checks it against the schema, reporting mismatches as warnings.
 * Validation uses @cfworker/json-schema, an interpreter: ajv compiles schemas with `new Function`, which the
 * console's Content-Security-Policy (script-src 'self') forbids. Drafts 4, 6/7, 2019-09 and 2020-12 by `$schema`
 * (draft-07 when absent, as the registry assumes).
 */
import { Validator, type OutputUnit, type Schema, type SchemaDraft } from '@cfworker/json-schema'
import { isLosslessNumber, LosslessNumber, parse } from 'lossless-json'
import { inspectJson } from '../json/json-text.ts'
import { MAX_PARSE_DEPTH } from '../json/json-lossless.ts'
import { toJsonText } from './json-out.ts'
import { randomJsonSchema } from './random-json-schema.ts'
import { sampleJsonSchema } from './sample-from-schema.ts'
import type {
  Codec,
  DecodeResult,
  EncodeResult,
  ParsedSchema,
  ParseResult,
  SchemaReferenceText,
  ValueError,
} from './types.ts'

export interface ParsedJsonSchema extends ParsedSchema {
  readonly format: 'JSON'
  readonly schema: Schema | boolean
  readonly validator: Validator
  /** The schema and its references by absolute URI, for the random generator's `$ref`s. */
  readonly documents: ReadonlyMap<string, unknown>
}

/** A base for schemas without `$id`, so relative `$ref`s resolve the same wherever the console runs. */
const BASE = 'https://schema-registry.invalid/schemas/'
const MAX_ERRORS = 20
const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
const encoder = new TextEncoder()

function asJson(schema: ParsedSchema): ParsedJsonSchema {
  if (schema.format !== 'JSON')
    throw new TypeError(`A ${schema.format} schema was given to the JSON Schema codec.`)
  return schema as ParsedJsonSchema
}

function draftOf(schema: unknown): SchemaDraft {
  const uri =
    typeof schema === 'object' && schema !== null ? (schema as { $schema?: unknown }).$schema : undefined
  if (typeof uri !== 'string') return '7'
  if (uri.includes('2020-12')) return '2020-12'
  if (uri.includes('2019-09')) return '2019-09'
  if (uri.includes('draft-04')) return '4'
  return '7'
}

export function parseJsonSchema(
  schemaText: string,
  references: readonly SchemaReferenceText[] = [],
): ParseResult {
  const parseOne = (text: string, what: string): Schema | boolean => {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      throw new Error(`${what} is not valid JSON: ${error instanceof Error ? error.message : error}`, {
        cause: error,
      })
    }
    if (typeof json !== 'boolean' && (typeof json !== 'object' || json === null || Array.isArray(json))) {
      throw new Error(`${what} is not a JSON Schema (an object or a boolean).`)
    }
    return json as Schema | boolean
  }
  try {
    const parsed = parseOne(schemaText, 'The schema')
    const schema =
      typeof parsed === 'object' && typeof parsed.$id !== 'string'
        ? { ...parsed, $id: `${BASE}schema.json` }
        : parsed
    const base =
      typeof schema === 'object' && typeof schema.$id === 'string' ? schema.$id : `${BASE}schema.json`
    const validator = new Validator(schema, draftOf(schema), false)
    const documents = new Map<string, unknown>([[base.replace(/#.*$/, ''), schema]])
    for (const ref of references) {
      const refSchema = parseOne(ref.schema, `The referenced schema "${ref.name}"`)
      if (typeof refSchema === 'boolean') continue
      let id: string
      try {
        id = new URL(ref.name, base).href
      } catch {
        id = `${BASE}${encodeURIComponent(ref.name)}`
      }
      validator.addSchema(refSchema, id)
      documents.set(id, refSchema)
      if (typeof refSchema.$id === 'string' && refSchema.$id !== id) {
        validator.addSchema(refSchema)
        try {
          documents.set(new URL(refSchema.$id).href, refSchema)
        } catch {
          // a relative $id is known by its reference name only
        }
      }
    }
    const result: ParsedJsonSchema = { format: 'JSON', schema, validator, documents }
    return { ok: true, schema: result }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

/** The value as the validator sees it: plain JS numbers (digits beyond a double matter to no keyword we check). */
function plain(value: unknown, depth = 0): unknown {
  if (depth > MAX_PARSE_DEPTH) return null
  if (isLosslessNumber(value)) return Number(value.toString())
  if (typeof value === 'bigint') return Number(value)
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1))
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value)) {
      Object.defineProperty(out, k, {
        value: plain((value as Record<string, unknown>)[k], depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return out
  }
  return value
}

// Keywords that only say "something below failed": shown only when nothing more precise is.
const FALSE_SCHEMA = 'False boolean schema.'
const SUMMARY = new Set([
  'properties',
  'items',
  'prefixItems',
  'additionalItems',
  '$ref',
  '$dynamicRef',
  'allOf',
  'dependentSchemas',
])

/** Checks a value (as parseJsonLossless gives it) against the schema; [] when it fits. */
export function validateJson(schema: ParsedSchema, value: unknown): ValueError[] {
  const result = asJson(schema).validator.validate(plain(value))
  if (result.valid) return []
  const precise = result.errors.filter((e: OutputUnit) => !SUMMARY.has(e.keyword))
  const chosen = (precise.length > 0 ? precise : result.errors).map((e: OutputUnit) => {
    let instancePath = e.instanceLocation.replace(/^#/, '')
    // "Property "x" does not match additional properties schema" is about x: point at it.
    const property = /^Property "(.*)" does not match (?:additional|unevaluated) properties/.exec(
      e.error,
    )?.[1]
    if (property !== undefined) instancePath += '/' + property.replace(/~/g, '~0').replace(/\//g, '~1')
    return { instancePath, message: e.error }
  })
  const seen = new Set<string>()
  const paths = new Set(chosen.filter((e) => e.message !== FALSE_SCHEMA).map((e) => e.instancePath))
  const out: ValueError[] = []
  for (const e of chosen) {
    // The bare "False boolean schema." adds nothing where a clearer error names the same place.
    if (e.message === FALSE_SCHEMA && paths.has(e.instancePath)) continue
    const key = `${e.instancePath}\u0000${e.message}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(e)
    if (out.length >= MAX_ERRORS) break
  }
  return out
}

export function decodeJsonPayload(
  schema: ParsedSchema,
  bytes: Uint8Array,
  payloadOffset: number,
): DecodeResult {
  const payload = bytes.subarray(payloadOffset)
  const inspected = inspectJson(payload)
  if (!inspected.ok) {
    const text = decoder.decode(payload)
    const offset = payloadOffset + encoder.encode(text.slice(0, inspected.error.position)).length
    return {
      ok: false,
      failure: {
        kind: 'mismatch',
        offset,
        message: `The payload of this JSON Schema record is not JSON: ${inspected.error.message}.`,
      },
    }
  }
  if (inspected.summary.maxDepth > MAX_PARSE_DEPTH) {
    return {
      ok: false,
      failure: {
        kind: 'mismatch',
        offset: payloadOffset,
        message: `The JSON nests more than ${MAX_PARSE_DEPTH} levels.`,
      },
    }
  }
  const json = decoder.decode(payload).replace(/^\uFEFF/, '')
  let value: unknown
  try {
    // A plain number only where it prints back the same (so 1.10 and 1e3 stay as written).
    value = parse(json, null, (s) => (String(Number(s)) === s ? Number(s) : new LosslessNumber(s)))
  } catch (error) {
    return {
      ok: false,
      failure: {
        kind: 'mismatch',
        offset: payloadOffset,
        message: `The JSON payload cannot be read: ${(error as Error).message}`,
      },
    }
  }
  const warnings = validateJson(schema, value)
    .slice(0, 5)
    .map((e) => `${e.instancePath || '(root)'}: ${e.message}`)
  return { ok: true, value: { format: 'JSON', json, value, annotations: [], warnings } }
}

export function encodeJsonValue(schema: ParsedSchema, value: unknown): EncodeResult {
  const errors = validateJson(schema, value)
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, bytes: encoder.encode(toJsonText(value)) }
}

export const codec: Codec = {
  format: 'JSON',
  parse: parseJsonSchema,
  decode: decodeJsonPayload,
  encode: encodeJsonValue,
  validate: validateJson,
  sample: (schema) => sampleJsonSchema(asJson(schema).schema),
  random: (schema, rng) => {
    const parsed = asJson(schema)
    return randomJsonSchema(parsed.schema, parsed.documents, rng, (v) => validateJson(schema, v))
  },
}
