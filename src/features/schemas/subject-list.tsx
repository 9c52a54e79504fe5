import { Link } from '../../components/link.tsx'
import { NameText } from '../../components/name-text.tsx'
import { VirtualList } from '../../components/virtual-list.tsx'

const ROW_HEIGHT = 36

/** Subjects, virtualized: 100,000 subjects render as a few dozen rows. Each is a link to its versions. */
export function SubjectList({
  subjects,
  selected,
  deleted,
  showDeleted = false,
}: {
  subjects: readonly string[]
  selected: string | null
  /** Subjects that are soft-deleted (shown only on request), marked as such. */
  deleted?: ReadonlySet<string>
  /** Links keep the soft-deleted view on. */
  showDeleted?: boolean
}) {
  return (
    <VirtualList
      count={subjects.length}
      rowHeight={ROW_HEIGHT}
      regionLabel="Subject list"
      listLabel="Subjects"
      heightClass="h-[calc(100vh-17rem)]"
      rowClassName=""
      renderRow={(index) => {
        const subject = subjects[index]
        const current = subject === selected
        return (
          <Link
            to="/schemas"
            params={showDeleted ? { subject, deleted: '1' } : { subject }}
            aria-current={current ? 'page' : undefined}
            className={`block h-full w-full truncate px-3 font-mono text-sm leading-9 hover:underline ${current ? 'bg-indigo-50 font-semibold text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200' : 'text-indigo-700 dark:text-indigo-300'}`}
          >
            <NameText name={subject} maxChars={300} />
            {deleted?.has(subject) && (
              <span className="ml-2 rounded bg-slate-200 px-1 font-sans text-[0.7rem] font-normal text-slate-700 dark:bg-slate-700 dark:text-slate-200">
                deleted
              </span>
            )}
          </Link>
        )
      }}
    />
  )
}
