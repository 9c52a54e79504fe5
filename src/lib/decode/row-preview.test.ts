import { describe, expect, it } from 'vitest'
import { decodedRowPreview, rowPreview } from './row-preview.ts'

const enc = (s: string) => new TextEncoder().encode(s)

describe('rowPreview', () => {
  it('tells null from empty', () => {
    expect(rowPreview(null, 0)).toEqual({ kind: 'null', text: 'null' })
    expect(rowPreview(new Uint8Array(0), 0)).toEqual({ kind: 'empty', text: '(empty)' })
  })
  it('shows text on one line and marks a cut', () => {
    expect(rowPreview(enc('{"a":\n 1}'), 9)).toEqual({ kind: 'text', text: '{"a": 1}' })
    expect(rowPreview(enc('{"a": 1, "b"'), 5000)).toEqual({ kind: 'text', text: '{"a": 1, "b"…' })
  })
  it('does not call text binary because the prefix cut a character in half', () => {
    const cut = enc('héllo wörld €').subarray(0, 15) // ends inside "€"
    expect(rowPreview(cut, 100).kind).toBe('text')
  })
  it('shows binary as hex and labels known formats', () => {
    expect(rowPreview(new Uint8Array([0xff, 0x00, 0x01]), 3)).toEqual({ kind: 'binary', text: 'ff 00 01' })
    expect(rowPreview(new Uint8Array([0xff, 0x00, 0x01]), 300).text).toBe('ff 00 01 …')
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])
    expect(rowPreview(png, 5000)).toMatchObject({ kind: 'binary', label: 'PNG image' })
    expect(rowPreview(new Uint8Array([0, 0, 0, 0, 7, ...enc('{"x":1}')]), 12)).toEqual({
      kind: 'text',
      label: 'schema 7',
      text: '{"x":1}',
    })
  })
  it('keeps script-like text as text (rendering decides it is inert)', () => {
    expect(rowPreview(enc('<img src=x onerror=alert(1)>'), 28)).toEqual({
      kind: 'text',
      text: '<img src=x onerror=alert(1)>',
    })
  })
})

describe('decodedRowPreview', () => {
  it('labels the format and cuts long JSON with an ellipsis', () => {
    expect(decodedRowPreview('{"id":1}', 'AVRO')).toEqual({ kind: 'text', label: 'Avro', text: '{"id":1}' })
    const long = decodedRowPreview(`{"note":"${'n'.repeat(200)}"}`, 'PROTOBUF', 20)
    expect(long.label).toBe('Protobuf')
    expect(long.text).toBe('{"note":"nnnnnnnnnnn…')
    expect(decodedRowPreview('{}', 'JSON').label).toBe('JSON Schema')
  })
})
