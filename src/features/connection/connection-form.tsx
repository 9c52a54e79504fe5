import { useState, type FormEvent } from 'react'
import { DIALECT_LABELS } from '../../api/create-client.ts'
import type { AuthScheme } from '../../api/types.ts'
import { Button } from '../../components/button.tsx'
import { SelectField, TextField } from '../../components/field.tsx'
import { registryAfterEndpointChange, type SandboxDefaults } from '../../lib/connection/sandbox-registry.ts'
import type { ParsedCredentials } from '../../lib/credentials/parse-credentials.ts'
import { useConnectionStore, type DialectChoice } from '../../stores/connection-store.ts'
import { PasteCredentialsDialog } from './paste-credentials-dialog.tsx'
import { RegistryFields } from './registry-fields.tsx'

const AUTH_LABELS: Record<AuthScheme, string> = {
  'x-auth-token': 'X-Auth-Token: <key> (Message Hub, sandbox)',
  bearer: 'Authorization: Bearer <key>',
  'basic-token': 'Authorization: Basic token:<key>',
  none: 'No auth header',
}

export function ConnectionForm({
  onConnect,
  busy,
  proxyAvailable,
  sandbox = null,
}: {
  onConnect(): void
  busy: boolean
  proxyAvailable: boolean
  sandbox?: SandboxDefaults | null
}) {
  const form = useConnectionStore((s) => s.form)
  const setForm = useConnectionStore((s) => s.setForm)
  const [reveal, setReveal] = useState(false)
  const [pasting, setPasting] = useState(false)
  const [filledFrom, setFilledFrom] = useState<string | null>(null)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    onConnect()
  }

  const applyCredentials = (c: ParsedCredentials) => {
    setPasting(false)
    setFilledFrom(c.registry && c.kind !== 'registry' ? `${c.source}, with a Schema Registry` : c.source)
    // Credentials for another service replace the registry too: without one of their own, none is kept.
    setForm(
      c.registry
        ? {
            registryUrl: c.registry.url,
            registryAuth: c.registry.auth,
            registryUser: c.registry.user,
            registrySecret: c.registry.secret,
          }
        : { registryUrl: '', registryAuth: 'none', registryUser: '', registrySecret: '' },
    )
    if (c.kind === 'registry') return
    if (c.kind === 'event-streams') {
      setForm({
        endpoint: c.endpoint,
        apiKey: c.apiKey,
        adminEndpoint: c.adminEndpoint ?? '',
        dialect: 'ibm-event-streams',
        authScheme: 'bearer',
      })
    } else {
      setForm({ endpoint: c.endpoint, apiKey: c.apiKey, authScheme: 'x-auth-token', adminEndpoint: '' })
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Connection">
      <TextField
        label="Endpoint URL"
        type="url"
        required
        value={form.endpoint}
        onChange={(e) =>
          setForm({
            endpoint: e.target.value,
            ...registryAfterEndpointChange(form, e.target.value, sandbox),
          })
        }
        placeholder="https://kafka-rest.example.com:443"
        autoComplete="url"
        spellCheck={false}
        hint="The Kafka REST base URL (kafka_rest_url)."
      />
      <TextField
        label="API key"
        type={reveal ? 'text' : 'password'}
        value={form.apiKey}
        onChange={(e) => setForm({ apiKey: e.target.value })}
        autoComplete="off"
        spellCheck={false}
        hint="Kept in this tab's session storage only; Disconnect forgets it."
        trailing={
          <Button
            aria-pressed={reveal}
            onClick={() => setReveal((r) => !r)}
            aria-label={reveal ? 'Hide API key' : 'Show API key'}
          >
            {reveal ? 'Hide' : 'Show'}
          </Button>
        }
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="API dialect"
          value={form.dialect}
          onChange={(e) => setForm({ dialect: e.target.value as DialectChoice })}
        >
          <option value="auto">Auto (detect)</option>
          {Object.entries(DIALECT_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Auth header"
          value={form.authScheme}
          onChange={(e) => setForm({ authScheme: e.target.value as AuthScheme })}
        >
          {Object.entries(AUTH_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      {form.dialect === 'ibm-event-streams' && (
        <TextField
          label="Admin API URL"
          type="url"
          value={form.adminEndpoint}
          onChange={(e) => setForm({ adminEndpoint: e.target.value })}
          placeholder="https://….svc01.us-south.eventstreams.cloud.ibm.com"
          hint="kafka_admin_url: lists, creates and deletes topics."
        />
      )}
      <RegistryFields />
      <div className="flex items-start gap-2">
        <input
          id="use-proxy"
          type="checkbox"
          className="mt-0.5 size-4 accent-indigo-600"
          checked={form.useProxy}
          onChange={(e) => setForm({ useProxy: e.target.checked })}
          aria-describedby="use-proxy-hint"
        />
        <div>
          <label htmlFor="use-proxy" className="text-sm font-medium">
            Use proxy
          </label>
          <p id="use-proxy-hint" className="text-xs text-slate-500 dark:text-slate-400">
            {proxyAvailable
              ? 'Requests go through this console’s server, so endpoints without CORS headers work.'
              : 'No console server here (static files): turn this off and use an endpoint that sends CORS headers.'}
          </p>
        </div>
      </div>
      {filledFrom && (
        <p role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
          Filled from the pasted credentials ({filledFrom}).
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? 'Connecting…' : 'Connect'}
        </Button>
        <Button onClick={() => setPasting(true)}>Paste credentials</Button>
      </div>
      <PasteCredentialsDialog open={pasting} onClose={() => setPasting(false)} onApply={applyCredentials} />
    </form>
  )
}
