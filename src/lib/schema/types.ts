/**
 * The shapes shared by the registry codecs (Avro, Protobuf, JSON Schema). Type-only: importing this module adds
 * nothing to a bundle, so Browse/Produce can name these types without pulling a codec in (see codec-loader.ts).
 */
import type { Rng } from './random-values.ts'

export type SchemaFormat = 'AVRO' | 'PROTOBUF' | 'JSON'

/** A schema another one references: `name` is the import name (Protobuf), the `$ref` URI (JSON) or just a label (Avro). */
export interface SchemaReferenceText {
  name: string
  /** The referenced schema's text, as the registry returns it. */
  schema: string
}

/** A parsed schema, opaque outside its codec; reuse it for every record with that schema id (schema-cache.ts). */
export interface ParsedSchema {
  readonly format: SchemaFormat
}

/** Something lossless to show next to a value: a logical type's other reading, a note on unknown fields. */
export interface DecodeAnnotation {
  /** JSON Pointer into the decoded value ('' is the root). */
  pointer: string
  /** e.g. "timestamp-millis 1733494233000" or "2 unknown fields skipped". */
  note: string
}

/**
 * One decoded key or value, for every format alike. `json` is authoritative: compact JSON text that keeps every
 * digit (render it with prettyJson from src/lib/json/json-text.ts, filter and export it as it is). `value` is the
 * same data as a tree: numbers are `number` only where exact, otherwise `bigint` (integers) or lossless-json's
 * `LosslessNumber` (JSON Schema payloads); bytes and fixed are lowercase hex strings. Avro makes `json` on first
 * read (a getter), so decoding a whole window and showing a few rows does not pay for every text.
 */
export interface DecodedValue {
  format: SchemaFormat
  json: string
  value: unknown
  /** Protobuf: the full name of the message decoded. */
  messageName?: string
  annotations: DecodeAnnotation[]
  /** JSON Schema: where the payload breaks its schema (decoding still shows it). */
  warnings: string[]
}

export type DecodeFailureKind =
  /** The bytes end inside a value. */
  | 'truncated'
  /** The bytes cannot be this schema (bad union/enum index, bad varint, wrong wire type, invalid UTF-8 …). */
  | 'mismatch'
  /** The value ended before the bytes did. */
  | 'trailing-bytes'
  /** No magic byte 0 in front (see wire-format.ts). */
  | 'not-wire-format'
  | 'too-short'
  /** Message indexes that name no message of the schema. */
  | 'unknown-message'
  /** The schema's text itself could not be used. */
  | 'bad-schema'

export interface DecodeFailure {
  kind: DecodeFailureKind
  /** Human sentence: what happened and, where useful, what to do. */
  message: string
  /** Byte offset in the whole key/value (not the payload) where decoding stopped, when known. */
  offset?: number
}

export type DecodeResult = { ok: true; value: DecodedValue } | { ok: false; failure: DecodeFailure }

/** A value that does not fit its schema; `instancePath` is a JSON Pointer into the value given ('' = root). */
export interface ValueError {
  instancePath: string
  message: string
}

export type EncodeResult = { ok: true; bytes: Uint8Array } | { ok: false; errors: ValueError[] }

export type ParseResult<P extends ParsedSchema = ParsedSchema> =
  { ok: true; schema: P } | { ok: false; message: string }

export interface DecodeOptions {
  /** Protobuf: which message of the schema (from the wire format); [0] when absent. */
  messageIndexes?: readonly number[]
  /**
   * Avro logical types: 'readable' (default) puts ISO times, exact decimals and formatted UUIDs into the JSON
   * and the raw number in an annotation; 'raw' does the reverse.
   */
  logical?: 'readable' | 'raw'
}

export interface EncodeOptions {
  messageIndexes?: readonly number[]
}

/** What each lazily loaded codec module provides (codec-loader.ts). */
export interface Codec {
  format: SchemaFormat
  /** Parses a registry schema text; `references` are the texts of the schemas it references, in any order. */
  parse(schemaText: string, references?: readonly SchemaReferenceText[]): ParseResult
  /** Decodes `bytes[payloadOffset..]`; failure offsets count from the start of `bytes`. */
  decode(
    schema: ParsedSchema,
    bytes: Uint8Array,
    payloadOffset: number,
    options?: DecodeOptions,
  ): DecodeResult
  /** Encodes a JSON value (as parseJsonLossless gives it: LosslessNumber, bigint, numbers, strings …) as the payload, without the wire frame. */
  encode(schema: ParsedSchema, value: unknown, options?: EncodeOptions): EncodeResult
  /** Why a value does not fit (the produce form's live check); [] when it fits. JSON Schema: ajv-style instancePath. */
  validate(schema: ParsedSchema, value: unknown, options?: EncodeOptions): ValueError[]
  /** A starting value for the produce form, in the same JSON shape decode gives. */
  sample(schema: ParsedSchema, options?: EncodeOptions): unknown
  /**
   * A random value that fits (for "generate from schema"), in the same JSON shape decode gives; `rng` from
   * random-values.ts makes it reproducible. Throws an Error naming the schema path when none can be made.
   */
  random?(schema: ParsedSchema, rng: Rng, options?: EncodeOptions): unknown
  /** Protobuf: the messages a record can be (a schema may declare several), with their wire-format indexes. */
  messages?(schema: ParsedSchema): { name: string; indexes: number[] }[]
}
