import { useRef, useState } from 'react'
import { Button } from '../../components/button.tsx'
import { SelectField } from '../../components/field.tsx'
import { saveBlob } from '../../lib/save-blob.ts'
import {
  DEMO_PRESETS,
  parsePresets,
  serializePresets,
  type GeneratePreset,
} from '../../lib/generate/presets.ts'

const STORAGE_KEY = 'krc.generate.presets'

function loadUserPresets(): GeneratePreset[] {
  try {
    const text = localStorage.getItem(STORAGE_KEY)
    return text ? parsePresets(text) : []
  } catch {
    return [] // a damaged entry is ignored, not fatal
  }
}

function storeUserPresets(presets: GeneratePreset[]) {
  try {
    localStorage.setItem(STORAGE_KEY, serializePresets(presets))
  } catch {
    // Storage full or disabled: the presets stay for this page only.
  }
}

/** Demo presets and the user's own (templates only, kept in localStorage), with save, export and import. */
export function PresetBar({
  current,
  onApply,
}: {
  current: GeneratePreset
  onApply(p: GeneratePreset): void
}) {
  const [mine, setMine] = useState(loadUserPresets)
  const [message, setMessage] = useState<string | null>(null)
  const file = useRef<HTMLInputElement>(null)
  const all = [...DEMO_PRESETS, ...mine]
  const update = (next: GeneratePreset[]) => {
    setMine(next)
    storeUserPresets(next)
  }
  return (
    <div className="flex flex-wrap items-end gap-2">
      <SelectField
        label="Preset"
        value=""
        onChange={(e) => {
          const p = all[Number(e.target.value)]
          if (p) onApply(p)
        }}
      >
        <option value="">Choose a preset…</option>
        {all.map((p, i) => (
          <option key={i} value={i}>
            {p.name}
            {i >= DEMO_PRESETS.length ? ' (mine)' : ''}
          </option>
        ))}
      </SelectField>
      <Button
        variant="secondary"
        onClick={() => {
          const name = window.prompt('Name of the preset')?.trim()
          if (!name) return
          update([...mine.filter((p) => p.name !== name), { ...current, name }].slice(-100))
          setMessage(`Saved “${name}”.`)
        }}
      >
        Save preset
      </Button>
      <Button
        variant="secondary"
        disabled={mine.length === 0}
        onClick={() =>
          saveBlob(new Blob([serializePresets(mine)], { type: 'application/json' }), 'generate-presets.json')
        }
      >
        Export presets
      </Button>
      <Button variant="secondary" onClick={() => file.current?.click()}>
        Import presets
      </Button>
      <input
        ref={file}
        type="file"
        accept="application/json,.json"
        className="hidden"
        aria-label="Presets file"
        onChange={async (e) => {
          const f = e.target.files?.[0]
          e.target.value = ''
          if (!f) return
          try {
            const imported = parsePresets(await f.text())
            const names = new Set(imported.map((p) => p.name))
            update([...mine.filter((p) => !names.has(p.name)), ...imported].slice(-100))
            setMessage(`Imported ${imported.length} preset${imported.length === 1 ? '' : 's'}.`)
          } catch (err) {
            setMessage(`Nothing imported: ${(err as Error).message}`)
          }
        }}
      />
      {message && (
        <p role="status" className="text-sm">
          {message}
        </p>
      )}
    </div>
  )
}
