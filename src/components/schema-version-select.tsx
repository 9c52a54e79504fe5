import { SelectField } from './field.tsx'

const NO_VERSIONS: readonly number[] = []

/** A subject's versions, newest 200 at most, after "Latest" (value `latest`). */
export function SchemaVersionSelect({
  label = 'Version',
  value,
  versions,
  onChange,
}: {
  label?: string
  value: string
  versions: readonly number[] | undefined
  onChange(version: string): void
}) {
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="latest">Latest</option>
      {(versions ?? NO_VERSIONS).slice(-200).map((v) => (
        <option key={v} value={String(v)}>
          {v}
        </option>
      ))}
    </SelectField>
  )
}

/**
 * Which message of a Protobuf schema a record holds (its wire format says so), shown only when the schema declares
 * several. Value '' is the first; the list is capped, as every endpoint answer is.
 */
export function ProtobufMessageSelect({
  label = 'Message',
  value,
  messages,
  hint,
  onChange,
}: {
  label?: string
  value: string
  messages: readonly { name: string }[]
  hint: string
  onChange(message: string): void
}) {
  if (messages.length < 2) return null
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)} hint={hint}>
      <option value="">{messages[0].name} (the first)</option>
      {messages.slice(1, 500).map((m) => (
        <option key={m.name} value={m.name}>
          {m.name}
        </option>
      ))}
    </SelectField>
  )
}
