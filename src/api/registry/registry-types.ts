/**
 * The Confluent Schema Registry API as the console uses it (Confluent, Karapace, Redpanda, Event Streams, Apicurio's
 * compatibility API and our sandbox all speak it). Our own types: the wire shapes are checked in registry-parse.ts.
 */

/** A registry's schema formats. The wire omits `schemaType` for Avro, the original (and default) type. */
export type SchemaType = 'AVRO' | 'PROTOBUF' | 'JSON'

export const SCHEMA_TYPES: readonly SchemaType[] = ['AVRO', 'PROTOBUF', 'JSON']

/** Another subject's version a schema imports, under the name the schema uses for it (e.g. `other.proto`). */
export interface SchemaReference {
  name: string
  subject: string
  version: number
}

/** A schema as `GET /schemas/ids/{id}` gives it: what a record's schema id resolves to. */
export interface RegisteredSchema {
  id: number
  schemaType: SchemaType
  /** The schema text: Avro or JSON Schema as JSON text, Protobuf as `.proto` text. */
  schema: string
  references: SchemaReference[]
}

/** One version of a subject (`GET /subjects/{subject}/versions/{version}`). */
export interface SubjectVersion extends RegisteredSchema {
  subject: string
  version: number
}

/** What `register`, `lookup` and `checkCompatibility` send. */
export interface SchemaInput {
  schema: string
  schemaType: SchemaType
  references?: SchemaReference[]
}

export const COMPATIBILITY_LEVELS = [
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
  'NONE',
] as const

/** A known level, or what the registry said verbatim (a newer level is shown, not refused). */
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number] | (string & {})

export interface CompatibilityCheck {
  compatible: boolean
  /** Why not, when the registry says (`?verbose=true`). */
  messages: string[]
}

/** `latest` or a version number (1 … 2^31-1). */
export type VersionRef = number | 'latest'

/** Auth a registry takes: Basic user + password (Confluent Cloud key + secret, Aiven), or a bearer token. */
/** The same schemes as the Kafka endpoint: a token sent as Bearer, X-Auth-Token or Basic token:<token>, or Basic user:password. */
export type RegistryAuth =
  | { kind: 'none' }
  | { kind: 'basic'; user: string; password: string }
  | { kind: 'bearer' | 'x-auth-token' | 'basic-token'; token: string }
