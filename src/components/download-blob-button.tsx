import { groupDigits } from '../lib/group-digits.ts'
import { Button } from './button.tsx'

/** Saves a Blob as a file (the bytes as they are: a download, never rendered). */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  // The download has started by the next tick; a minute keeps slow browsers safe.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** A button that downloads `blob` as `fileName`, with its size in the label's description. */
export function DownloadBlobButton({
  blob,
  fileName,
  label,
}: {
  blob: Blob
  fileName: string
  label: string
}) {
  return (
    <Button size="sm" onClick={() => saveBlob(blob, fileName)} title={`${groupDigits(blob.size)} bytes`}>
      {label}
    </Button>
  )
}
