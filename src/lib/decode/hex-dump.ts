/**
 * `hexdump -C` style rows computed on demand, so a virtualised view of a 10 MB value renders only the
 * visible rows and never builds the whole dump.
 *
 *   00000000  48 65 6c 6c 6f 2c 20 4b  61 66 6b 61 21 0a        |Hello, Kafka!.|
 */

import { byteToHex } from '../bytes/hex.ts'

export interface HexDumpRow {
  /** Offset of the row's first byte: at least 8 hex digits, wider for values over 4 GiB, same width on every row. */
  offset: string
  /** Bytes as hex pairs, an extra space after every 8, padded with spaces to full row width. */
  hex: string
  /** Printable ASCII (0x20–0x7e) as is, anything else as '.'; not padded. */
  ascii: string
}

export const DEFAULT_BYTES_PER_ROW = 16

const ASCII: string[] = Array.from({ length: 256 }, (_, b) =>
  b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.',
)

export function hexDumpRowCount(length: number, bytesPerRow = DEFAULT_BYTES_PER_ROW): number {
  return Math.ceil(length / bytesPerRow)
}

/** Digits in the offset column for a value of `length` bytes (8 minimum, like hexdump). */
export function hexDumpOffsetWidth(length: number): number {
  return Math.max(8, Math.max(0, length - 1).toString(16).length)
}

/** Characters in the `hex` column of a full row: 3 per byte minus one, plus one per extra group gap. */
export function hexDumpHexWidth(bytesPerRow = DEFAULT_BYTES_PER_ROW): number {
  return bytesPerRow * 3 - 1 + Math.floor((bytesPerRow - 1) / 8)
}

export function hexDumpRow(
  bytes: Uint8Array,
  rowIndex: number,
  bytesPerRow = DEFAULT_BYTES_PER_ROW,
): HexDumpRow {
  if (!Number.isInteger(bytesPerRow) || bytesPerRow <= 0)
    throw new RangeError(`Invalid bytes per row: ${bytesPerRow}`)
  const start = rowIndex * bytesPerRow
  const end = Math.min(start + bytesPerRow, bytes.length)
  let hex = ''
  let ascii = ''
  for (let i = start; i < end; i++) {
    const k = i - start
    if (k > 0) hex += k % 8 === 0 ? '  ' : ' '
    hex += byteToHex(bytes[i])
    ascii += ASCII[bytes[i]]
  }
  const width = hexDumpHexWidth(bytesPerRow)
  if (hex.length < width) hex = hex.padEnd(width, ' ')
  return { offset: start.toString(16).padStart(hexDumpOffsetWidth(bytes.length), '0'), hex, ascii }
}

/**
 * The dump as text for copying, in `hexdump -C` layout (without its `*` folding of repeated rows) and
 * ending with the total length as an offset line. With `maxBytes`, only that many bytes are dumped and a
 * final line says how many were left out. Written into one byte buffer and decoded once: building 650k
 * row strings for a 10 MB value took seconds.
 */
export function hexDumpText(
  bytes: Uint8Array,
  maxBytes = Infinity,
  bytesPerRow = DEFAULT_BYTES_PER_ROW,
): string {
  if (!Number.isInteger(bytesPerRow) || bytesPerRow <= 0)
    throw new RangeError(`Invalid bytes per row: ${bytesPerRow}`)
  const shown = Math.min(bytes.length, Math.max(0, maxBytes))
  const rows = hexDumpRowCount(shown, bytesPerRow)
  const width = hexDumpOffsetWidth(bytes.length)
  const hexWidth = hexDumpHexWidth(bytesPerRow)
  const lineLength = width + 2 + hexWidth + 2 + 1 + bytesPerRow + 1 + 1
  const out = new Uint8Array(rows * lineLength)
  let o = 0
  for (let r = 0; r < rows; r++) {
    const start = r * bytesPerRow
    const end = Math.min(start + bytesPerRow, shown)
    // Offset column, most significant digit first.
    let offset = start
    for (let k = width - 1; k >= 0; k--) {
      out[o + k] = HEX_CODES[offset % 16]
      offset = Math.floor(offset / 16)
    }
    o += width
    out[o++] = SPACE
    out[o++] = SPACE
    const hexStart = o
    for (let i = start; i < end; i++) {
      const k = i - start
      if (k > 0) {
        out[o++] = SPACE
        if (k % 8 === 0) out[o++] = SPACE
      }
      out[o++] = HEX_CODES[bytes[i] >> 4]
      out[o++] = HEX_CODES[bytes[i] & 15]
    }
    while (o < hexStart + hexWidth) out[o++] = SPACE
    out[o++] = SPACE
    out[o++] = SPACE
    out[o++] = PIPE
    for (let i = start; i < end; i++) out[o++] = bytes[i] >= 0x20 && bytes[i] <= 0x7e ? bytes[i] : DOT
    out[o++] = PIPE
    out[o++] = NEWLINE
  }
  let tail: string
  if (shown < bytes.length) {
    const rest = bytes.length - shown
    tail = `… ${rest} more byte${rest === 1 ? '' : 's'} not shown (${bytes.length} in total)\n`
  } else {
    tail = bytes.length.toString(16).padStart(width, '0') + '\n'
  }
  return asciiDecoder.decode(out.subarray(0, o)) + tail
}

const HEX_CODES = new Uint8Array([...'0123456789abcdef'].map((c) => c.charCodeAt(0)))
const SPACE = 0x20
const PIPE = 0x7c
const DOT = 0x2e
const NEWLINE = 0x0a
const asciiDecoder = new TextDecoder()
