import { encodePathSegment } from '../../lib/path-segment.ts'
import { KafkaRestError, type RequestSummary } from '../errors.ts'
import {
  HttpTransport,
  endpointUrl,
  type ConnectionSettings,
  type RequestLogSink,
  type RestRequest,
} from '../http/transport.ts'
import { badAnswer, checkError, registryError } from './registry-errors.ts'
import {
  parseCompatibility,
  parseId,
  parseLevel,
  parseSchemaById,
  parseSubjects,
  parseSubjectVersion,
  parseSubjectVersionRefs,
  parseVersions,
} from './registry-parse.ts'
import type {
  CompatibilityCheck,
  CompatibilityLevel,
  RegisteredSchema,
  RegistryAuth,
  SchemaInput,
  SubjectVersion,
  VersionRef,
} from './registry-types.ts'

/** The registry's media type first; plain JSON is what a few registries (and gateways) answer with. */
const ACCEPT =
  'application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5'
const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json'
/** Schemas cached by id per client (= per connection): records name a few ids; a hostile topic cannot name millions. */
const MAX_CACHED_SCHEMAS = 2000

export interface RegistrySettings {
  /** The registry base URL, e.g. http://127.0.0.1:8081 (normalised: no trailing slash). */
  url: string
  auth: RegistryAuth
  useProxy: boolean
  proxyBase?: string
  maxResponseBytes?: number
}

/** The transport settings of a registry: the same proxy and request log as the Kafka endpoint, its own auth. */
export function registryTransportSettings(s: RegistrySettings): ConnectionSettings {
  const auth = s.auth
  return {
    endpoint: s.url,
    useProxy: s.useProxy,
    proxyBase: s.proxyBase,
    maxResponseBytes: s.maxResponseBytes,
    service: 'registry',
    ...(auth.kind === 'basic'
      ? { authScheme: 'basic', authUser: auth.user, apiKey: auth.password }
      : auth.kind === 'none'
        ? { authScheme: 'none', apiKey: '' }
        : { authScheme: auth.kind, apiKey: auth.token }),
  }
}

function segment(name: string, what: string): string {
  const s = encodePathSegment(name, what)
  if (!s.ok)
    throw new KafkaRestError({
      kind: 'form',
      message: s.reason,
      hint: `This ${what} cannot be addressed over HTTP.`,
    })
  return s.segment
}

function versionSegment(v: VersionRef): string {
  if (v === 'latest') return 'latest'
  if (!Number.isSafeInteger(v) || v < 1 || v > 2 ** 31 - 1)
    throw new KafkaRestError({
      kind: 'form',
      message: `Version ${v} is not valid.`,
      hint: 'Use a number from 1, or latest.',
    })
  return String(v)
}

function schemaBody(s: SchemaInput): string {
  return JSON.stringify({
    schema: s.schema,
    // Avro is the default: omitted, as older registries reject the field.
    ...(s.schemaType === 'AVRO' ? {} : { schemaType: s.schemaType }),
    ...(s.references?.length ? { references: s.references } : {}),
  })
}

/** A Confluent-compatible Schema Registry over the console's HTTP transport (proxy, request log, errors). */
export class SchemaRegistryClient {
  private readonly transport: HttpTransport
  private readonly byId = new Map<number, Promise<RegisteredSchema>>()

  constructor(transport: HttpTransport) {
    this.transport = transport
  }

  static create(settings: RegistrySettings, sink?: RequestLogSink): SchemaRegistryClient {
    return new SchemaRegistryClient(new HttpTransport(registryTransportSettings(settings), sink))
  }

  get url(): string {
    return this.transport.endpoint
  }

  private summary(req: RestRequest): RequestSummary {
    return { method: req.method ?? 'GET', url: endpointUrl(this.url, req.path, req.query) }
  }

  private async call<T>(req: RestRequest, parse: (body: unknown, r: RequestSummary) => T): Promise<T> {
    const full: RestRequest = {
      accept: ACCEPT,
      ...(req.body !== undefined ? { contentType: CONTENT_TYPE } : {}),
      ...req,
    }
    let body: unknown
    try {
      body = await this.transport.json(full)
    } catch (e) {
      throw registryError(e)
    }
    return parse(body, this.summary(full))
  }

  /**
   * The connection check: `GET /subjects`. A 401 says the credentials are wrong; an answer no registry gives says
   * the URL is not a Schema Registry; unreachable keeps the transport's network / proxy error.
   */
  async check(signal?: AbortSignal): Promise<string[]> {
    const req: RestRequest = { path: '/subjects', accept: ACCEPT, signal }
    try {
      return parseSubjects(await this.transport.json(req), this.summary(req))
    } catch (e) {
      throw checkError(e, this.summary(req))
    }
  }

  /** Subject names; with `deleted`, soft-deleted subjects too. */
  listSubjects(opts: { deleted?: boolean; signal?: AbortSignal } = {}): Promise<string[]> {
    return this.call(
      { path: '/subjects', query: opts.deleted ? { deleted: true } : undefined, signal: opts.signal },
      parseSubjects,
    )
  }

  /** A subject's version numbers, ascending; with `deleted`, soft-deleted versions too. */
  versions(subject: string, opts: { deleted?: boolean; signal?: AbortSignal } = {}): Promise<number[]> {
    return this.call(
      {
        path: `/subjects/${segment(subject, 'subject')}/versions`,
        query: opts.deleted ? { deleted: true } : undefined,
        signal: opts.signal,
      },
      parseVersions,
    )
  }

