/** About 1 KB of JSON: the record shape of the browse and proxy figures. */
export function json1k(i: number): string {
  const filler = 'x'.repeat(900)
  return JSON.stringify({ id: i, customer: `c-${i % 97}`, amount: (i * 37) % 1000, note: filler })
}

export const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64')

/** A compact JSON array of `json1k`-like objects of at least `bytes` bytes (the large-value figures). */
export function largeJson(bytes: number): Buffer {
  const parts: string[] = []
  let size = 2
  for (let i = 0; size < bytes; i++) {
    const item = JSON.stringify({
      id: i,
      customer: `c-${i % 97}`,
      tags: ['a', 'b'],
      note: 'y'.repeat(200 + (i % 50)),
    })
    parts.push(item)
    size += item.length + 1
  }
  return Buffer.from(`[${parts.join(',')}]`)
}
