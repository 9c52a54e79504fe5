import { Notice } from '../../components/notice.tsx'

/** The window's (or the live tail's) notes, as one warning list; nothing when there are none. */
export function NotesNotice({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null
  return (
    <Notice tone="warning" role="status">
      <ul className="space-y-0.5">
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </Notice>
  )
}
