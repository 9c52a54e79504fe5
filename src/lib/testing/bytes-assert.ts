import { expect } from 'vitest'

/**
 * Test helper: compares byte contents only. Under jsdom, TextEncoder returns Uint8Arrays from Node's realm,
 * which `toEqual` treats as a different type, and element-wise `toEqual` is very slow for megabytes.
 */
export function expectBytes(
  actual: Uint8Array | null | undefined,
  expected: Uint8Array | ArrayLike<number>,
): void {
  expect(actual, 'bytes').toBeTruthy()
  const a = actual as Uint8Array
  expect(a.length, 'byte length').toBe(expected.length)
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== expected[i]) {
      expect.fail(`bytes differ at offset ${i}: ${a[i]} !== ${expected[i]}`)
    }
  }
}

/** Normalises any byte view to a plain number array, for `toEqual` inside structures. */
export function byteList(bytes: Uint8Array | null | undefined): number[] | null {
  return bytes == null ? null : Array.from(bytes)
}
