import { SelectField, TextField } from '../../components/field.tsx'

export interface RunFieldsValue {
  count: string
  /** '' = as fast as possible. */
  rate: string
  /** '' = until Count. */
  duration: string
  seed: string
  batchSize: string
  partitionKind: 'auto' | 'fixed' | 'round-robin'
  partition: string
}

/** Count, duration, rate, seed, batch size and partition strategy. */
export function RunFields({
  value,
  onChange,
  maxBatch,
  partitions,
}: {
  value: RunFieldsValue
  onChange(next: RunFieldsValue): void
  maxBatch: number
  /** The topic's partition count, when known. */
  partitions: number | null
}) {
  const set = (patch: Partial<RunFieldsValue>) => onChange({ ...value, ...patch })
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <TextField
        label="Count"
        inputMode="numeric"
        value={value.count}
        onChange={(e) => set({ count: e.target.value })}
      />
      <TextField
        label="Duration (s)"
        inputMode="numeric"
        value={value.duration}
        placeholder="until Count"
        onChange={(e) => set({ duration: e.target.value })}
      />
      <TextField
        label="Rate"
        inputMode="numeric"
        value={value.rate}
        placeholder="as fast as possible"
        hint="Records per second; empty: as fast as possible."
        onChange={(e) => set({ rate: e.target.value })}
      />
      <TextField
        label="Seed"
        inputMode="numeric"
        value={value.seed}
        hint="The same seed gives the same records."
        onChange={(e) => set({ seed: e.target.value })}
      />
      <TextField
        label="Batch size"
        inputMode="numeric"
        value={value.batchSize}
        disabled={maxBatch === 1}
        hint={maxBatch === 1 ? 'This endpoint takes one record a request.' : `At most ${maxBatch}.`}
        onChange={(e) => set({ batchSize: e.target.value })}
      />
      <SelectField
        label="Partitions"
        value={value.partitionKind}
        onChange={(e) => set({ partitionKind: e.target.value as RunFieldsValue['partitionKind'] })}
      >
        <option value="auto">Auto (the endpoint decides)</option>
        <option value="fixed">One partition</option>
        <option value="round-robin" disabled={partitions === null}>
          Round-robin, batch by batch
        </option>
      </SelectField>
      {value.partitionKind === 'fixed' && (
        <TextField
          label="Partition"
          inputMode="numeric"
          value={value.partition}
          onChange={(e) => set({ partition: e.target.value })}
        />
      )}
    </div>
  )
}
