import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import { Link } from '../../components/link.tsx'
import { NameText } from '../../components/name-text.tsx'

const ROW_HEIGHT = 36

/** Subjects, virtualized: 100,000 subjects render as a few dozen rows. Each is a link to its versions. */
export function SubjectList({
  subjects,
  selected,
}: {
  subjects: readonly string[]
  selected: string | null
}) {
  const parent = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: subjects.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  })
  return (
    <div
      ref={parent}
      role="region"
      aria-label="Subject list"
      tabIndex={0}
      className="h-[calc(100vh-17rem)] min-h-64 overflow-auto rounded-md border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
    >
      <ul aria-label="Subjects" className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const subject = subjects[item.index]
          const current = subject === selected
          return (
            <li
              key={item.index}
              aria-setsize={subjects.length}
              aria-posinset={item.index + 1}
              className="absolute inset-x-0 flex items-center border-b border-slate-100 dark:border-slate-800"
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              <Link
                to="/schemas"
                params={{ subject }}
                aria-current={current ? 'page' : undefined}
                className={`block h-full w-full truncate px-3 font-mono text-sm leading-9 hover:underline ${current ? 'bg-indigo-50 font-semibold text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200' : 'text-indigo-700 dark:text-indigo-300'}`}
              >
                <NameText name={subject} maxChars={300} />
              </Link>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
