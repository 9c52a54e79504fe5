/**
 * A bounds-checked byte reader and a growable writer for the binary codecs. Every read checks the end first and
 * throws a DecodeError carrying the offset, so a hostile payload ends in a typed failure, never a wrong value.
 * Varints are read as numbers while they fit 49 bits and as bigint beyond, so 64-bit values stay exact.
 */

export class DecodeError extends Error {
  readonly kind: 'truncated' | 'mismatch'
  readonly offset: number
  constructor(kind: 'truncated' | 'mismatch', offset: number, message: string) {
    super(message)
    this.name = 'DecodeError'
    this.kind = kind
    this.offset = offset
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const utf8Encoder = new TextEncoder()

export class ByteReader {
  readonly buf: Uint8Array
  pos: number
  end: number
  private view: DataView | null = null

  constructor(buf: Uint8Array, pos = 0, end = buf.length) {
    this.buf = buf
    this.pos = pos
    this.end = end
  }

  need(n: number, what: string): void {
    if (n < 0 || this.pos + n > this.end) {
      throw new DecodeError(
        'truncated',
        this.pos,
        `The bytes end inside ${what}: ${n} bytes needed at offset ${this.pos}, ${Math.max(0, this.end - this.pos)} left.`,
      )
    }
  }

  byte(what = 'a byte'): number {
    this.need(1, what)
    return this.buf[this.pos++]
  }

  /** An unsigned varint of up to 64 bits: a number below 2^49, a bigint above. */
  varint(what = 'a varint'): number | bigint {
    const start = this.pos
    let value = 0
    let scale = 1
    for (let i = 0; i < 7; i++) {
      const b = this.byte(what)
      value += (b & 0x7f) * scale
      if (b < 0x80) return value
      scale *= 128
    }
    let big = BigInt(value)
    let shift = 49n
    for (let i = 7; i < 10; i++) {
      const b = this.byte(what)
      if (i === 9 && b > 1) break
      big |= BigInt(b & 0x7f) << shift
      if (b < 0x80) return big
      shift += 7n
    }
    throw new DecodeError('mismatch', start, `${capital(what)} at offset ${start} is longer than 64 bits.`)
  }

  /** A zig-zag varint (Avro int/long, Protobuf sint*): a number when safe, a bigint otherwise. */
  zigzag(what = 'a varint'): number | bigint {
    const raw = this.varint(what)
    if (typeof raw === 'number') return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2
    const v = (raw >> 1n) ^ -(raw & 1n)
    return Number.isSafeInteger(Number(v)) && BigInt(Number(v)) === v ? Number(v) : v
  }

  bytes(n: number, what = 'bytes'): Uint8Array {
    this.need(n, what)
    const out = this.buf.subarray(this.pos, this.pos + n)
    this.pos += n
    return out
  }

  utf8(n: number, what = 'a string'): string {
    const start = this.pos
    this.need(n, what)
    // Short ASCII strings (keys, codes, names) are built in place: a subarray and a TextDecoder call cost more.
    if (n <= 32) {
      const buf = this.buf
      let ascii = ''
      let i = start
      const end = start + n
      for (; i < end; i++) {
        const c = buf[i]
        if (c >= 0x80) break
        ascii += String.fromCharCode(c)
      }
      if (i === end) {
        this.pos = end
        return ascii
      }
    }
    const b = this.bytes(n, what)
    try {
      return utf8.decode(b)
    } catch {
      throw new DecodeError('mismatch', start, `${capital(what)} at offset ${start} is not valid UTF-8.`)
    }
  }

  private dv(): DataView {
    this.view ??= new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength)
    return this.view
  }

  float32(what = 'a float'): number {
    this.need(4, what)
    const v = this.dv().getFloat32(this.pos, true)
    this.pos += 4
    return v
  }

  float64(what = 'a double'): number {
    this.need(8, what)
    const v = this.dv().getFloat64(this.pos, true)
    this.pos += 8
    return v
  }

  uint32le(what = 'a fixed32'): number {
    this.need(4, what)
    const v = this.dv().getUint32(this.pos, true)
    this.pos += 4
    return v
  }

  uint64le(what = 'a fixed64'): bigint {
    this.need(8, what)
    const v = this.dv().getBigUint64(this.pos, true)
    this.pos += 8
    return v
  }
}

export class ByteWriter {
  private buf = new Uint8Array(64)
  private view = new DataView(this.buf.buffer)
  len = 0

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.len + n))
    grown.set(this.buf.subarray(0, this.len))
    this.buf = grown
    this.view = new DataView(grown.buffer)
  }

  byte(b: number): void {
    this.reserve(1)
    this.buf[this.len++] = b & 0xff
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length)
    this.buf.set(b, this.len)
    this.len += b.length
  }

  /** An unsigned varint; `value` must be a non-negative integer below 2^64. */
  varint(value: number | bigint): void {
    if (typeof value === 'number' && value < 0x80000000) {
      let v = value
      while (v >= 0x80) {
        this.byte((v & 0x7f) | 0x80)
        v >>>= 7
      }
      this.byte(v)
      return
    }
    let v = BigInt(value)
    while (v >= 0x80n) {
      this.byte(Number(v & 0x7fn) | 0x80)
      v >>= 7n
    }
    this.byte(Number(v))
  }

  /** A zig-zag varint of a signed 64-bit integer. */
  zigzag(value: number | bigint): void {
    if (typeof value === 'number' && value > -0x40000000 && value < 0x40000000) {
      this.varint(value >= 0 ? value * 2 : -value * 2 - 1)
      return
    }
    const v = BigInt(value)
    this.varint(BigInt.asUintN(64, (v << 1n) ^ (v >> 63n)))
  }

  utf8(text: string): Uint8Array {
    return utf8Encoder.encode(text)
  }

  float32(v: number): void {
    this.reserve(4)
    this.view.setFloat32(this.len, v, true)
    this.len += 4
  }

  float64(v: number): void {
    this.reserve(8)
    this.view.setFloat64(this.len, v, true)
    this.len += 8
  }

  uint32le(v: number): void {
    this.reserve(4)
    this.view.setUint32(this.len, v >>> 0, true)
    this.len += 4
  }

  uint64le(v: bigint): void {
    this.reserve(8)
    this.view.setBigUint64(this.len, BigInt.asUintN(64, v), true)
    this.len += 8
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.len)
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** JSON Pointer of a path (RFC 6901 escaping). */
export function pointer(path: readonly (string | number)[]): string {
  let out = ''
  for (const p of path) {
    const segment = String(p)
    out += '/' + (/[~/]/.test(segment) ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment)
  }
  return out
}
