import { describe, expect, it, vi } from 'vitest'
import { bytesToBase64 } from '../../lib/bytes/base64.ts'
import { byteList, expectBytes } from '../../lib/testing/bytes-assert.ts'
import { prepareRecords } from './prepare-records.ts'

const bytes = (n: number) => new Uint8Array(n).map((_, i) => (i * 2654435761) >>> 24)

describe('prepareRecords (what a file value sends)', () => {
  it('sends the exact bytes of a file, and their base64 encoded off the main thread path', async () => {
    const content = bytes(100_001)
    const file = new File([content], 'random.bin')
    const onProgress = vi.fn()
    const [record] = await prepareRecords([{ record: { key: null, value: new Uint8Array() }, file }], {
      onProgress,
    })
    expectBytes(record.value, content)
    const base64 = record.valueBase64 instanceof Blob ? await record.valueBase64.text() : record.valueBase64
    expect(base64).toBe(bytesToBase64(content))
    expect(onProgress).toHaveBeenLastCalledWith(100_001, 100_001)
  })

  it('sends an empty file as an empty value, not null', async () => {
    const [record] = await prepareRecords([
      { record: { key: null, value: new Uint8Array() }, file: new File([], 'empty') },
    ])
    expect(byteList(record.value)).toEqual([])
    expect(record.valueBase64 instanceof Blob ? await record.valueBase64.text() : record.valueBase64).toBe('')
  })

  it('reports progress over all files and leaves other records as they are', async () => {
    const plain = { key: null, value: new Uint8Array([1]) }
    const progress: Array<[number, number]> = []
    const encodeFile = async (file: Blob, o: { onProgress?: (l: number, t: number) => void }) => {
      o.onProgress?.(file.size, file.size)
      return 'x'
    }
    const out = await prepareRecords(
      [
        { record: { key: null, value: new Uint8Array() }, file: new File([bytes(3)], 'a') },
        { record: plain, file: null },
        { record: { key: null, value: new Uint8Array() }, file: new File([bytes(5)], 'b') },
      ],
      { encodeFile, onProgress: (l, t) => progress.push([l, t]) },
    )
    expect(out[1]).toBe(plain)
    expect(progress.at(-1)).toEqual([8, 8])
    expect(progress).toContainEqual([3, 8])
  })

  it('stops when aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      prepareRecords([{ record: { key: null, value: new Uint8Array() }, file: new File([bytes(3)], 'a') }], {
        signal: controller.signal,
      }),
    ).rejects.toThrow()
  })
})
