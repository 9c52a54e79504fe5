/** Saves bytes or text as a file through a temporary object URL (revoked once the download has started). */
export function saveFile(name: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Exact bytes as a file (a view's own slice, so a subarray never saves its neighbours). */
export function saveBytes(name: string, bytes: Uint8Array): void {
  saveFile(name, [bytes.slice() as Uint8Array<ArrayBuffer>], 'application/octet-stream')
}
