import { useIsProduction } from '../stores/connection-store.ts'

/** A persistent band while this tab is connected to a connection tagged production. */
export function ProductionBanner() {
  const production = useIsProduction()
  if (!production) return null
  return (
    <div
      role="note"
      aria-label="Production environment"
      className="border-b border-red-800 bg-red-700 px-4 py-1 text-center text-sm font-semibold text-white"
    >
      Production: producing and deleting ask for the topic name first.
    </div>
  )
}
