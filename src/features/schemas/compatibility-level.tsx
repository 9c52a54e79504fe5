import { useState, type ReactNode } from 'react'
import { COMPATIBILITY_LEVELS, type CompatibilityLevel as Level } from '../../api/registry/registry-types.ts'
import { Button } from '../../components/button.tsx'
import { ErrorAlert } from '../../components/error-alert.tsx'
import { SelectField } from '../../components/field.tsx'
import { useSetCompatibility } from '../../data/registry/registry-mutations.ts'
import { errorView } from '../../lib/error-view.ts'

/**
 * A compatibility level as read (`shown`), with Change → a level picker → Save. `subject` null is the global
 * level. The registry's refusal (a 422 for an unknown level, a 403 where configs are read-only) is shown as is.
 */
export function CompatibilityLevel({
  connectionId,
  subject,
  current,
  shown,
}: {
  connectionId: string
  subject: string | null
  /** The level in force for the picker's start (the global one where the subject has none); null while unknown. */
  current: Level | null
  shown: ReactNode
}) {
  const scope = subject === null ? 'Global' : 'Subject'
  const [draft, setDraft] = useState<Level | null>(null)
  const save = useSetCompatibility(connectionId)
  const levels: readonly Level[] =
    draft !== null && !COMPATIBILITY_LEVELS.includes(draft as never)
      ? [...COMPATIBILITY_LEVELS, draft]
      : COMPATIBILITY_LEVELS
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
      <p aria-label={`${scope} compatibility`}>
        {scope} compatibility: {shown}
      </p>
      {draft === null ? (
        <Button size="sm" disabled={current === null} onClick={() => current && setDraft(current)}>
          Change {scope.toLowerCase()} compatibility
        </Button>
      ) : (
        <form
          className="flex flex-wrap items-end gap-2"
          aria-label={`${scope} compatibility level`}
          onSubmit={(e) => {
            e.preventDefault()
            save.mutate({ subject, level: draft }, { onSuccess: () => setDraft(null) })
          }}
        >
          <SelectField
            label={`New ${scope.toLowerCase()} level`}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            className="w-52"
          >
            {levels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </SelectField>
          <Button type="submit" size="sm" variant="primary" disabled={save.isPending}>
            Save
          </Button>
          <Button
            size="sm"
            onClick={() => {
              save.reset()
              setDraft(null)
            }}
          >
            Cancel
          </Button>
        </form>
      )}
      {save.isError && (
        <div className="w-full">
          <ErrorAlert title="The registry did not change the level" error={errorView(save.error)} />
        </div>
      )}
    </div>
  )
}
