import { Link } from '../components/link.tsx'

export function NotFound({ path }: { path: string }) {
  return (
    <div className="mx-auto max-w-xl space-y-2">
      <h1 className="text-xl font-semibold">Nothing here</h1>
      <p className="text-sm">
        The console has no page at <code>{path}</code>.{' '}
        <Link to="/topics" className="text-indigo-700 underline dark:text-indigo-300">
          Go to topics
        </Link>
      </p>
    </div>
  )
}
