import type { TopicSummary } from '../../api/types.ts'
import { Link } from '../../components/link.tsx'
import { NameText } from '../../components/name-text.tsx'
import { VirtualList } from '../../components/virtual-list.tsx'
import { encodePathSegment } from '../../lib/path-segment.ts'
import { visibleNameText } from '../../lib/visible-name.ts'

const ROW_HEIGHT = 40

/** A virtualized list: 5,000 topics render as a few dozen rows. */
export function TopicList({ topics }: { topics: TopicSummary[] }) {
  return (
    <VirtualList
      count={topics.length}
      rowHeight={ROW_HEIGHT}
      regionLabel="Topic list"
      listLabel="Topics"
      heightClass="h-[calc(100vh-15rem)]"
      rowClassName="gap-3 px-3"
      renderRow={(index) => {
        const t = topics[index]
        // Names come from the endpoint: one that cannot be addressed is shown, marked, with the reason.
        const segment = encodePathSegment(t.name, 'topic name')
        const shown = visibleNameText(t.name)
        return (
          <>
            {segment.ok ? (
              <Link
                to={`/topics/${segment.segment}`}
                className="min-w-0 flex-1 truncate font-mono text-sm text-indigo-700 hover:underline dark:text-indigo-300"
              >
                <NameText name={t.name} />
              </Link>
            ) : (
              <>
                <span className="min-w-0 shrink truncate font-mono text-sm">
                  <NameText name={t.name} />
                </span>
                <span
                  role="note"
                  title={segment.reason}
                  className="min-w-0 flex-1 truncate text-xs text-red-800 dark:text-red-300"
                >
                  Cannot be opened: {segment.reason}
                </span>
              </>
            )}
            {t.internal && (
              <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                internal
              </span>
            )}
            {t.partitionCount !== undefined && (
              <span className="w-24 text-right text-xs text-slate-500 tabular-nums dark:text-slate-400">
                {t.partitionCount} partition{t.partitionCount === 1 ? '' : 's'}
              </span>
            )}
            {segment.ok && (
              <>
                <Link
                  to="/browse"
                  params={{ topic: t.name }}
                  className="text-xs text-slate-600 hover:underline dark:text-slate-300"
                  aria-label={`Browse ${shown}`}
                >
                  Browse
                </Link>
                <Link
                  to="/produce"
                  params={{ topic: t.name }}
                  className="text-xs text-slate-600 hover:underline dark:text-slate-300"
                  aria-label={`Produce to ${shown}`}
                >
                  Produce
                </Link>
              </>
            )}
          </>
        )
      }}
    />
  )
}
