/**
 * The registry's state: schemas by global id, subjects with their versions (soft-deleted or not), and
 * compatibility levels. With a data dir, every change rewrites `registry.json` atomically (write + rename)
 * before it is acknowledged; without one, everything stays in memory.
 */
import fs from 'node:fs'
import path from 'node:path'
import { RestError } from '../errors.ts'
import * as err from './registry-errors.ts'
import {
  SchemaParseError,
  compatibilityProblems,
  parseSchema,
  type CompatibilityLevel,
  type ParsedSchema,
  type ResolvedReference,
  type SchemaType,
} from './schema-kinds.ts'

export interface SchemaReference {
  name: string
  subject: string
  version: number
}

export interface StoredSchema {
  id: number
  schemaType: SchemaType
  schema: string
  references: SchemaReference[]
}

export interface VersionEntry {
  version: number
  id: number
  deleted: boolean
}

interface SubjectEntry {
  versions: VersionEntry[]
  compatibility?: CompatibilityLevel
}

interface RegistryFile {
  nextId: number
  compatibility: CompatibilityLevel
  schemas: StoredSchema[]
  subjects: Record<string, SubjectEntry>
}

export interface SchemaRequest {
  schema: string
  schemaType: SchemaType
  references: SchemaReference[]
}

const MAX_REFERENCE_DEPTH = 16

export class RegistryStore {
  private readonly file: string | null
  private nextId = 1
  compatibility: CompatibilityLevel = 'BACKWARD'
  private readonly schemas = new Map<number, StoredSchema>()
  private readonly subjects = new Map<string, SubjectEntry>()
  private readonly parsed = new Map<number, ParsedSchema>()
  /** Identity (type + canonical text + references) → id, so the same schema always gets the same id. */
  private readonly byIdentity = new Map<string, number>()
  /** The JSON last written to (or read from) registry.json: what a failed write rolls back to. */
  private lastSaved: string | null = null

  constructor(dataDir: string | null) {
    this.file = dataDir === null ? null : path.join(dataDir, 'registry.json')
  }

  /** True when a registry file was found and loaded. */
  open(): boolean {
    if (this.file === null || !fs.existsSync(this.file)) return false
    let text: string
    try {
      text = fs.readFileSync(this.file, 'utf8')
      this.load(text)
    } catch (e) {
      throw new Error(`sandbox data dir: unreadable registry.json (${(e as Error).message})`, { cause: e })
    }
    this.lastSaved = text
    return true
  }

  private load(text: string): void {
    const data = JSON.parse(text) as RegistryFile
    this.reset()
    this.nextId = data.nextId
    this.compatibility = data.compatibility
    for (const s of data.schemas) this.schemas.set(s.id, s)
    for (const [name, entry] of Object.entries(data.subjects)) this.subjects.set(name, entry)
    for (const s of data.schemas) this.byIdentity.set(this.identity(s, this.parse(s)), s.id)
  }

  /** Writes the state now (an empty registry too, so a later start knows the data dir has one). */
  persist(): void {
    this.save()
  }

  private save(): void {
    if (this.file === null) return
    const data: RegistryFile = {
      nextId: this.nextId,
      compatibility: this.compatibility,
      schemas: [...this.schemas.values()],
      subjects: Object.fromEntries(this.subjects),
    }
    const text = JSON.stringify(data)
    const tmp = `${this.file}.tmp`
    try {
      fs.writeFileSync(tmp, text)
      fs.renameSync(tmp, this.file)
      this.lastSaved = text
    } catch (e) {
      // Nothing half-done stays: back to the last state written, and say so.
      fs.rmSync(tmp, { force: true, recursive: true })
      if (this.lastSaved === null) this.reset()
      else this.load(this.lastSaved)
      const code = (e as NodeJS.ErrnoException).code ?? 'EIO'
      throw new RestError(
        500,
        50001,
        `Error in the backend data store: could not write registry.json (${code}); nothing was changed.`,
      )
    }
  }

  private reset(): void {
    this.nextId = 1
    this.compatibility = 'BACKWARD'
    this.schemas.clear()
    this.subjects.clear()
    this.parsed.clear()
    this.byIdentity.clear()
  }

  private identity(
    s: { schemaType: SchemaType; references: SchemaReference[] },
    parsed: ParsedSchema,
  ): string {
    return JSON.stringify([
      s.schemaType,
      parsed.canonical,
      s.references.map((r) => [r.name, r.subject, r.version]),
    ])
  }

  /** Parses a stored schema (cached per id: schemas never change once registered). */
  parse(s: StoredSchema): ParsedSchema {
    let p = this.parsed.get(s.id)
    if (p === undefined) {
      p = parseSchema(s.schemaType, s.schema, this.resolveReferences(s.references, 0))
      this.parsed.set(s.id, p)
    }
    return p
  }