  /** One version; with `deleted`, a soft-deleted one can be read too. */
  schemaByVersion(
    subject: string,
    version: VersionRef,
    opts: { deleted?: boolean; signal?: AbortSignal } = {},
  ): Promise<SubjectVersion> {
    return this.call(
      {
        path: `/subjects/${segment(subject, 'subject')}/versions/${versionSegment(version)}`,
        query: opts.deleted ? { deleted: true } : undefined,
        signal: opts.signal,
      },
      parseSubjectVersion,
    )
  }

  /**
   * The schema a record's id names. Fetched once per id and client (a connection's client lives as long as the
   * connection); concurrent callers share one request; a failure is not cached. The signal is not passed on: one
   * caller's cancel must not fail the others.
   */
  schemaById(id: number): Promise<RegisteredSchema> {
    if (!Number.isSafeInteger(id) || id < 0 || id > 2 ** 31 - 1)
      return Promise.reject(
        new KafkaRestError({
          kind: 'form',
          message: `Schema id ${id} is not valid.`,
          hint: 'Schema ids are 32-bit numbers.',
        }),
      )
    const cached = this.byId.get(id)
    if (cached) return cached
    if (this.byId.size >= MAX_CACHED_SCHEMAS) this.byId.delete(this.byId.keys().next().value as number)
    const p = this.call({ path: `/schemas/ids/${id}` }, (b, r) => parseSchemaById(b, id, r))
    this.byId.set(id, p)
    p.catch(() => this.byId.delete(id))
    return p
  }

  /** Where schema `id` is registered: its subjects and versions (for a record's badge and link). */
  subjectVersionsOfSchema(
    id: number,
    signal?: AbortSignal,
  ): Promise<Array<{ subject: string; version: number }>> {
    return this.call({ path: `/schemas/ids/${id}/versions`, signal }, parseSubjectVersionRefs)
  }

  /** Registers `schema` under `subject` (a compatibility refusal is a 409 with the registry's message). */
  register(subject: string, schema: SchemaInput): Promise<{ id: number }> {
    return this.call(
      { method: 'POST', path: `/subjects/${segment(subject, 'subject')}/versions`, body: schemaBody(schema) },
      (b, r) => ({ id: parseId(b, r) }),
    )
  }

  /** The version of `subject` that holds exactly this schema, or null when none does (40403) or no subject (40401). */
  async lookup(
    subject: string,
    schema: SchemaInput,
    opts: { deleted?: boolean } = {},
  ): Promise<SubjectVersion | null> {
    try {
      return await this.call(
        {
          method: 'POST',
          path: `/subjects/${segment(subject, 'subject')}`,
          query: opts.deleted ? { deleted: true } : undefined,
          body: schemaBody(schema),
        },
        parseSubjectVersion,
      )
    } catch (e) {
      if (e instanceof KafkaRestError && (e.errorCode === 40403 || e.errorCode === 40401)) return null
      throw e
    }
  }

  globalCompatibility(signal?: AbortSignal): Promise<CompatibilityLevel> {
    return this.call({ path: '/config', signal }, parseLevel)
  }

  /** The subject's own level, or null when it has none (the global level applies). */
  async subjectCompatibility(subject: string, signal?: AbortSignal): Promise<CompatibilityLevel | null> {
    try {
      return await this.call({ path: `/config/${segment(subject, 'subject')}`, signal }, parseLevel)
    } catch (e) {
      // Confluent: 40408; older registries and Karapace: 40401 or a plain 404 for a subject without its own level.
      if (e instanceof KafkaRestError && e.kind === 'http' && e.status === 404) return null
      throw e
    }
  }

  /** Sets the global level (`subject` null) or the subject's own; answers the level now in force. */
  setCompatibility(subject: string | null, level: CompatibilityLevel): Promise<CompatibilityLevel> {
    return this.call(
      {
        method: 'PUT',
        path: subject === null ? '/config' : `/config/${segment(subject, 'subject')}`,
        body: JSON.stringify({ compatibility: level }),
      },
      parseLevel,
    )
  }

  /** Is `schema` compatible with `version` (default: every version the level asks for) of `subject`? */
  checkCompatibility(
    subject: string,
    schema: SchemaInput,
    version: VersionRef = 'latest',
  ): Promise<CompatibilityCheck> {
    return this.call(
      {
        method: 'POST',
        path: `/compatibility/subjects/${segment(subject, 'subject')}/versions/${versionSegment(version)}`,
        query: { verbose: true },
        body: schemaBody(schema),
      },
      parseCompatibility,
    )
  }

  /** Soft delete: the subject's versions stay readable by id and come back with `deleted`. Returns the versions. */
  deleteSubject(subject: string): Promise<number[]> {
    return this.call({ method: 'DELETE', path: `/subjects/${segment(subject, 'subject')}` }, parseVersions)
  }

  /** Soft delete of one version; returns its number. */
  deleteVersion(subject: string, version: number): Promise<number> {
    return this.call(
      {
        method: 'DELETE',
        path: `/subjects/${segment(subject, 'subject')}/versions/${versionSegment(version)}`,
      },
      (b, r) => {
        if (typeof b !== 'number') throw badAnswer('a version number', r)
        return b
      },
    )
  }
}
