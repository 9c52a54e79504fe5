import type { AuthScheme } from '../../api/types.ts'
import { SelectField, TextField } from '../../components/field.tsx'
import { SecretField } from '../../components/secret-field.tsx'
import { useConnectionStore } from '../../stores/connection-store.ts'

const AUTH_LABELS: Record<AuthScheme, string> = {
  'x-auth-token': 'X-Auth-Token: <key> (Message Hub, sandbox)',
  bearer: 'Authorization: Bearer <key>',
  basic: 'Basic: username + password (Confluent Cloud, Aiven, Redpanda)',
  'basic-token': 'Authorization: Basic token:<key> (Event Streams)',
  none: 'No auth header',
}

/** The endpoint's auth scheme and its secret; Basic user:password adds a username (saved, unlike the password). */
export function AuthFields() {
  const form = useConnectionStore((s) => s.form)
  const setForm = useConnectionStore((s) => s.setForm)
  const basic = form.authScheme === 'basic'
  const secretLabel = basic ? 'Password' : 'API key'
  return (
    <div className="space-y-4">
      <SelectField
        label="Auth scheme"
        value={form.authScheme}
        onChange={(e) => setForm({ authScheme: e.target.value as AuthScheme })}
      >
        {Object.entries(AUTH_LABELS).map(([id, label]) => (
          <option key={id} value={id}>
            {label}
          </option>
        ))}
      </SelectField>
      {form.authScheme !== 'none' && (
        <div className={basic ? 'grid gap-4 sm:grid-cols-2' : ''}>
          {basic && (
            <TextField
              label="Username"
              value={form.username}
              onChange={(e) => setForm({ username: e.target.value })}
              autoComplete="off"
              spellCheck={false}
              hint="Confluent Cloud: the API key; Aiven: avnadmin."
            />
          )}
          <SecretField
            label={secretLabel}
            value={form.apiKey}
            onChange={(v) => setForm({ apiKey: v })}
            hint="Kept in this tab's session storage only, never saved; Disconnect forgets it."
          />
        </div>
      )}
    </div>
  )
}
