import { saveBlob } from '../../lib/save-blob.ts'

/** Saves bytes or text as a file. */
export function saveFile(name: string, parts: BlobPart[], type: string): void {
  saveBlob(new Blob(parts, { type }), name)
}

/** Exact bytes as a file (a view's own slice, so a subarray never saves its neighbours). */
export function saveBytes(name: string, bytes: Uint8Array): void {
  saveFile(name, [bytes.slice() as Uint8Array<ArrayBuffer>], 'application/octet-stream')
}