  private resolveReferences(refs: SchemaReference[], depth: number): ResolvedReference[] {
    if (depth > MAX_REFERENCE_DEPTH) throw new SchemaParseError('references nested too deeply')
    return refs.map((ref) => {
      const entry = this.subjects.get(ref.subject)?.versions.find((v) => v.version === ref.version)
      const target = entry === undefined ? undefined : this.schemas.get(entry.id)
      if (entry === undefined || target === undefined)
        throw new SchemaParseError(
          `reference '${ref.name}' points at ${ref.subject} version ${ref.version}, which does not exist`,
        )
      return { name: ref.name, parsed: this.parse(target) }
    })
  }

  /** Validates a request's schema; 42201 with the parser's reason when it is not valid. */
  parseRequest(req: SchemaRequest): ParsedSchema {
    try {
      return parseSchema(req.schemaType, req.schema, this.resolveReferences(req.references, 0))
    } catch (e) {
      if (e instanceof SchemaParseError)
        throw err.invalidSchema(`Invalid ${req.schemaType} schema: ${e.message}`)
      throw e
    }
  }

  // ---- reads -------------------------------------------------------------------------------------------

  subjectNames(includeDeleted: boolean, prefix = ''): string[] {
    return [...this.subjects]
      .filter(([name, e]) => name.startsWith(prefix) && e.versions.some((v) => includeDeleted || !v.deleted))
      .map(([name]) => name)
      .sort()
  }

  getSchema(id: number): StoredSchema | undefined {
    return this.schemas.get(id)
  }

  maxId(): number {
    return this.nextId - 1
  }

  /** Versions of a subject; 40401 when it has none visible. */
  versions(subject: string, includeDeleted: boolean): VersionEntry[] {
    const list = (this.subjects.get(subject)?.versions ?? []).filter((v) => includeDeleted || !v.deleted)
    if (list.length === 0) throw err.subjectNotFound(subject)
    return list
  }

  /** One version (`latest` or -1 = newest); 40401, 40402 or 42202 as the reference says. */
  version(subject: string, version: string, includeDeleted: boolean): VersionEntry {
    const n = parseVersion(version)
    const list = this.versions(subject, includeDeleted)
    const found = n === -1 ? list[list.length - 1] : list.find((v) => v.version === n)
    if (found === undefined) throw err.versionNotFound(version)
    return found
  }

