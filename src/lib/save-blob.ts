/**
 * Saves a Blob as a file through a temporary object URL: the bytes as they are, a download, never rendered.
 * The URL is revoked a minute later (the download has started long before; slow browsers stay safe).
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
