import type { RequestSummary } from '../errors.ts'
import { badAnswer } from './registry-errors.ts'
import type {
  CompatibilityCheck,
  RegisteredSchema,
  SchemaReference,
  SchemaType,
  SubjectVersion,
} from './registry-types.ts'

/** Every registry answer is untrusted: shapes are checked, lists capped, texts kept as strings. */
const MAX_REFERENCES = 1000
const MAX_MESSAGES = 50
const MAX_MESSAGE_CHARS = 2000

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
}

export function parseSubjects(body: unknown, request: RequestSummary): string[] {
  if (!Array.isArray(body) || !body.every((s) => typeof s === 'string'))
    throw badAnswer('a list of subject names', request)
  return body as string[]
}

export function parseVersions(body: unknown, request: RequestSummary): number[] {
  if (!Array.isArray(body) || !body.every(isId)) throw badAnswer('a list of version numbers', request)
  return (body as number[]).slice().sort((a, b) => a - b)
}

function parseType(v: unknown): SchemaType | null {
  if (v === undefined || v === null || v === 'AVRO') return 'AVRO'
  return v === 'PROTOBUF' || v === 'JSON' ? v : null
}

function parseReferences(v: unknown): SchemaReference[] | null {
  if (v === undefined || v === null) return []
  if (!Array.isArray(v)) return null
  const refs: SchemaReference[] = []
  for (const r of v.slice(0, MAX_REFERENCES)) {
    if (!isRecord(r) || typeof r.name !== 'string' || typeof r.subject !== 'string' || !isId(r.version))
      return null
    refs.push({ name: r.name, subject: r.subject, version: r.version })
  }
  return refs
}

/** `GET /schemas/ids/{id}`: the id is ours (the wire does not repeat it). */
export function parseSchemaById(body: unknown, id: number, request: RequestSummary): RegisteredSchema {
  const schemaType = isRecord(body) ? parseType(body.schemaType) : null
  const references = isRecord(body) ? parseReferences(body.references) : null
  if (!isRecord(body) || typeof body.schema !== 'string' || !schemaType || !references)
    throw badAnswer('a schema ({schema, schemaType, references})', request)
  return { id, schemaType, schema: body.schema, references }
}

export function parseSubjectVersion(body: unknown, request: RequestSummary): SubjectVersion {
  if (!isRecord(body) || !isId(body.id) || !isId(body.version) || typeof body.subject !== 'string')
    throw badAnswer('a subject version ({subject, id, version, schema})', request)
  return {
    ...parseSchemaById(body, body.id, request),
    subject: body.subject,
    version: body.version,
  }
}

/** Subject versions listed at most (`GET /schemas/ids/{id}/versions`): a badge needs one, a hostile list is long. */
const MAX_SUBJECT_VERSIONS = 100

/** `GET /schemas/ids/{id}/versions`: where a schema is registered, as `[{subject, version}]`. */
export function parseSubjectVersionRefs(
  body: unknown,
  request: RequestSummary,
): Array<{ subject: string; version: number }> {
  if (!Array.isArray(body)) throw badAnswer('a list of subject versions ([{subject, version}])', request)
  const out: Array<{ subject: string; version: number }> = []
  for (const r of body.slice(0, MAX_SUBJECT_VERSIONS)) {
    if (!isRecord(r) || typeof r.subject !== 'string' || !isId(r.version))
      throw badAnswer('a list of subject versions ([{subject, version}])', request)
    out.push({ subject: r.subject, version: r.version })
  }
  return out
}

export function parseId(body: unknown, request: RequestSummary): number {
  if (!isRecord(body) || !isId(body.id)) throw badAnswer('a schema id ({id})', request)
  return body.id
}

/** `{compatibilityLevel}` from GET /config, `{compatibility}` from PUT /config. */
export function parseLevel(body: unknown, request: RequestSummary): string {
  const level = isRecord(body) ? (body.compatibilityLevel ?? body.compatibility) : undefined
  if (typeof level !== 'string' || !level || level.length > 100)
    throw badAnswer('a compatibility level', request)
  return level
}

export function parseCompatibility(body: unknown, request: RequestSummary): CompatibilityCheck {
  if (!isRecord(body) || typeof body.is_compatible !== 'boolean')
    throw badAnswer('a compatibility result ({is_compatible})', request)
  const messages = Array.isArray(body.messages)
    ? body.messages
        .slice(0, MAX_MESSAGES)
        .map((m) => (typeof m === 'string' ? m : JSON.stringify(m)).slice(0, MAX_MESSAGE_CHARS))
    : []
  return { compatible: body.is_compatible, messages }
}