  /** Subject/version pairs that use a schema id. */
  usesOf(id: number, includeDeleted: boolean): Array<{ subject: string; version: number }> {
    const out: Array<{ subject: string; version: number }> = []
    for (const [subject, e] of [...this.subjects].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      for (const v of e.versions)
        if (v.id === id && (includeDeleted || !v.deleted)) out.push({ subject, version: v.version })
    return out
  }

  /** Ids of live schemas that reference subject/version. */
  referencedBy(subject: string, version: number): number[] {
    const ids = new Set<number>()
    for (const s of this.schemas.values()) {
      if (!s.references.some((r) => r.subject === subject && r.version === version)) continue
      if (this.usesOf(s.id, false).length > 0) ids.add(s.id)
    }
    return [...ids].sort((a, b) => a - b)
  }

  /** Looks a schema up under a subject (POST /subjects/{s}). */
  lookup(
    subject: string,
    req: SchemaRequest,
    includeDeleted: boolean,
  ): { entry: VersionEntry; schema: StoredSchema } {
    const list = this.versions(subject, includeDeleted)
    const key = this.identity(req, this.parseRequest(req))
    const id = this.byIdentity.get(key)
    const entry = id === undefined ? undefined : [...list].reverse().find((v) => v.id === id)
    if (entry === undefined) throw err.schemaNotFound()
    return { entry, schema: this.schemas.get(entry.id)! }
  }

  subjectCompatibility(subject: string): CompatibilityLevel | undefined {
    return this.subjects.get(subject)?.compatibility
  }

  hasSubject(subject: string): boolean {
    return (this.subjects.get(subject)?.versions.length ?? 0) > 0
  }

  effectiveCompatibility(subject: string): CompatibilityLevel {
    return this.subjectCompatibility(subject) ?? this.compatibility
  }

  /** Problems registering `req` under `subject` would meet; against one version, or (undefined) the configured set. */
  compatibilityProblems(subject: string, req: SchemaRequest, version?: VersionEntry): string[] {
    const candidate = this.parseRequest(req)
    const live = (this.subjects.get(subject)?.versions ?? []).filter((v) => !v.deleted)
    const against = version === undefined ? live : [version]
    const level = this.effectiveCompatibility(subject)
    const previous = against.map((v) => this.parse(this.schemas.get(v.id)!))
    // Against one given version, a transitive level has only that one version to look at.
    return compatibilityProblems(
      version === undefined ? level : (level.replace('_TRANSITIVE', '') as CompatibilityLevel),
      candidate,
      previous,
    )
  }

  // ---- writes ------------------------------------------------------------------------------------------

  /** Registers a schema under a subject: the same schema again keeps its id and version. */
  register(subject: string, req: SchemaRequest): number {
    const parsed = this.parseRequest(req)
    const key = this.identity(req, parsed)
    const existingId = this.byIdentity.get(key)
    const entry = this.subjects.get(subject)
    const live = (entry?.versions ?? []).filter((v) => !v.deleted)
    if (existingId !== undefined && live.some((v) => v.id === existingId)) return existingId
    const problems = this.compatibilityProblems(subject, req)
    if (problems.length > 0) {
      const level = this.effectiveCompatibility(subject)
      throw err.incompatibleSchema(
        `Schema being registered is incompatible with an earlier schema for subject "${subject}" (compatibility ${level}), details: [${problems.join('; ')}]`,
      )
    }
    let id = existingId
    if (id === undefined) {
      id = this.nextId++
      this.schemas.set(id, {
        id,
        schemaType: req.schemaType,
        schema: storedText(req, parsed),
        references: req.references,
      })
      this.parsed.set(id, parsed)
      this.byIdentity.set(key, id)
    }
    const target = entry ?? { versions: [] }
    const next = target.versions.reduce((m, v) => Math.max(m, v.version), 0) + 1
    target.versions.push({ version: next, id, deleted: false })
    this.subjects.set(subject, target)
    this.save()
    return id
  }

  deleteSubject(subject: string, permanent: boolean): number[] {
    const entry = this.subjects.get(subject)
    if (entry === undefined || entry.versions.length === 0) throw err.subjectNotFound(subject)
    const live = entry.versions.filter((v) => !v.deleted)
    if (!permanent) {
      if (live.length === 0) throw err.subjectSoftDeleted(subject)
      for (const v of live)
        if (this.referencedBy(subject, v.version).length > 0) throw err.referenceExists(subject, v.version)
      for (const v of live) v.deleted = true
      this.save()
      return live.map((v) => v.version)
    }
    if (live.length > 0) throw err.subjectNotSoftDeleted(subject)
    const versions = entry.versions.map((v) => v.version)
    this.subjects.delete(subject)
    this.save()
    return versions
  }

  deleteVersion(subject: string, version: string, permanent: boolean): number {
    const n = parseVersion(version)
    const entry = this.subjects.get(subject)
    if (entry === undefined || entry.versions.length === 0) throw err.subjectNotFound(subject)
    const candidates = permanent ? entry.versions : entry.versions.filter((v) => !v.deleted)
    const found = n === -1 ? candidates[candidates.length - 1] : entry.versions.find((v) => v.version === n)
    if (found === undefined) throw err.versionNotFound(version)
    if (!permanent) {
      if (found.deleted) throw err.versionSoftDeleted(subject, found.version)
      if (this.referencedBy(subject, found.version).length > 0)
        throw err.referenceExists(subject, found.version)
      found.deleted = true
    } else {
      if (!found.deleted) throw err.versionNotSoftDeleted(subject, found.version)
      entry.versions = entry.versions.filter((v) => v !== found)
      if (entry.versions.length === 0 && entry.compatibility === undefined) this.subjects.delete(subject)
    }
    this.save()
    return found.version
  }

  setCompatibility(subject: string | null, level: CompatibilityLevel): void {
    if (subject === null) this.compatibility = level
    else {
      const entry = this.subjects.get(subject) ?? { versions: [] }
      entry.compatibility = level
      this.subjects.set(subject, entry)
    }
    this.save()
  }

  /** Removes a subject-level compatibility; returns what it was. */
  clearCompatibility(subject: string): CompatibilityLevel | undefined {
    const entry = this.subjects.get(subject)
    const was = entry?.compatibility
    if (entry !== undefined) {
      delete entry.compatibility
      if (entry.versions.length === 0) this.subjects.delete(subject)
      this.save()
    }
    return was
  }
}

/** AVRO and JSON are kept as compact JSON (as Confluent answers them); Protobuf text as sent. */
function storedText(req: SchemaRequest, parsed: ParsedSchema): string {
  return parsed.type === 'PROTOBUF' ? req.schema : parsed.canonical
}

/** `latest`, -1 (latest) or 1..2^31-1; anything else is 42202. */
export function parseVersion(version: string): number {
  if (version === 'latest' || version === '-1') return -1
  if (!/^\d+$/.test(version)) throw err.invalidVersion(version)
  const n = Number(version)
  if (n < 1 || n > 2 ** 31 - 1) throw err.invalidVersion(version)
  return n
}
