import type { GenerateSpec, ValueFormat } from './generator.ts'

/** "From schema": which subject, version and Protobuf message, by name (never the schema text). */
export interface SchemaPick {
  subject: string
  /** 'latest' or a version number. */
  version: string
  /** Protobuf: the message's full name; '' = the schema's first message. */
  message: string
}

/** A preset is a spec without its seed: the templates only (never an endpoint or a secret). */
export interface GeneratePreset {
  name: string
  keyTemplate: string
  valueTemplate: string
  valueFormat: ValueFormat
  headers: GenerateSpec['headers']
  /** Present when the values come from a registry schema instead of the value template. */
  fromSchema?: SchemaPick
}

function parseSchemaPick(raw: unknown, where: string): SchemaPick | undefined {
  if (raw === undefined || raw === null) return undefined
  const o = (typeof raw === 'object' ? raw : {}) as Record<string, unknown>
  const subject = typeof o.subject === 'string' ? o.subject.trim().slice(0, 255) : ''
  if (!subject) throw new Error(`${where}: "fromSchema" needs a "subject" as text.`)
  const version = typeof o.version === 'string' && /^\d{1,9}$/.test(o.version) ? o.version : 'latest'
  const message = typeof o.message === 'string' ? o.message.slice(0, 500) : ''
  return { subject, version, message }
}

export const DEMO_PRESETS: readonly GeneratePreset[] = [
  {
    name: 'Orders',
    keyTemplate: '{{ref orderId}}',
    valueFormat: 'json',
    valueTemplate: `{
  "orderId": "{{uuid as orderId}}",
  "seq": {{seq}},
  "customer": { "name": "{{name}}", "email": "{{email}}", "city": "{{city}}" },
  "product": "{{product}}",
  "quantity": {{int 1 5}},
  "price": {{price 5 500}},
  "status": "{{pick created paid shipped cancelled}}",
  "placedAt": "{{date}}"
}`,
    headers: [{ name: 'source', template: 'generator' }],
  },
  {
    name: 'Clickstream',
    keyTemplate: '{{ref user}}',
    valueFormat: 'json',
    valueTemplate: `{
  "user": "{{username as user}}",
  "session": "{{hex 16}}",
  "page": "{{pick / /products /cart /checkout /search /account}}",
  "referrer": "{{url}}",
  "ip": "{{ip}}",
  "userAgent": "{{userAgent}}",
  "at": {{timestamp}}
}`,
    headers: [],
  },
  {
    name: 'Sensor readings',
    keyTemplate: 'sensor-{{ref sensor}}',
    valueFormat: 'json',
    valueTemplate: `{
  "sensor": {{int 1 20 as sensor}},
  "reading": {{seq}},
  "temperature": {{float -10 40 1}},
  "humidity": {{float 10 100 1}},
  "battery": {{int 0 100}},
  "lat": {{latitude}},
  "lon": {{longitude}},
  "at": "{{date}}"
}`,
    headers: [],
  },
]

const MAX_PRESETS = 100
const MAX_IMPORT_CHARS = 2 * 1024 * 1024

/**
 * Reads presets from untrusted JSON (an import, localStorage): an array of presets, or one. Invalid entries are
 * refused with a reason that names them; nothing unexpected is kept.
 */
export function parsePresets(text: string): GeneratePreset[] {
  if (text.length > MAX_IMPORT_CHARS) throw new Error('The file is too large for presets (over 2 MB).')
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new Error(`The file is not JSON: ${(e as Error).message}`, { cause: e })
  }
  const list = Array.isArray(data) ? data : [data]
  if (list.length > MAX_PRESETS) throw new Error(`At most ${MAX_PRESETS} presets can be imported.`)
  return list.map((p, i) => {
    const where = `Preset ${i + 1}`
    if (typeof p !== 'object' || p === null) throw new Error(`${where} is not an object.`)
    const o = p as Record<string, unknown>
    const str = (k: string) => {
      if (typeof o[k] !== 'string') throw new Error(`${where}: "${k}" must be text.`)
      return o[k] as string
    }
    const name = str('name').trim().slice(0, 100)
    if (!name) throw new Error(`${where} has no name.`)
    const valueFormat = o.valueFormat === 'text' ? 'text' : 'json'
    const headers = Array.isArray(o.headers) ? o.headers.slice(0, 32) : []
    const fromSchema = parseSchemaPick(o.fromSchema, where)
    return {
      name,
      ...(fromSchema ? { fromSchema } : {}),
      keyTemplate: str('keyTemplate'),
      valueTemplate: str('valueTemplate'),
      valueFormat,
      headers: headers.map((h, j) => {
        const hh = h as Record<string, unknown>
        if (typeof hh?.name !== 'string' || typeof hh.template !== 'string')
          throw new Error(`${where}: header ${j + 1} needs "name" and "template" as text.`)
        return { name: hh.name, template: hh.template }
      }),
    }
  })
}

export function serializePresets(presets: readonly GeneratePreset[]): string {
  return JSON.stringify(presets, null, 2)
}
