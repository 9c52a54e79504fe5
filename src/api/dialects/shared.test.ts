import { describe, expect, it } from 'vitest'
import { parseProduceOffsets } from './shared.ts'

describe('parseProduceOffsets', () => {
  it('reads partition and offset, and an error entry as a failure', () => {
    const body = {
      offsets: [
        { partition: 1, offset: 7 },
        { error_code: 40402, error: 'no partition' },
      ],
    }
    expect(parseProduceOffsets(body, 2)).toEqual([
      { ok: true, partition: 1, offset: '7' },
      { ok: false, errorCode: 40402, message: 'no partition' },
    ])
  })

  it('reads a negative offset as stored at an unknown position, not as offset -1', () => {
    // Karapace 3.15 answers this for a stored record whose value is empty.
    expect(parseProduceOffsets({ offsets: [{ partition: 0, offset: -1 }] }, 1)).toEqual([
      { ok: true, partition: null, offset: null },
    ])
  })
})
