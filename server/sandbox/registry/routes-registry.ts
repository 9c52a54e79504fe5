/**
 * A Confluent-compatible Schema Registry API on the sandbox's own port, as Karapace serves its registry
 * next to its REST proxy. Written from Confluent's Schema Registry API reference; paths `/subjects…`,
 * `/schemas…`, `/config…`, `/compatibility…` and `/mode…` do not clash with the REST routes.
 */
import { RestError, unsupportedMediaType } from '../errors.ts'
import {
  isPlainObject,
  parseJsonBody,
  readBody,
  sendJson,
  sendRaw,
  type RequestContext,
  type Router,
} from '../http-kit.ts'
import * as err from './registry-errors.ts'
import { REGISTRY_MEDIA_TYPE } from './registry-errors.ts'
import {
  parseVersion,
  type RegistryStore,
  type SchemaReference,
  type SchemaRequest,
  type StoredSchema,
  type VersionEntry,
} from './registry-store.ts'
import {
  COMPATIBILITY_LEVELS,
  SCHEMA_TYPES,
  type CompatibilityLevel,
  type SchemaType,
} from './schema-kinds.ts'

const REGISTRY_ROOTS = new Set(['subjects', 'schemas', 'config', 'compatibility', 'mode'])

/** True for a path the registry answers (its first segment is one of the registry's resources). */
export function isRegistryPath(path: string): boolean {
  const first = path.split('/').find((s) => s !== '')
  return first !== undefined && REGISTRY_ROOTS.has(first)
}

/** Answer types a client may ask for; the answer is always the v1 type, as Confluent's default. */
const ANSWER_TYPES = [
  'application/vnd.schemaregistry.v1+json',
  'application/vnd.schemaregistry+json',
  'application/json',
]

/** False when an Accept header names only types the registry cannot answer with (Jersey then says 406). */
export function registryAcceptable(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true
  return accept.split(',').some((part) => {
    const type = part.split(';')[0].trim().toLowerCase()
    return type === '*/*' || type === 'application/*' || ANSWER_TYPES.includes(type)
  })
}

/** Request types Confluent's registry accepts (its REST layer also takes octet-stream). */
const REQUEST_TYPES = [
  'application/vnd.schemaregistry.v1+json',
  'application/vnd.schemaregistry+json',
  'application/json',
  'application/octet-stream',
]

const flag = (ctx: RequestContext, name: string): boolean => ctx.query.get(name)?.toLowerCase() === 'true'

const send = (ctx: RequestContext, body: unknown): void => sendJson(ctx, 200, body, REGISTRY_MEDIA_TYPE)

async function readJsonObject(ctx: RequestContext): Promise<Record<string, unknown>> {
  const type = ctx.req.headers['content-type']
  if (type !== undefined && type.trim() !== '') {
    const mime = type.split(';')[0].trim().toLowerCase()
    if (!REQUEST_TYPES.includes(mime)) throw unsupportedMediaType()
  }
  const body = parseJsonBody(await readBody(ctx.req, ctx.maxBodyBytes))
  if (!isPlainObject(body)) throw new RestError(422, 422, 'The request body must be a JSON object.')
  return body
}

function schemaRequest(body: Record<string, unknown>): SchemaRequest {
  const rawType = body.schemaType ?? 'AVRO'
  if (typeof rawType !== 'string' || !(SCHEMA_TYPES as readonly string[]).includes(rawType.toUpperCase()))
    throw err.invalidSchema(`Invalid schemaType ${JSON.stringify(rawType)}: expected AVRO, PROTOBUF or JSON.`)
  const schemaType = rawType.toUpperCase() as SchemaType
  if (typeof body.schema !== 'string' || body.schema.trim() === '')
    throw err.invalidSchema('Empty schema: "schema" must be the schema text as a JSON string.')
  const refs = body.references ?? []
  if (!Array.isArray(refs)) throw err.invalidSchema('"references" must be an array.')
  if (refs.length > 100) throw err.invalidSchema('Too many references (at most 100).')
  const references: SchemaReference[] = refs.map((r: unknown, i: number) => {
    if (
      !isPlainObject(r) ||
      typeof r.name !== 'string' ||
      r.name === '' ||
      typeof r.subject !== 'string' ||
      typeof r.version !== 'number' ||
      !Number.isInteger(r.version)
    )
      throw err.invalidSchema(
        `references[${i}] needs "name" (string), "subject" (string) and "version" (integer).`,
      )
    return { name: r.name, subject: r.subject, version: r.version }
  })
  return { schema: body.schema, schemaType, references }
}

function checkSubjectName(subject: string): void {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(subject)) throw err.invalidSubject(subject)
}

