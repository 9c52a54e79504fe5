/**
 * On-disk framing of a partition log. Each frame: u32 body length, u32 CRC-32 of the body, body.
 * A torn or corrupt tail (possible only after a power loss or a full disk) is detected by the
 * length/CRC check and cut off at recovery.
 */
import { crc32 } from 'node:zlib'

export interface RecordHeader {
  name: string
  value: Buffer | null
}

export interface StoredRecord {
  offset: number
  timestamp: number
  key: Buffer | null
  value: Buffer | null
  headers: RecordHeader[]
  /** Bytes counted against retention.bytes: key + value + headers. */
  size: number
}

const FRAME_RECORD = 1
const FRAME_LOG_START = 2
const FRAME_OVERHEAD = 8

export function recordSize(key: Buffer | null, value: Buffer | null, headers: RecordHeader[]): number {
  let size = (key?.length ?? 0) + (value?.length ?? 0)
  for (const h of headers) size += Buffer.byteLength(h.name) + (h.value?.length ?? 0)
  return size
}

export function encodeRecordFrame(rec: StoredRecord): Buffer {
  const headerNames = rec.headers.map((h) => Buffer.from(h.name, 'utf8'))
  let bodyLength = 1 + 8 + 8 + 4 + (rec.key?.length ?? 0) + 4 + (rec.value?.length ?? 0) + 4
  for (let i = 0; i < rec.headers.length; i++)
    bodyLength += 4 + headerNames[i].length + 4 + (rec.headers[i].value?.length ?? 0)
  const frame = Buffer.allocUnsafe(FRAME_OVERHEAD + bodyLength)
  let pos = FRAME_OVERHEAD
  frame.writeUInt8(FRAME_RECORD, pos++)
  frame.writeDoubleBE(rec.offset, pos)
  pos += 8
  frame.writeDoubleBE(rec.timestamp, pos)
  pos += 8
  pos = writeBytes(frame, pos, rec.key)
  pos = writeBytes(frame, pos, rec.value)
  frame.writeUInt32BE(rec.headers.length, pos)
  pos += 4
  for (let i = 0; i < rec.headers.length; i++) {
    frame.writeUInt32BE(headerNames[i].length, pos)
    pos += 4
    headerNames[i].copy(frame, pos)
    pos += headerNames[i].length
    pos = writeBytes(frame, pos, rec.headers[i].value)
  }
  finishFrame(frame, bodyLength)
  return frame
}

export function encodeLogStartFrame(logStartOffset: number): Buffer {
  const frame = Buffer.allocUnsafe(FRAME_OVERHEAD + 9)
  frame.writeUInt8(FRAME_LOG_START, FRAME_OVERHEAD)
  frame.writeDoubleBE(logStartOffset, FRAME_OVERHEAD + 1)
  finishFrame(frame, 9)
  return frame
}

function finishFrame(frame: Buffer, bodyLength: number): void {
  frame.writeUInt32BE(bodyLength, 0)
  frame.writeUInt32BE(crc32(frame.subarray(FRAME_OVERHEAD)) >>> 0, 4)
}

function writeBytes(frame: Buffer, pos: number, data: Buffer | null): number {
  if (data === null) {
    frame.writeInt32BE(-1, pos)
    return pos + 4
  }
  frame.writeInt32BE(data.length, pos)
  data.copy(frame, pos + 4)
  return pos + 4 + data.length
}

export type DecodedFrame =
  | { kind: 'record'; record: StoredRecord; frameBytes: number }
  | { kind: 'log-start'; offset: number; frameBytes: number }

/** Decodes every valid frame; `validBytes` is where the first bad or incomplete frame starts. */
export function decodeFrames(file: Buffer): { frames: DecodedFrame[]; validBytes: number } {
  const frames: DecodedFrame[] = []
  let pos = 0
  while (pos + FRAME_OVERHEAD <= file.length) {
    const bodyLength = file.readUInt32BE(pos)
    const end = pos + FRAME_OVERHEAD + bodyLength
    if (bodyLength < 1 || end > file.length) break
    const body = file.subarray(pos + FRAME_OVERHEAD, end)
    if (crc32(body) >>> 0 !== file.readUInt32BE(pos + 4)) break
    const frame = decodeBody(body, end - pos)
    if (frame === null) break
    frames.push(frame)
    pos = end
  }
  return { frames, validBytes: pos }
}

function decodeBody(body: Buffer, frameBytes: number): DecodedFrame | null {
  try {
    const kind = body.readUInt8(0)
    if (kind === FRAME_LOG_START) return { kind: 'log-start', offset: body.readDoubleBE(1), frameBytes }
    if (kind !== FRAME_RECORD) return null
    let pos = 1
    const offset = body.readDoubleBE(pos)
    pos += 8
    const timestamp = body.readDoubleBE(pos)
    pos += 8
    const key = readBytes(body, pos)
    pos = key.next
    const value = readBytes(body, pos)
    pos = value.next
    const count = body.readUInt32BE(pos)
    pos += 4
    const headers: RecordHeader[] = []
    for (let i = 0; i < count; i++) {
      const nameLength = body.readUInt32BE(pos)
      pos += 4
      if (pos + nameLength > body.length) return null
      const name = body.toString('utf8', pos, pos + nameLength)
      pos += nameLength
      const hv = readBytes(body, pos)
      pos = hv.next
      headers.push({ name, value: hv.data })
    }
    if (pos !== body.length) return null
    const record: StoredRecord = {
      offset,
      timestamp,
      key: key.data,
      value: value.data,
      headers,
      size: recordSize(key.data, value.data, headers),
    }
    return { kind: 'record', record, frameBytes }
  } catch {
    return null
  }
}

function readBytes(body: Buffer, pos: number): { data: Buffer | null; next: number } {
  const length = body.readInt32BE(pos)
  if (length === -1) return { data: null, next: pos + 4 }
  if (length < 0 || pos + 4 + length > body.length) throw new RangeError('bad length')
  // Copy so the record does not pin the whole file buffer in memory.
  return { data: Buffer.from(body.subarray(pos + 4, pos + 4 + length)), next: pos + 4 + length }
}
