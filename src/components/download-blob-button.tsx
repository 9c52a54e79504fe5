import { groupDigits } from '../lib/group-digits.ts'
import { saveBlob } from '../lib/save-blob.ts'
import { Button } from './button.tsx'

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
