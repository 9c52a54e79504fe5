/** Seeds the sandbox's Schema Registry from the test process (not through the console). */
export class RegistryApi {
  readonly url: string
  readonly apiKey: string

  constructor(url: string, apiKey: string) {
    this.url = url
    this.apiKey = apiKey
  }

  /** Registers a schema under `subject`; returns its id. */
  async register(
    subject: string,
    schema: string,
    schemaType?: 'AVRO' | 'PROTOBUF' | 'JSON',
  ): Promise<number> {
    const res = await fetch(`${this.url}/subjects/${encodeURIComponent(subject)}/versions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${this.apiKey}`,
        'Content-Type': 'application/vnd.schemaregistry.v1+json',
      },
      body: JSON.stringify({ schema, ...(schemaType ? { schemaType } : {}) }),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`register ${subject}: HTTP ${res.status} ${text}`)
    return (JSON.parse(text) as { id: number }).id
  }

  /** The subject's own compatibility level as the registry has it (null: none of its own). */
  async subjectLevel(subject: string): Promise<string | null> {
    const res = await fetch(`${this.url}/config/${encodeURIComponent(subject)}`, {
      headers: { Authorization: `Bearer ${this.apiKey}` },
    })
    if (res.status === 404) return null
    const text = await res.text()
    if (!res.ok) throw new Error(`config ${subject}: HTTP ${res.status} ${text}`)
    return (JSON.parse(text) as { compatibilityLevel: string }).compatibilityLevel
  }
}
