import { Link } from '../components/link.tsx'
import { NameText } from '../components/name-text.tsx'

export function NotFound({ path }: { path: string }) {
  return (
    <div className="mx-auto max-w-xl space-y-2">
      <h1 className="text-xl font-semibold">Nothing here</h1>
      <p className="text-sm">
        The console has no page at{' '}
        <code className="break-all">
          <NameText name={path} maxChars={200} />
        </code>
        .{' '}
        <Link to="/topics" className="text-indigo-700 underline dark:text-indigo-300">
          Go to topics
        </Link>
      </p>
    </div>
  )
}

/** A deep link the console cannot read (e.g. `#/topics/%E0%A4%A`, cut off mid-character). */
export function InvalidLink({ reason }: { reason: string }) {
  return (
    <div role="alert" aria-labelledby="invalid-link-title" className="mx-auto max-w-xl space-y-2">
      <h1 id="invalid-link-title" className="text-xl font-semibold">
        Not a valid link
      </h1>
      <p className="text-sm break-all">
        <NameText name={reason} maxChars={300} />
      </p>
      <p className="text-sm">
        The link was probably cut short or edited.{' '}
        <Link to="/topics" className="text-indigo-700 underline dark:text-indigo-300">
          Go to topics
        </Link>
      </p>
    </div>
  )
}
