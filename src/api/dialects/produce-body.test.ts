import { describe, expect, it } from 'vitest'
import { bytesToBase64 } from '../../lib/bytes/base64.ts'
import { PreparedBody, type HttpTransport, type RestRequest, type RestResponse } from '../http/transport.ts'
import type { ProduceRecord } from '../types.ts'
import { ConfluentV1Client } from './confluent-v1.ts'
import { V2Client } from './confluent-v2.ts'
import { ConfluentV3Client } from './confluent-v3.ts'
import { RedpandaClient } from './redpanda.ts'
import { Base64Json, stringifyBody } from './shared.ts'
import { StrimziClient } from './strimzi.ts'

/** A request body as text, however the adapter handed it over. */
async function bodyText(body: RestRequest['body']): Promise<string> {
  const b = body instanceof PreparedBody ? body.sent : body
  return b instanceof Blob ? b.text() : String(b)
}

/** Records the requests an adapter makes and answers each produce with one offset per record. */
function fakeTransport() {
  const sent: RestRequest[] = []
  const answer = async (req: RestRequest): Promise<RestResponse> => {
    sent.push(req)
    const body = await bodyText(req.body)
    if (req.path.startsWith('/v3/')) {
      const n = body.split('\n').length
      const reports = Array.from({ length: n }, (_, i) => ({ error_code: 200, partition_id: 0, offset: i }))
      return {
        status: 200,
        contentType: 'application/json',
        text: reports.map((r) => JSON.stringify(r)).join(''),
      }
    }
    const n = (JSON.parse(body) as { records: unknown[] }).records.length
    const offsets = Array.from({ length: n }, (_, i) => ({ partition: 0, offset: i }))
    return { status: 200, contentType: 'application/json', text: JSON.stringify({ offsets }) }
  }
  const transport = {
    request: answer,
    json: async (req: RestRequest) => JSON.parse((await answer(req)).text) as unknown,
  } as unknown as HttpTransport
  return { transport, sent }
}

const ABC = new TextEncoder().encode('ABC') // "QUJD"

describe('stringifyBody', () => {
  it('gives exactly what JSON.stringify gives for the same strings', () => {
    const body = {
      records: [
        { value: new Base64Json('QUJD'), key: 'a"b', partition: 2 },
        { value: null, key: null },
        { value: new Base64Json(''), headers: [{ name: '\u2028', value: new Base64Json('AA==') }] },
      ],
    }
    const plain = {
      records: [
        { value: 'QUJD', key: 'a"b', partition: 2 },
        { value: null, key: null },
        { value: '', headers: [{ name: '\u2028', value: 'AA==' }] },
      ],
    }
    expect(stringifyBody(body)).toBe(JSON.stringify(plain))
  })

  it('does not treat user text that looks like a marker as one', () => {
    const body = { a: '@krc-base64-000000000000@0', b: new Base64Json('Zg==') }
    expect(JSON.parse(stringifyBody(body) as string)).toEqual({ a: '@krc-base64-000000000000@0', b: 'Zg==' })
  })

  it('is plain JSON.stringify when nothing is spliced', () => {
    expect(stringifyBody({ x: [1, 'two', null] })).toBe('{"x":[1,"two",null]}')
  })
})

describe('produce bodies use a pre-encoded valueBase64', () => {
  // A valueBase64 that differs from `value` shows which one the adapter sent (real callers keep them equal).
  const record: ProduceRecord = {
    key: null,
    value: new Uint8Array([1, 2, 3]),
    valueBase64: bytesToBase64(ABC),
  }

  it.each([
    ['v1', (t: HttpTransport) => new ConfluentV1Client(t)],
    ['v2', (t: HttpTransport) => new V2Client(t)],
    ['strimzi', (t: HttpTransport) => new StrimziClient(t)],
    ['redpanda', (t: HttpTransport) => new RedpandaClient(t)],
  ])('%s sends valueBase64 as the record value', async (_name, make) => {
    const { transport, sent } = fakeTransport()
    const results = await make(transport).produce('t', [record, { key: ABC, value: ABC }])
    expect(results.map((r) => r.ok)).toEqual([true, true])
    const body = JSON.parse(await bodyText(sent[0].body)) as {
      records: Array<{ value: string; key?: string }>
    }
    expect(body.records[0].value).toBe('QUJD')
    expect(body.records[1]).toMatchObject({ value: 'QUJD', key: 'QUJD' })
  })

  it('v3 sends valueBase64 as the BINARY data of the value', async () => {
    const { transport, sent } = fakeTransport()
    await new ConfluentV3Client(transport, 'c1', null).produce('t', [record, { key: null, value: null }])
    const lines = (await bodyText(sent[0].body))
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines[0]).toEqual({ value: { type: 'BINARY', data: 'QUJD' } })
    expect(lines[1]).toEqual({})
  })

  it('a Blob valueBase64 makes the body a Blob with the value spliced in', async () => {
    const blobRecord: ProduceRecord = { key: ABC, value: ABC, valueBase64: new Blob(['QUJD']) }
    const v2 = fakeTransport()
    await new V2Client(v2.transport).produce('t', [blobRecord, { key: null, value: new Uint8Array([0]) }])
    expect(v2.sent[0].body).toBeInstanceOf(Blob)
    expect(JSON.parse(await (v2.sent[0].body as Blob).text())).toEqual({
      records: [{ value: 'QUJD', key: 'QUJD' }, { value: 'AA==' }],
    })
    const v3 = fakeTransport()
    await new ConfluentV3Client(v3.transport, 'c1', null).produce('t', [blobRecord, blobRecord])
    const text = await (v3.sent[0].body as Blob).text()
    expect(text.split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([
      { key: { type: 'BINARY', data: 'QUJD' }, value: { type: 'BINARY', data: 'QUJD' } },
      { key: { type: 'BINARY', data: 'QUJD' }, value: { type: 'BINARY', data: 'QUJD' } },
    ])
  })

  it('a null value stays null even with a valueBase64', async () => {
    const { transport, sent } = fakeTransport()
    await new V2Client(transport).produce('t', [{ key: null, value: null, valueBase64: 'QUJD' }])
    expect(JSON.parse(await bodyText(sent[0].body))).toEqual({ records: [{ value: null }] })
  })
})
