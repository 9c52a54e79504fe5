import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { SelectField } from '../../components/field.tsx'
import { byRecentUse } from '../../lib/connection/saved-connections.ts'
import { useConnectionStore } from '../../stores/connection-store.ts'
import { followOtherTabs, useSavedConnectionsStore } from '../../stores/saved-connections-store.ts'

/** Picks a saved connection (recently used first): fills the form but the secrets (this tab may know them). */
export function SavedConnectionPicker() {
  const connections = useSavedConnectionsStore(useShallow((s) => byRecentUse(s.connections)))
  const touch = useSavedConnectionsStore((s) => s.touch)
  const savedId = useConnectionStore((s) => s.form.savedId)
  const fill = useConnectionStore((s) => s.fillFromSaved)
  useEffect(followOtherTabs, [])
  if (connections.length === 0) return null
  const current = connections.some((c) => c.id === savedId) ? (savedId ?? '') : ''
  return (
    <SelectField
      label="Saved connection"
      value={current}
      onChange={(e) => {
        const picked = connections.find((c) => c.id === e.target.value)
        if (!picked) return
        fill(picked)
        touch(picked.id)
      }}
      hint="Fills everything but the secrets: type the key or password (this tab remembers it until Disconnect)."
    >
      <option value="" disabled>
        Choose a saved connection…
      </option>
      {connections.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name} · {c.environment}
        </option>
      ))}
    </SelectField>
  )
}