function schemaFields(schema: StoredSchema): Record<string, unknown> {
  return {
    ...(schema.schemaType === 'AVRO' ? {} : { schemaType: schema.schemaType }),
    ...(schema.references.length > 0 ? { references: schema.references } : {}),
    schema: schema.schema,
  }
}

function versionJson(subject: string, entry: VersionEntry, schema: StoredSchema): Record<string, unknown> {
  return { subject, version: entry.version, id: entry.id, ...schemaFields(schema) }
}

function schemaId(ctx: RequestContext): number {
  const raw = ctx.params.id
  if (!/^\d{1,10}$/.test(raw)) throw new RestError(404, 404, 'HTTP 404 Not Found')
  return Number(raw)
}

function compatibilityLevel(body: Record<string, unknown>): CompatibilityLevel {
  const raw = body.compatibility ?? body.compatibilityLevel
  const level = typeof raw === 'string' ? raw.toUpperCase() : ''
  if (!(COMPATIBILITY_LEVELS as readonly string[]).includes(level)) throw err.invalidCompatibilityLevel()
  return level as CompatibilityLevel
}

export function registerRegistryRoutes(router: Router, registry: RegistryStore): void {
  const getSchema = (id: number): StoredSchema => {
    const schema = registry.getSchema(id)
    if (schema === undefined) throw err.schemaNotFound(id)
    return schema
  }

  // ---- subjects --------------------------------------------------------------------------------------
  router.add('GET', '/subjects', (ctx) => {
    send(ctx, registry.subjectNames(flag(ctx, 'deleted'), ctx.query.get('subjectPrefix') ?? ''))
  })

  router.add('POST', '/subjects/:subject', async (ctx) => {
    const req = schemaRequest(await readJsonObject(ctx))
    const { entry, schema } = registry.lookup(ctx.params.subject, req, flag(ctx, 'deleted'))
    send(ctx, versionJson(ctx.params.subject, entry, schema))
  })

  router.add('DELETE', '/subjects/:subject', (ctx) => {
    send(ctx, registry.deleteSubject(ctx.params.subject, flag(ctx, 'permanent')))
  })

  router.add('GET', '/subjects/:subject/versions', (ctx) => {
    send(
      ctx,
      registry.versions(ctx.params.subject, flag(ctx, 'deleted')).map((v) => v.version),
    )
  })

  router.add('POST', '/subjects/:subject/versions', async (ctx) => {
    checkSubjectName(ctx.params.subject)
    const req = schemaRequest(await readJsonObject(ctx))
    send(ctx, { id: registry.register(ctx.params.subject, req) })
  })

  router.add('GET', '/subjects/:subject/versions/:version', (ctx) => {
    const entry = registry.version(ctx.params.subject, ctx.params.version, flag(ctx, 'deleted'))
    send(ctx, versionJson(ctx.params.subject, entry, getSchema(entry.id)))
  })

  router.add('GET', '/subjects/:subject/versions/:version/schema', (ctx) => {
    const entry = registry.version(ctx.params.subject, ctx.params.version, flag(ctx, 'deleted'))
    sendRaw(ctx, 200, getSchema(entry.id).schema, REGISTRY_MEDIA_TYPE)
  })

  router.add('GET', '/subjects/:subject/versions/:version/referencedby', (ctx) => {
    const entry = registry.version(ctx.params.subject, ctx.params.version, true)
    send(ctx, registry.referencedBy(ctx.params.subject, entry.version))
  })

  router.add('DELETE', '/subjects/:subject/versions/:version', (ctx) => {
    send(ctx, registry.deleteVersion(ctx.params.subject, ctx.params.version, flag(ctx, 'permanent')))
  })

  // ---- schemas ---------------------------------------------------------------------------------------
  router.add('GET', '/schemas', (ctx) => {
    const deleted = flag(ctx, 'deleted')
    const latestOnly = flag(ctx, 'latestOnly')
    const out: unknown[] = []
    for (const subject of registry.subjectNames(deleted, ctx.query.get('subjectPrefix') ?? '')) {
      const versions = registry.versions(subject, deleted)
      for (const v of latestOnly ? versions.slice(-1) : versions)
        out.push(versionJson(subject, v, getSchema(v.id)))
    }
    send(ctx, out)
  })

  router.add('GET', '/schemas/types', (ctx) => {
    send(ctx, ['JSON', 'PROTOBUF', 'AVRO'])
  })

  router.add('GET', '/schemas/ids/:id', (ctx) => {
    const id = schemaId(ctx)
    const schema = getSchema(id)
    // The sandbox has only the default context, so `subject` does not narrow the lookup (as in Confluent).
    send(ctx, { ...schemaFields(schema), ...(flag(ctx, 'fetchMaxId') ? { maxId: registry.maxId() } : {}) })
  })

  router.add('GET', '/schemas/ids/:id/schema', (ctx) => {
    sendRaw(ctx, 200, getSchema(schemaId(ctx)).schema, REGISTRY_MEDIA_TYPE)
  })

  router.add('GET', '/schemas/ids/:id/subjects', (ctx) => {
    const id = schemaId(ctx)
    getSchema(id)
    send(ctx, [...new Set(registry.usesOf(id, flag(ctx, 'deleted')).map((u) => u.subject))])
  })

  router.add('GET', '/schemas/ids/:id/versions', (ctx) => {
    const id = schemaId(ctx)
    getSchema(id)
    send(ctx, registry.usesOf(id, flag(ctx, 'deleted')))
  })

  // ---- config ----------------------------------------------------------------------------------------
  router.add('GET', '/config', (ctx) => {
    send(ctx, { compatibilityLevel: registry.compatibility })
  })

  router.add('PUT', '/config', async (ctx) => {
    const level = compatibilityLevel(await readJsonObject(ctx))
    registry.setCompatibility(null, level)
    send(ctx, { compatibility: level })
  })

  router.add('DELETE', '/config', (ctx) => {
    const was = registry.compatibility
    registry.setCompatibility(null, 'BACKWARD')
    send(ctx, { compatibilityLevel: was })
  })

  router.add('GET', '/config/:subject', (ctx) => {
    const subject = ctx.params.subject
    const level = registry.subjectCompatibility(subject)
    if (level !== undefined) return send(ctx, { compatibilityLevel: level })
    if (flag(ctx, 'defaultToGlobal')) return send(ctx, { compatibilityLevel: registry.compatibility })
    if (!registry.hasSubject(subject)) throw err.subjectNotFound(subject)
    throw err.subjectCompatibilityNotConfigured(subject)
  })

  router.add('PUT', '/config/:subject', async (ctx) => {
    checkSubjectName(ctx.params.subject)
    const level = compatibilityLevel(await readJsonObject(ctx))
    registry.setCompatibility(ctx.params.subject, level)
    send(ctx, { compatibility: level })
  })

  router.add('DELETE', '/config/:subject', (ctx) => {
    const was = registry.clearCompatibility(ctx.params.subject)
    if (was === undefined) {
      if (!registry.hasSubject(ctx.params.subject)) throw err.subjectNotFound(ctx.params.subject)
      throw err.subjectCompatibilityNotConfigured(ctx.params.subject)
    }
    send(ctx, { compatibilityLevel: was })
  })

  // ---- compatibility ---------------------------------------------------------------------------------
  const compatibility = async (ctx: RequestContext, version: string | null): Promise<void> => {
    const subject = ctx.params.subject
    if (version !== null) parseVersion(version)
    const req = schemaRequest(await readJsonObject(ctx))
    let problems: string[]
    if (version === null) {
      problems = registry.hasSubject(subject) ? registry.compatibilityProblems(subject, req) : []
      registry.parseRequest(req)
    } else {
      problems = registry.compatibilityProblems(subject, req, registry.version(subject, version, false))
    }
    const body: Record<string, unknown> = { is_compatible: problems.length === 0 }
    // The reasons come only with verbose=true, as on Confluent and Karapace (docs/fidelity.md: sr-compat-check).
    if (flag(ctx, 'verbose')) body.messages = problems
    send(ctx, body)
  }
  router.add('POST', '/compatibility/subjects/:subject/versions/:version', (ctx) =>
    compatibility(ctx, ctx.params.version),
  )
  router.add('POST', '/compatibility/subjects/:subject/versions', (ctx) => compatibility(ctx, null))

  // ---- mode ------------------------------------------------------------------------------------------
  router.add('GET', '/mode', (ctx) => {
    send(ctx, { mode: 'READWRITE' })
  })

  router.add('GET', '/mode/:subject', (ctx) => {
    if (!registry.hasSubject(ctx.params.subject)) throw err.subjectNotFound(ctx.params.subject)
    send(ctx, { mode: 'READWRITE' })
  })

  const putMode = async (ctx: RequestContext): Promise<void> => {
    const body = await readJsonObject(ctx)
    if (!['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT'].includes(String(body.mode)))
      throw err.invalidMode(body.mode)
    if (body.mode !== 'READWRITE')
      throw err.operationNotPermitted(
        `Mode ${JSON.stringify(body.mode)} is not available: the sandbox's registry always runs in READWRITE mode.`,
      )
    send(ctx, { mode: 'READWRITE' })
  }
  router.add('PUT', '/mode', putMode)
  router.add('PUT', '/mode/:subject', putMode)
}
