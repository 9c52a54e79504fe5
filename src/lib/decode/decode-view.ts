/**
 * What the detail view shows for a key or value under each decoder. Pure and total: every function accepts any
 * bytes and never throws (property-tested); a decoder that does not fit says why instead.
 */
import { bytesToBase64 } from '../bytes/base64.ts'
import { byteToHex } from '../bytes/hex.ts'
import { prettyJson } from '../json/json-text.ts'
import { detectPayload, type PayloadDetection } from './detect-payload.ts'

export type ViewDecoder = 'text' | 'json' | 'hex' | 'base64' | 'image'
export type DecoderChoice = 'auto' | ViewDecoder

export const VIEW_DECODERS: readonly ViewDecoder[] = ['text', 'json', 'hex', 'base64', 'image']

export const DECODER_LABELS: Record<ViewDecoder, string> = {
  text: 'Text (UTF-8)',
  json: 'JSON',
  hex: 'Hex dump',
  base64: 'Base64',
  image: 'Image',
}

/** Values up to this size are pretty-printed as JSON without asking. */
export const AUTO_JSON_BYTES = 4 * 1024 * 1024
/** Base64 shown before "show all" (the copy and download buttons always take everything). */
export const BASE64_VIEW_BYTES = 768 * 1024

/** The decoder to use: the user's choice, or the detected one for 'auto'. */
export function resolveDecoder(choice: DecoderChoice, detection: PayloadDetection): ViewDecoder {
  return choice === 'auto' ? detection.decoder : choice
}

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp'

/** Only raster formats recognised by magic bytes; SVG (which can carry scripts) is never an image here. */
export function imageMime(detection: PayloadDetection): ImageMime | null {
  if (detection.kind !== 'image') return null
  const m = detection.mime
  return m === 'image/png' || m === 'image/jpeg' || m === 'image/gif' || m === 'image/webp' ? m : null
}

/** The Schema Registry wire prefix (magic byte 0 + 4-byte schema id), when detection found one. */
export interface WirePrefix {
  schemaId: number
  /** The 5 prefix bytes as hex, e.g. "00 00 00 00 2a". */
  hex: string
  payloadOffset: number
}

export function wirePrefix(bytes: Uint8Array, detection: PayloadDetection): WirePrefix | null {
  const sr = detection.schemaRegistry
  if (!sr || bytes.length < 5) return null
  return {
    schemaId: sr.schemaId,
    hex: Array.from(bytes.subarray(0, 5), byteToHex).join(' '),
    payloadOffset: sr.payloadOffset,
  }
}

export type JsonView =
  | { ok: true; text: string; payloadOffset: number }
  | { ok: false; message: string }
  | { ok: false; tooLarge: true; message: string }

/**
 * Pretty JSON, lossless (numbers keep every digit, key order and escapes stay). A Schema Registry framed value
 * is pretty-printed from its payload (byte 5 on). Large values wait for `force`.
 */
export function jsonView(bytes: Uint8Array, detection: PayloadDetection, force = false): JsonView {
  const offset = detection.schemaRegistry?.inner.kind === 'json' ? detection.schemaRegistry.payloadOffset : 0
  const payload = bytes.subarray(offset)
  if (!force && payload.length > AUTO_JSON_BYTES) {
    return {
      ok: false,
      tooLarge: true,
      message: `This value is ${payload.length} bytes; pretty-printing it may take a moment.`,
    }
  }
  try {
    const result = prettyJson(payload)
    if (result.ok) return { ok: true, text: result.text, payloadOffset: offset }
    return { ok: false, message: `Not valid JSON: ${result.error.message}` }
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
}

export interface Base64View {
  text: string
  truncated: boolean
}

export function base64View(bytes: Uint8Array, maxBytes = BASE64_VIEW_BYTES): Base64View {
  // A multiple of 3 keeps the shown prefix identical to the start of the full encoding.
  const shown = Math.min(bytes.length, Math.max(0, Math.floor(maxBytes / 3) * 3))
  return { text: bytesToBase64(bytes.subarray(0, shown)), truncated: shown < bytes.length }
}

/** Detection that never throws and is cheap to call once per selected value. */
export function detect(bytes: Uint8Array): PayloadDetection {
  return detectPayload(bytes)
}
