import { useEffect, useId, useState, type DragEvent } from 'react'
import { Button } from '../../components/button.tsx'
import { FieldHint } from '../../components/field.tsx'
import { formatBytesSize } from '../../lib/bytes/format-size.ts'
import { hexDumpRow, hexDumpRowCount } from '../../lib/decode/hex-dump.ts'

const PREVIEW_BYTES = 64
/** Kafka's default max.message.bytes (1 MB): larger values are often refused by the broker. */
const KAFKA_DEFAULT_MAX_MESSAGE = 1_048_588

/** The first bytes of a file as `hexdump -C` rows (reads only those bytes). */
function useHeadRows(file: File | null) {
  const [rows, setRows] = useState<{ file: File; lines: string[] } | null>(null)
  useEffect(() => {
    if (!file) return
    let live = true
    void file
      .slice(0, PREVIEW_BYTES)
      .arrayBuffer()
      .then((buf) => {
        const head = new Uint8Array(buf)
        const lines = Array.from({ length: hexDumpRowCount(head.length) }, (_, i) => {
          const r = hexDumpRow(head, i)
          return `${r.offset}  ${r.hex}  |${r.ascii}|`
        })
        if (live) setRows({ file, lines })
      })
    return () => {
      live = false
    }
  }, [file])
  return rows && rows.file === file ? rows.lines : null
}

/** The value as a file: picker or drop, then name, size and a hex preview of the first bytes. */
export function FileValue({
  file,
  onChange,
  error,
}: {
  file: File | null
  onChange(file: File | null): void
  error?: string
}) {
  const id = useId()
  const [dragging, setDragging] = useState(false)
  const rows = useHeadRows(file)
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    const dropped = e.dataTransfer.files[0]
    if (dropped) onChange(dropped)
  }
  return (
    <div>
      <div
        onDragOver={(e) => {
          e.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded-md border-2 border-dashed p-3 ${dragging ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-950/40' : 'border-slate-300 dark:border-slate-600'} ${error ? 'border-red-500' : ''}`}
      >
        <span className="mb-1 block text-xs font-semibold text-slate-700 dark:text-slate-300">File</span>
        <div className="flex flex-wrap items-center gap-2">
          <input
            id={id}
            type="file"
            aria-label="File"
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              const picked = e.target.files?.[0]
              if (picked) onChange(picked)
              e.target.value = '' // choosing the same file again still fires change
            }}
            className="peer sr-only"
          />
          <label
            htmlFor={id}
            className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-500 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
          >
            {file ? 'Choose another file…' : 'Choose a file…'}
          </label>
          <span className="text-sm text-slate-600 dark:text-slate-300">{file ? '' : 'No file chosen'}</span>
        </div>
        <FieldHint id={`${id}-hint`} tone={error ? 'error' : 'muted'}>
          {error ?? 'Or drop a file here. Any file, empty included: its exact bytes are the value.'}
        </FieldHint>
      </div>
      {file && (
        <div className="mt-2 space-y-1 text-sm">
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-mono break-all" aria-label="File name">
              {file.name}
            </span>
            <span aria-label="File size" className="text-slate-600 dark:text-slate-300">
              {formatBytesSize(file.size)} ({file.size.toLocaleString('en-US')} bytes)
            </span>
            <Button size="sm" variant="ghost" onClick={() => onChange(null)}>
              Remove file
            </Button>
          </p>
          {file.size > KAFKA_DEFAULT_MAX_MESSAGE && (
            <p className="text-xs text-amber-800 dark:text-amber-300">
              Larger than Kafka’s default record limit (1 MB, max.message.bytes): the topic or the endpoint
              may refuse it. The body grows by a third (base64).
            </p>
          )}
          {file.size === 0 ? (
            <p className="text-xs text-slate-500 dark:text-slate-400">
              Empty file: the value is 0 bytes (not null).
            </p>
          ) : (
            <pre
              aria-label={`First ${Math.min(file.size, PREVIEW_BYTES)} bytes (hex)`}
              className="overflow-x-auto rounded-md bg-slate-100 p-2 font-mono text-xs leading-5 text-slate-800 dark:bg-slate-800 dark:text-slate-100"
            >
              {rows ? rows.join('\n') : '…'}
              {rows && file.size > PREVIEW_BYTES
                ? `\n… ${(file.size - PREVIEW_BYTES).toLocaleString('en-US')} more bytes`
                : ''}
            </pre>
          )}
        </div>
      )}
    </div>
  )
}
