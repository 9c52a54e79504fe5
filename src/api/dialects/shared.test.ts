import { describe, expect, it } from 'vitest'
import { isKafkaRestError } from '../errors.ts'
import { consumerPathFromBaseUri, parseProduceOffsets, seg } from './shared.ts'

describe('seg', () => {
  it('encodes every character that would change the path', () => {
    expect(seg('a/b?c#d%e f')).toBe('a%2Fb%3Fc%23d%25e%20f')
    expect(seg(3)).toBe('3')
  })

  it('refuses ".", "..", "" and lone surrogates with a KafkaRestError naming what', () => {
    for (const bad of ['.', '..', '', '\ud800']) {
      let thrown: unknown
      try {
        seg(bad, 'consumer group')
      } catch (e) {
        thrown = e
      }
      expect(isKafkaRestError(thrown)).toBe(true)
      expect((thrown as Error).message).toMatch(/consumer group/)
    }
  })
})

describe('consumerPathFromBaseUri', () => {
  it('takes group and instance from base_uri, re-encoded, whatever host or prefix it names', () => {
    expect(
      consumerPathFromBaseUri('http://internal:8082/kafka/consumers/g%201/instances/i%2Fx', 'g', 'i'),
    ).toBe('/consumers/g%201/instances/i%2Fx')
    expect(consumerPathFromBaseUri('http://h/consumers/g/instances/i/?x#y', 'g', 'other')).toBe(
      '/consumers/g/instances/i',
    )
  })

  it('falls back to the documented layout when base_uri is missing or has another shape', () => {
    expect(consumerPathFromBaseUri(undefined, 'g', 'i')).toBe('/consumers/g/instances/i')
    expect(consumerPathFromBaseUri('http://h/consumers/g/instances/../../x', 'g', 'i/j')).toBe(
      '/consumers/g/instances/i%2Fj',
    )
    expect(consumerPathFromBaseUri(42, 'g', 'i')).toBe('/consumers/g/instances/i')
  })

  it('refuses instance and group ids that are dot segments, in any spelling', () => {
    for (const uri of [
      'http://h/consumers/g/instances/..',
      'http://h/consumers/g/instances/%2e%2e',
      'http://h/consumers/g/instances/.%2E',
      'http://h/consumers/g/instances/.',
      'http://h/consumers/../instances/i',
    ]) {
      expect(() => consumerPathFromBaseUri(uri, 'g', 'i'), uri).toThrow(/cannot be put in a URL path/)
    }
    expect(() => consumerPathFromBaseUri(null, 'g', '..')).toThrow(/consumer instance id "\.\."/)
  })

  it('refuses malformed percent-encoding in base_uri', () => {
    expect(() => consumerPathFromBaseUri('http://h/consumers/g/instances/%E0%A4%A', 'g', 'i')).toThrow(
      /not valid percent-encoding/,
    )
  })
})

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
