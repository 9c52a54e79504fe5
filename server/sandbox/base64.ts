/**
 * Base64 for the binary embedded format. Node's decoder silently accepts garbage, so input is
 * validated first: standard alphabet, correct padding, whitespace tolerated (MIME-style line
 * breaks). Confluent's own test vector `aGVsbG8==` (wrong padding) is rejected.
 */
const ALPHABET = /^[A-Za-z0-9+/]*={0,2}$/

export function decodeBase64(text: string): Buffer | null {
  const compact = /\s/.test(text) ? text.replace(/\s+/g, '') : text
  if (!ALPHABET.test(compact)) return null
  const pad = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0
  if (pad > 0) {
    if (compact.length % 4 !== 0) return null
  } else if (compact.length % 4 === 1) {
    return null
  }
  // Non-zero trailing bits mean the text was not produced by an encoder: reject like a strict decoder.
  const significant = compact.length - pad
  const rest = significant % 4
  if (rest !== 0) {
    const last = SEXTET.indexOf(compact[significant - 1])
    if ((rest === 2 && (last & 0x0f) !== 0) || (rest === 3 && (last & 0x03) !== 0)) return null
  }
  return Buffer.from(compact, 'base64')
}

const SEXTET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function encodeBase64(data: Uint8Array | null): string | null {
  if (data === null) return null
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64')
}
