import { useState } from 'react'
import type { TopicConfigEntry } from '../../api/types.ts'
import { inputClass } from '../../components/field.tsx'

export function TopicConfigs({ configs }: { configs: TopicConfigEntry[] }) {
  const [filter, setFilter] = useState('')
  const shown = configs.filter((c) => c.name.includes(filter.trim()))
  return (
    <div className="space-y-2">
      <label htmlFor="config-filter" className="sr-only">
        Filter configs
      </label>
      <input
        id="config-filter"
        type="search"
        placeholder="Filter configs"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        className={`${inputClass} max-w-sm`}
      />
      <dl className="grid grid-cols-[minmax(12rem,max-content)_1fr] gap-x-4 gap-y-1 rounded-md border border-slate-200 bg-white p-3 font-mono text-xs dark:border-slate-700 dark:bg-slate-900">
        {shown.map((c) => (
          <div key={c.name} className="contents">
            <dt className="text-slate-600 dark:text-slate-400">{c.name}</dt>
            <dd className="break-all">{c.value ?? <span className="text-slate-400">null</span>}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
