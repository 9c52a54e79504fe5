import { SelectField, TextField } from '../../components/field.tsx'
import { SecretField } from '../../components/secret-field.tsx'
import type { RegistryAuthKind } from '../../lib/connection/connection-input.ts'
import { useConnectionStore } from '../../stores/connection-store.ts'

const AUTH_LABELS: Record<RegistryAuthKind, string> = {
  none: 'None',
  basic: 'Basic (user + password)',
  bearer: 'Bearer token',
  'x-auth-token': 'X-Auth-Token',
  'basic-token': 'Basic token:<token>',
}

/** The optional Schema Registry: its URL and its own auth (the secret is kept like the API key). */
export function RegistryFields() {
  const form = useConnectionStore((s) => s.form)
  const setForm = useConnectionStore((s) => s.setForm)
  const secretLabel = form.registryAuth === 'basic' ? 'Registry password' : 'Registry token'
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <legend className="px-1 text-xs font-semibold text-slate-700 dark:text-slate-300">
        Schema Registry (optional)
      </legend>
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <TextField
          label="Schema Registry URL"
          type="url"
          value={form.registryUrl}
          onChange={(e) => setForm({ registryUrl: e.target.value })}
          placeholder="https://psrc-xxxx.region.aws.confluent.cloud"
          spellCheck={false}
          hint="Decodes Avro, Protobuf and JSON Schema records; checked on Connect with GET /subjects."
        />
        <SelectField
          label="Registry auth"
          value={form.registryAuth}
          onChange={(e) => setForm({ registryAuth: e.target.value as RegistryAuthKind })}
        >
          {Object.entries(AUTH_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      {form.registryAuth !== 'none' && (
        <div className="grid gap-3 sm:grid-cols-2">
          {form.registryAuth === 'basic' && (
            <TextField
              label="Registry user"
              value={form.registryUser}
              onChange={(e) => setForm({ registryUser: e.target.value })}
              autoComplete="off"
              spellCheck={false}
            />
          )}
          <SecretField
            label={secretLabel}
            value={form.registrySecret}
            onChange={(v) => setForm({ registrySecret: v })}
            hint="Session storage only, like the API key."
          />
        </div>
      )}
    </fieldset>
  )
}
