import { useDeferredValue, useMemo } from 'react'
import { parseBase64 } from '../../lib/bytes/base64.ts'
import { formatBytesSize } from '../../lib/bytes/format-size.ts'
import { encodeField, type FieldError } from './record-draft.ts'

export interface EncodedInfo {
  error: FieldError | null
  /** One line about what would be sent, e.g. "12 bytes (UTF-8)". */
  summary: string
}

function bytesLabel(n: number): string {
  return n < 1024
    ? `${n} byte${n === 1 ? '' : 's'}`
    : `${formatBytesSize(n)} (${n.toLocaleString('en-US')} bytes)`
}

/** Live check of a typed field (deferred, so typing in a multi-megabyte value stays smooth). */
export function useEncoded(text: string, format: 'text' | 'json' | 'base64'): EncodedInfo {
  const deferredText = useDeferredValue(text)
  const deferredFormat = useDeferredValue(format)
  return useMemo(() => {
    if (deferredFormat === 'base64') {
      const parsed = parseBase64(deferredText)
      if (!parsed.ok) return { error: parsed.error, summary: '' }
      const extras = [parsed.urlSafe && 'URL-safe alphabet', parsed.missingPadding && 'padding added']
      const note = extras.filter(Boolean).join(', ')
      return {
        error: null,
        summary: `Decodes to ${bytesLabel(parsed.bytes.length)}${note ? ` · ${note}` : ''}`,
      }
    }
    const r = encodeField(deferredText, deferredFormat)
    if (!r.ok) return { error: r.error, summary: '' }
    const size = bytesLabel(r.bytes.length)
    return {
      error: null,
      summary: deferredFormat === 'json' ? `Valid JSON · ${size} (UTF-8, as typed)` : `${size} (UTF-8)`,
    }
  }, [deferredText, deferredFormat])
}
