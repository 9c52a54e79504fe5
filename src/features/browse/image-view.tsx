import { useEffect, useRef, useState } from 'react'
import type { ImageMime } from '../../lib/decode/decode-view.ts'

/**
 * A raster image (PNG, JPEG, GIF, WebP — chosen by magic bytes, never SVG) from a blob: URL the CSP allows,
 * revoked when the value or view changes. The parent remounts this per message.
 */
export function ImageView({ bytes, mime, label }: { bytes: Uint8Array; mime: ImageMime; label: string }) {
  const img = useRef<HTMLImageElement>(null)
  const [size, setSize] = useState<{ w: number; h: number } | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([bytes.slice() as Uint8Array<ArrayBuffer>], { type: mime }))
    if (img.current) img.current.src = url
    return () => URL.revokeObjectURL(url)
  }, [bytes, mime])
  const format = mime.slice(6).toUpperCase()
  return (
    <figure className="space-y-1">
      <div className="inline-block max-w-full rounded border border-slate-200 bg-[repeating-conic-gradient(#e2e8f0_0_25%,#fff_0_50%)] bg-[length:16px_16px] p-1 dark:border-slate-700">
        <img
          ref={img}
          alt={`${label}: ${format} image${size ? `, ${size.w}×${size.h} pixels` : ''}`}
          className="max-h-80 max-w-full [image-rendering:pixelated]"
          onLoad={(e) => setSize({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
          onError={() => setFailed(true)}
        />
      </div>
      <figcaption className="text-xs text-slate-600 dark:text-slate-300">
        {failed
          ? `The bytes start like a ${format} image but the browser could not decode them.`
          : size
            ? `${size.w} × ${size.h} px, ${mime}`
            : mime}
      </figcaption>
    </figure>
  )
}
