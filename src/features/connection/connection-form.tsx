import { useState, type FormEvent } from 'react'
import { DIALECT_LABELS } from '../../api/create-client.ts'
import { Button } from '../../components/button.tsx'
import { SelectField, TextField } from '../../components/field.tsx'
import { registryAfterEndpointChange, type SandboxDefaults } from '../../lib/connection/sandbox-registry.ts'
import type { ParsedCredentials } from '../../lib/credentials/parse-credentials.ts'
import { useConnectionStore, type DialectChoice } from '../../stores/connection-store.ts'
import { ENVIRONMENTS, type EnvironmentTag } from '../../lib/connection/saved-connections.ts'
import { AuthFields } from './auth-fields.tsx'
import { credentialsPatch } from '../../lib/credentials/credentials-patch.ts'
import { PasteCredentialsDialog } from './paste-credentials-dialog.tsx'
import { SaveConnectionButton } from './save-connection-button.tsx'
import { SavedConnectionPicker } from './saved-connection-picker.tsx'
import { RegistryFields } from './registry-fields.tsx'

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
  const [pasting, setPasting] = useState(false)
  const [filledFrom, setFilledFrom] = useState<string | null>(null)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    onConnect()
  }

  const applyCredentials = (c: ParsedCredentials) => {
    setPasting(false)
    const from = c.registry && c.kind !== 'registry' ? `${c.source}, with a Schema Registry` : c.source
    setFilledFrom(c.note ? `${from}; ${c.note}` : from)
    setForm(credentialsPatch(c, form))
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Connection">
      <SavedConnectionPicker />
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
      <AuthFields />
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
          label="Environment"
          value={form.environment}
          onChange={(e) => setForm({ environment: e.target.value as EnvironmentTag })}
          hint="Production shows a banner and asks for the topic name before writing or deleting."
        >
          {ENVIRONMENTS.map((env) => (
            <option key={env} value={env}>
              {env[0].toUpperCase() + env.slice(1)}
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
        <SaveConnectionButton />
      </div>
      <PasteCredentialsDialog open={pasting} onClose={() => setPasting(false)} onApply={applyCredentials} />
    </form>
  )
}
